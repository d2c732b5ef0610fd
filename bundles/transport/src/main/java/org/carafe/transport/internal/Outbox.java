package org.carafe.transport.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;

/**
 * The sending side of one connection: writes straight to the non-blocking channel and keeps
 * what the socket did not take until the IO thread can finish it: a buffer handed over (a
 * reply's payload, a frame made for one reply) is kept as it is, the rest of a reused buffer
 * is copied. Also records that the
 * connection is to be closed once everything is out. The loop thread sends replies, the IO
 * thread sends the hello answer and finishes short writes; both under this object's lock,
 * which also makes the IO thread's close exclude a concurrent write.
 */
final class Outbox {
    static final int WRITE_SLICE = 1 << 20;

    private final WritableByteChannel channel;
    private final OutputBudget budget;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    /** What runs when the buffer at the same place in {@link #pending} is done with, or null. */
    private final ArrayDeque<Runnable> whenDone = new ArrayDeque<>();
    private long charged;
    private boolean closing;
    private boolean closed;
    private boolean overflowed;

    Outbox(WritableByteChannel channel, OutputBudget budget) {
        this.channel = channel;
        this.budget = budget;
    }

    /** As {@link #send(ByteBuffer, boolean, Runnable)} of a buffer the caller will reuse. */
    synchronized boolean send(ByteBuffer src) {
        return send(src, false, null);
    }

    /**
     * Sends the readable bytes of {@code src} (consumed whatever happens); with {@code handedOver}
     * the caller gives the buffer up, so what the socket does not take now is kept without a
     * copy, and {@code done} (may be null) runs once it is written or dropped. Returns true
     * when the IO thread must take over: bytes are left to write, or the write failed and the
     * connection must close.
     */
    synchronized boolean send(ByteBuffer src, boolean handedOver, Runnable done) {
        if (closing || closed) {
            src.position(src.limit());
            Done.run(done);
            return false;
        }
        if (!pending.isEmpty()) {
            return !append(src, handedOver, done);
        }

        try {
            while (src.hasRemaining() && write(src) > 0) {
                // the socket took some; offer the rest
            }
        } catch (IOException e) {
            src.position(src.limit());
            Done.run(done);
            closing = true;
            return true;
        }
        if (!src.hasRemaining()) {
            Done.run(done);
            return false;
        }
        append(src, handedOver, done);
        return true;
    }

    /** Whether the connection was closed because its client left too much unread. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    /**
     * Writes what is pending, as far as the socket takes it (IO thread). Returns true when
     * nothing is left; a failed write drops the rest and marks the outbox for closing.
     */
    synchronized boolean flush() {
        if (pending.isEmpty() || closed) {
            return true;
        }
        try {
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                while (head.hasRemaining() && write(head) > 0) {
                    // keep going while the socket takes bytes
                }
                if (head.hasRemaining()) {
                    return false;
                }
                pending.poll();
                Done.run(whenDone.poll());
            }
        } catch (IOException e) {
            dropPending();
            closing = true;
            return true;
        }
        dropPending();
        return true;
    }

    /**
     * Takes what is left to write, as one buffer in read mode (null if nothing), for a
     * successor to send first; the handed-over buffers are done with, and the budget is given
     * back. Nothing is written from here on.
     */
    synchronized ByteBuffer takePending() {
        int total = 0;
        for (ByteBuffer b : pending) {
            total += b.remaining();
        }
        ByteBuffer out = null;
        if (total > 0) {
            out = ByteBuffer.allocate(total);
            for (ByteBuffer b : pending) {
                out.put(b);
            }
            out.flip();
        }
        dropPending();
        closed = true;
        return out;
    }

    /** Whether nothing more is to be sent (the connection closes once the rest is out). */
    synchronized boolean isClosing() {
        return closing;
    }

    /** Nothing more is sent; the IO thread closes once the pending bytes are out. */
    synchronized void closeAfterFlush() {
        closing = true;
    }

    synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Whether the IO thread should close the channel now. */
    synchronized boolean readyToClose() {
        return closing && pending.isEmpty() && !closed;
    }

    /** Marks the channel closed (IO thread, right before closing it); later sends are dropped. */
    synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        dropPending();
        return true;
    }

    /**
     * Keeps the rest of {@code src} for the IO thread: the buffer itself if handed over, else a
     * copy. Over budget, the bytes are dropped and the outbox closes instead; returns false then.
     */
    private boolean append(ByteBuffer src, boolean handedOver, Runnable done) {
        int more = src.remaining();
        if (!budget.take(charged, more)) {
            src.position(src.limit());
            Done.run(done);
            dropPending();
            overflowed = true;
            closing = true;
            return false;
        }
        charged += more;

        if (handedOver) {
            pending.add(src);
            whenDone.add(done != null ? done : Done.NOTHING);
            return true;
        }
        ByteBuffer copy = ByteBuffer.allocate(more);
        copy.put(src).flip();
        pending.add(copy);
        whenDone.add(Done.NOTHING);
        Done.run(done);
        return true;
    }

    /**
     * Writes at most {@link #WRITE_SLICE} bytes of a heap buffer: the JDK copies the whole
     * remainder of a heap buffer into a temporary direct buffer on every write, which for a
     * large reply the socket takes piece by piece would copy it over and over.
     */
    private int write(ByteBuffer src) throws IOException {
        if (src.isDirect() || src.remaining() <= WRITE_SLICE) {
            return channel.write(src);
        }
        int limit = src.limit();
        src.limit(src.position() + WRITE_SLICE);
        try {
            return channel.write(src);
        } finally {
            src.limit(limit);
        }
    }

    private void dropPending() {
        pending.clear();
        whenDone.forEach(Done::run);
        whenDone.clear();
        budget.give(charged);
        charged = 0;
    }
}

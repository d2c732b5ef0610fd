package org.carafe.transport.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The sending side of one connection: writes straight to the non-blocking channel and keeps
 * what the socket did not take until the IO thread can finish it. Also records that the
 * connection is to be closed once everything is out. The loop thread sends replies, the IO
 * thread sends the hello answer and finishes short writes; both under this object's lock,
 * which also makes the IO thread's close exclude a concurrent write.
 */
final class Outbox {
    static final int WRITE_SLICE = 1 << 20;

    private final WritableByteChannel channel;
    private final OutputBudget budget;
    private ByteBuffer pending;
    private long charged;
    private boolean closing;
    private boolean closed;
    private boolean overflowed;

    Outbox(WritableByteChannel channel, OutputBudget budget) {
        this.channel = channel;
        this.budget = budget;
    }

    /**
     * Sends the readable bytes of {@code src} (consumed whatever happens). Returns true when
     * the IO thread must take over: bytes are left to write, or the write failed and the
     * connection must close.
     */
    synchronized boolean send(ByteBuffer src) {
        if (closing || closed) {
            src.position(src.limit());
            return false;
        }
        if (pending != null) {
            return !append(src);
        }

        try {
            while (src.hasRemaining() && write(src) > 0) {
                // the socket took some; offer the rest
            }
        } catch (IOException e) {
            src.position(src.limit());
            closing = true;
            return true;
        }
        if (!src.hasRemaining()) {
            return false;
        }
        append(src);
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
        if (pending == null || closed) {
            return true;
        }
        try {
            while (pending.hasRemaining() && write(pending) > 0) {
                // keep going while the socket takes bytes
            }
        } catch (IOException e) {
            dropPending();
            closing = true;
            return true;
        }
        if (pending.hasRemaining()) {
            return false;
        }
        dropPending();
        return true;
    }

    /** Nothing more is sent; the IO thread closes once the pending bytes are out. */
    synchronized void closeAfterFlush() {
        closing = true;
    }

    synchronized boolean hasPending() {
        return pending != null;
    }

    /** Whether the IO thread should close the channel now. */
    synchronized boolean readyToClose() {
        return closing && pending == null && !closed;
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
     * Keeps the rest of {@code src} for the IO thread, growing the buffer geometrically. Over
     * budget, the bytes are dropped and the outbox closes instead; returns false then.
     */
    private boolean append(ByteBuffer src) {
        int more = src.remaining();
        if (!budget.take(charged, more)) {
            src.position(src.limit());
            dropPending();
            overflowed = true;
            closing = true;
            return false;
        }
        charged += more;

        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(more, 1024));
        } else {
            pending.compact();
            if (pending.remaining() < more) {
                int capacity = Math.max(pending.capacity() * 2, pending.position() + more);
                ByteBuffer bigger = ByteBuffer.allocate(capacity);
                bigger.put(pending.flip());
                pending = bigger;
            }
        }
        pending.put(src);
        pending.flip();
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
        pending = null;
        budget.give(charged);
        charged = 0;
    }
}

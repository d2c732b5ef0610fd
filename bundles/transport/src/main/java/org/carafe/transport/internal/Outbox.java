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
    private final WritableByteChannel channel;
    private ByteBuffer pending;
    private boolean closing;
    private boolean closed;

    Outbox(WritableByteChannel channel) {
        this.channel = channel;
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
            append(src);
            return false;
        }

        try {
            while (src.hasRemaining() && channel.write(src) > 0) {
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

    /**
     * Writes what is pending, as far as the socket takes it (IO thread). Returns true when
     * nothing is left; a failed write drops the rest and marks the outbox for closing.
     */
    synchronized boolean flush() {
        if (pending == null || closed) {
            return true;
        }
        try {
            while (pending.hasRemaining() && channel.write(pending) > 0) {
                // keep going while the socket takes bytes
            }
        } catch (IOException e) {
            pending = null;
            closing = true;
            return true;
        }
        if (pending.hasRemaining()) {
            return false;
        }
        pending = null;
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
        pending = null;
        return true;
    }

    private void append(ByteBuffer src) {
        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(src.remaining(), 1024));
        } else {
            pending.compact();
            if (pending.remaining() < src.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(pending.position() + src.remaining());
                bigger.put(pending.flip());
                pending = bigger;
            }
        }
        pending.put(src);
        pending.flip();
    }
}

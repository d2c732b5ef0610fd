package org.carafe.memory.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers for large reads, kept for reuse: allocating 64 MiB of direct memory costs more
 * here than reading it (the pages are mapped and zeroed anew each time). Buffers come in power
 * of two sizes from {@link #SMALLEST}; a returned buffer is kept while the idle ones stay within
 * {@link #idleLimit} bytes, else left to the garbage collector. A buffer given out is the
 * borrower's until it gives it back, after the socket is done with it: a buffer still being
 * sent must never be lent again. Thread-safe (copy threads borrow, the IO thread returns).
 */
final class DirectPool {
    static final int SMALLEST = 64 * 1024;
    /** Larger reads get a buffer of their own size, not pooled. */
    static final int LARGEST = 1 << 30;

    @SuppressWarnings("unchecked")
    private final ArrayDeque<ByteBuffer>[] idle = new ArrayDeque[32];
    private final long idleLimit;
    private long idleBytes;

    DirectPool(long idleLimit) {
        this.idleLimit = idleLimit;
        for (int i = 0; i < idle.length; i++) {
            idle[i] = new ArrayDeque<>();
        }
    }

    /**
     * A direct buffer of at least {@code length} bytes with position 0 and limit
     * {@code length}, or null when direct memory is short (read into the heap then).
     */
    ByteBuffer borrow(int length) {
        int size = length > LARGEST ? length : sizeFor(length);
        ByteBuffer buffer = length > LARGEST ? null : take(size);
        if (buffer == null) {
            try {
                buffer = ByteBuffer.allocateDirect(size);
            } catch (OutOfMemoryError e) {
                return null;
            }
        }
        return buffer.clear().limit(length);
    }

    /** Gives {@code buffer} (from {@link #borrow}) back; nobody may touch it any more. */
    synchronized void giveBack(ByteBuffer buffer) {
        int size = buffer.capacity();
        if (Integer.bitCount(size) != 1 || size < SMALLEST || idleBytes + size > idleLimit) {
            return;
        }
        idle[classOf(size)].push(buffer);
        idleBytes += size;
    }

    synchronized long idleBytes() {
        return idleBytes;
    }

    private synchronized ByteBuffer take(int size) {
        ByteBuffer buffer = idle[classOf(size)].poll();
        if (buffer != null) {
            idleBytes -= size;
        }
        return buffer;
    }

    /** The power of two at or above {@code length} (up to {@link #LARGEST}), at least 64 KiB. */
    static int sizeFor(int length) {
        if (length <= SMALLEST) {
            return SMALLEST;
        }
        return Integer.highestOneBit(length - 1) << 1;
    }

    private static int classOf(int size) {
        return Integer.numberOfTrailingZeros(size);
    }
}

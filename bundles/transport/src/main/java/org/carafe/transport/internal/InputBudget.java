package org.carafe.transport.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes the transport holds for requests across all connections of one transport: the carry
 * buffers of frames not yet complete and the buffers of requests handed to the loop. A client
 * whose next frame would push the total over {@link #maxTotal()} (an eighth of the heap) loses
 * its connection instead, so clients that send large frames and stall, or many large ones,
 * cannot exhaust the server's memory. Thread-safe.
 */
final class InputBudget {
    private final AtomicLong total = new AtomicLong();
    private final long maxTotal;

    InputBudget() {
        this(Runtime.getRuntime().maxMemory() / 8);
    }

    InputBudget(long maxTotal) {
        this.maxTotal = maxTotal;
    }

    long maxTotal() {
        return maxTotal;
    }

    /** Takes {@code bytes}; false, taking nothing, if the total would exceed the maximum. */
    boolean take(long bytes) {
        long now = total.addAndGet(bytes);
        if (now > maxTotal) {
            total.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void give(long bytes) {
        total.addAndGet(-bytes);
    }

    long total() {
        return total.get();
    }
}

package org.carafe.transport.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number of bytes that all connections of one transport share, up to {@link #maxTotal()}.
 * As the input budget it counts what the transport holds for requests: the carry buffers of
 * frames not yet complete and the buffers of requests handed to the loop (an eighth of the
 * heap), so clients that send large frames and stall, or many large ones, lose their
 * connection instead of exhausting the server's memory. {@link OutputBudget} keeps its total
 * in one too. Thread-safe.
 */
final class ByteBudget {
    private final AtomicLong total = new AtomicLong();
    private final long maxTotal;

    /** The input budget: an eighth of the heap. */
    static ByteBudget forInput() {
        return new ByteBudget(Runtime.getRuntime().maxMemory() / 8);
    }

    ByteBudget(long maxTotal) {
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

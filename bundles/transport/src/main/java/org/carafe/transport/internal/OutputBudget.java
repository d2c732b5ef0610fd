package org.carafe.transport.internal;


/**
 * Bytes of replies waiting in outboxes because their clients do not read, across all
 * connections of one transport. A client that would push the total over {@link #maxTotal()}
 * (a quarter of the heap, at least {@link #MIN_TOTAL}),
 * or its own share over {@link #MAX_PER_CONNECTION}, loses its connection instead, so clients
 * that never read cannot exhaust the server's memory. The share does not bound a connection's
 * first unread reply (a 64 MiB read_process_memory is one reply the client is reading), only
 * what piles up behind it; the total does. Thread-safe.
 */
final class OutputBudget {
    static final long MAX_PER_CONNECTION = 16L << 20;
    static final long MIN_TOTAL = 256L << 20;

    private final ByteBudget total;

    OutputBudget() {
        this(Math.max(MIN_TOTAL, Runtime.getRuntime().maxMemory() / 4));
    }

    OutputBudget(long maxTotal) {
        this.total = new ByteBudget(maxTotal);
    }

    /** The most unread bytes all connections may hold together. */
    long maxTotal() {
        return total.maxTotal();
    }

    /** Takes {@code bytes} for a connection that already holds {@code held}; false if refused. */
    boolean take(long held, long bytes) {
        if (held > 0 && held + bytes > MAX_PER_CONNECTION) {
            return false;
        }
        return total.take(bytes);
    }

    void give(long bytes) {
        total.give(bytes);
    }

    long total() {
        return total.total();
    }
}

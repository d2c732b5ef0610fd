package org.carafe.transport.stats;

/**
 * The replies sent for one request name and their latency: from the dispatcher taking the
 * request to its reply being queued, so a parked request (select, wait_process) counts its
 * wait. Percentiles are upper bounds of histogram buckets, within 12.5 % of the true value.
 */
public record RequestCounter(String request, int code, long count, long p50Nanos,
        long p99Nanos, long maxNanos) {
}

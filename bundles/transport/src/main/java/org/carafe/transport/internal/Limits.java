package org.carafe.transport.internal;

import org.carafe.api.protocol.Protocol;

/**
 * The settings that change in place (ConfigAdmin {@code @Modified}): the largest request, the
 * handler wait and tracing, plus the budgets of request and unread reply bytes all connections
 * share.
 * Written by SCR's threads, read by the IO thread and the loop.
 */
final class Limits {
    private volatile int maxRequestBytes = Protocol.DEFAULT_MAX_REQUEST_BYTES;
    private volatile long handlerWaitMillis = 10_000;
    private volatile boolean trace;
    private volatile int maxConnections = 16000;
    private volatile long initDeadlineMillis = 10_000;
    private final OutputBudget outputBudget = new OutputBudget();
    private final ByteBudget inputBudget = ByteBudget.forInput();

    void apply(Settings settings) {
        maxRequestBytes = settings.maxRequestBytes();
        handlerWaitMillis = settings.handlerWaitSeconds() * 1000L;
        trace = settings.trace();
        maxConnections = settings.maxConnections();
    }

    int maxRequestBytes() {
        return maxRequestBytes;
    }

    long handlerWaitMillis() {
        return handlerWaitMillis;
    }

    boolean trace() {
        return trace;
    }

    int maxConnections() {
        return maxConnections;
    }

    /** How long a connection may stay without init_thread (fixed; settable for tests). */
    long initDeadlineMillis() {
        return initDeadlineMillis;
    }

    void setInitDeadlineMillis(long millis) {
        initDeadlineMillis = millis;
    }

    /** The shared budget of bytes held for requests (partial frames, request buffers). */
    ByteBudget inputBudget() {
        return inputBudget;
    }

    /** The shared budget of unread reply bytes. */
    OutputBudget outputBudget() {
        return outputBudget;
    }
}

package org.carafe.transport.internal;

import java.util.List;

import org.carafe.transport.stats.RequestCounter;
import org.carafe.transport.stats.RequestStatistics;

/** The dispatcher's counters and the trace switch, as the service the shell reads. */
final class TransportStatistics implements RequestStatistics {
    private final Dispatcher dispatcher;
    private final Limits limits;

    TransportStatistics(Dispatcher dispatcher, Limits limits) {
        this.dispatcher = dispatcher;
        this.limits = limits;
    }

    @Override
    public List<RequestCounter> counters() {
        return dispatcher.counters();
    }

    @Override
    public boolean tracing() {
        return limits.trace();
    }
}

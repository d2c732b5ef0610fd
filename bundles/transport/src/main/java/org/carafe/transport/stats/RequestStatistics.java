package org.carafe.transport.stats;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-request counters of the transport, registered as a service while the transport listens.
 * The counters live on the kernel's loop: call {@link #counters()} there (through
 * {@code kernel.loop().call(...)}). Nothing survives the transport: a new transport starts
 * from zero.
 */
@ProviderType
public interface RequestStatistics {
    /** Every request name served at least once, with its count and latencies. On the loop. */
    List<RequestCounter> counters();

    /** Whether request tracing is on now (the {@code trace} setting). Any thread. */
    boolean tracing();
}

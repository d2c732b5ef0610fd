package org.carafe.shell.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.carafe.api.model.Kernel;
import org.carafe.transport.stats.RequestCounter;
import org.carafe.transport.stats.RequestStatistics;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code carafe:counters} (per-request counts and latencies from the transport) and {@code
 * carafe:trace [on|off]}, which sets {@code trace} in the transport's configuration (PID
 * {@value #TRANSPORT_PID}); the transport applies it in place, connections stay open. The
 * change lives in ConfigAdmin only: editing runtime-config/org.carafe.transport.cfg later
 * sets it again from the file.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=carafe",
    "osgi.command.function=counters",
    "osgi.command.function=trace"})
public final class RequestCommands {
    static final String TRANSPORT_PID = "org.carafe.transport";

    private final Kernel kernel;
    private final RequestStatistics stats;
    private final ConfigurationAdmin configs;

    @Activate
    public RequestCommands(@Reference Kernel kernel, @Reference RequestStatistics stats,
            @Reference ConfigurationAdmin configs) {
        this.kernel = kernel;
        this.stats = stats;
        this.configs = configs;
    }

    /** Replies sent per request since the transport started, busiest first, in microseconds. */
    public String counters() {
        return OnLoop.call(kernel, () -> {
            Table table = new Table("REQUEST", "CODE", "COUNT", "P50_US", "P99_US", "MAX_US");
            for (RequestCounter c : stats.counters()) {
                table.row(c.request(), c.code(), c.count(), micros(c.p50Nanos()),
                        micros(c.p99Nanos()), micros(c.maxNanos()));
            }
            return table.toString();
        });
    }

    /** Whether tracing is on. */
    public String trace() {
        return "trace " + (stats.tracing() ? "on" : "off");
    }

    /** Switches tracing {@code on} or {@code off}: one log line per request and per reply. */
    public String trace(String onOrOff) throws IOException {
        boolean on;
        if ("on".equals(onOrOff)) {
            on = true;
        } else if ("off".equals(onOrOff)) {
            on = false;
        } else {
            throw new IllegalArgumentException("usage: trace [on|off]");
        }

        Configuration config = configs.getConfiguration(TRANSPORT_PID, "?");
        Dictionary<String, Object> props = config.getProperties();
        if (props == null) {
            props = new Hashtable<>();
        }
        props.put("trace", on);
        config.updateIfDifferent(props);
        return "trace " + onOrOff + " (applied in place by the transport)";
    }

    private static String micros(long nanos) {
        return String.format("%.1f", nanos / 1000.0);
    }
}

package org.carafe.transport.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.carafe.api.handler.RequestHandler;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request handler services by request name, with the one in charge of each name: the
 * highest {@code service.ranking}, on ties the lowest {@code service.id}. SCR adds and removes
 * handlers on its threads (under this object's lock); the loop looks them up without locking.
 * Each entry remembers the bundle (symbolic name and version) that registered it, read when
 * the service arrives, so list_handlers reports the revision that serves a request.
 */
final class HandlerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerRegistry.class);

    /** One registered handler service for one name. */
    record Entry(RequestHandler handler, int ranking, long serviceId, String bundle,
            String version) {
    }

    /** The bundle (symbolic name, version) that registered a handler; list_handlers shows it. */
    record Origin(String bundle, String version) {
        static final Origin UNKNOWN = new Origin("", "");
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<String, List<Entry>> byName = new HashMap<>();
    private final Map<String, RequestHandler> best = new ConcurrentHashMap<>();
    private final Consumer<String> arrived;
    private final LongFunction<Origin> origins;
    private volatile BooleanSupplier loud = () -> true;

    /** {@code arrived} hears, outside the lock, each name that gained a handler. */
    HandlerRegistry(Consumer<String> arrived) {
        this(arrived, id -> Origin.UNKNOWN);
    }

    /** As above; {@code origins} names the bundle of a {@code service.bundleid}. */
    HandlerRegistry(Consumer<String> arrived, LongFunction<Origin> origins) {
        this.arrived = arrived;
        this.origins = origins;
    }

    /** The handler in charge of {@code name}, or null. Any thread. */
    RequestHandler find(String name) {
        return best.get(name);
    }

    /** Adds a handler service with its service properties. */
    void add(RequestHandler handler, Map<String, ?> props) {
        List<String> names = names(props);
        Origin origin = origin(props);
        Entry entry = new Entry(handler, ranking(props), serviceId(props), origin.bundle(),
                origin.version());
        List<String> inCharge = new ArrayList<>(names.size());
        synchronized (this) {
            for (String name : names) {
                List<Entry> entries = byName.computeIfAbsent(name, n -> new ArrayList<>(1));
                entries.add(entry);
                entries.sort(ORDER);
                best.put(name, entries.get(0).handler());
                if (entries.get(0) == entry) {
                    inCharge.add(name);
                }
            }
        }
        names.forEach(arrived);
        swap("bound: {} from {} {} (ranking {}), in charge of {}", names, entry.bundle(),
                entry.version(), entry.ranking(), inCharge);
    }

    /** Removes a handler service; the next in rank, if any, takes over its names. */
    void remove(RequestHandler handler, Map<String, ?> props) {
        long id = serviceId(props);
        List<Entry> gone = new ArrayList<>(1);
        Map<String, String> next = new TreeMap<>();
        synchronized (this) {
            byName.entrySet().removeIf(e -> {
                List<Entry> entries = e.getValue();
                Entry before = entries.get(0);
                entries.removeIf(x -> {
                    boolean match = x.handler() == handler && x.serviceId() == id;
                    if (match && gone.isEmpty()) {
                        gone.add(x);
                    }
                    return match;
                });
                if (entries.isEmpty()) {
                    best.remove(e.getKey());
                    next.put(e.getKey(), "none");
                    return true;
                }
                Entry now = entries.get(0);
                best.put(e.getKey(), now.handler());
                if (now != before) {
                    next.put(e.getKey(), now.bundle() + " " + now.version());
                }
                return false;
            });
        }
        if (!gone.isEmpty()) {
            Entry entry = gone.get(0);
            swap("unbound: {} from {} {}, now served by {}", names(props), entry.bundle(),
                    entry.version(), next);
        }
    }

    /**
     * Makes handler swaps INFO lines while {@code loud} holds (once the framework has started)
     * and DEBUG lines before, so that starting the server does not log every handler.
     */
    void logSwapsAtInfo(BooleanSupplier loud) {
        this.loud = loud;
    }

    private void swap(String format, Object... args) {
        if (loud.getAsBoolean()) {
            LOG.info("handler " + format, args);
        } else {
            LOG.debug("handler " + format, args);
        }
    }

    /** The entry in charge of each request name that has a handler, by name. */
    synchronized Map<String, Entry> inCharge() {
        Map<String, Entry> out = new TreeMap<>();
        byName.forEach((name, entries) -> out.put(name, entries.get(0)));
        return out;
    }

    /** The service properties changed (ranking or names). */
    void update(RequestHandler handler, Map<String, ?> props) {
        remove(handler, props);
        add(handler, props);
    }

    private static List<String> names(Map<String, ?> props) {
        Object value = props.get(RequestHandler.REQUEST);
        List<String> names = new ArrayList<>(1);
        if (value instanceof String) {
            names.add((String) value);
        } else if (value instanceof String[]) {
            names.addAll(List.of((String[]) value));
        } else if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                names.add(String.valueOf(o));
            }
        }
        return names;
    }

    private static int ranking(Map<String, ?> props) {
        Object value = props.get(Constants.SERVICE_RANKING);
        return value instanceof Integer ? (Integer) value : 0;
    }

    private Origin origin(Map<String, ?> props) {
        Object value = props.get(Constants.SERVICE_BUNDLEID);
        Origin origin = value instanceof Long ? origins.apply((Long) value) : null;
        return origin != null ? origin : Origin.UNKNOWN;
    }

    private static long serviceId(Map<String, ?> props) {
        Object value = props.get(Constants.SERVICE_ID);
        return value instanceof Long ? (Long) value : Long.MAX_VALUE;
    }
}

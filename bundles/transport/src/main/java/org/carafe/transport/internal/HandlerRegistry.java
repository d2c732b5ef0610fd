package org.carafe.transport.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.carafe.api.handler.RequestHandler;
import org.osgi.framework.Constants;

/**
 * The request handler services by request name, with the one in charge of each name: the
 * highest {@code service.ranking}, on ties the lowest {@code service.id}. SCR adds and removes
 * handlers on its threads (under this object's lock); the loop looks them up without locking.
 */
final class HandlerRegistry {
    /** One registered handler service for one name. */
    record Entry(RequestHandler handler, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<String, List<Entry>> byName = new HashMap<>();
    private final Map<String, RequestHandler> best = new ConcurrentHashMap<>();
    private final Consumer<String> arrived;

    /** {@code arrived} hears, outside the lock, each name that gained a handler. */
    HandlerRegistry(Consumer<String> arrived) {
        this.arrived = arrived;
    }

    /** The handler in charge of {@code name}, or null. Any thread. */
    RequestHandler find(String name) {
        return best.get(name);
    }

    /** Adds a handler service with its service properties. */
    void add(RequestHandler handler, Map<String, ?> props) {
        List<String> names = names(props);
        Entry entry = new Entry(handler, ranking(props), serviceId(props));
        synchronized (this) {
            for (String name : names) {
                List<Entry> entries = byName.computeIfAbsent(name, n -> new ArrayList<>(1));
                entries.add(entry);
                entries.sort(ORDER);
                best.put(name, entries.get(0).handler());
            }
        }
        names.forEach(arrived);
    }

    /** Removes a handler service; the next in rank, if any, takes over its names. */
    void remove(RequestHandler handler, Map<String, ?> props) {
        long id = serviceId(props);
        synchronized (this) {
            byName.entrySet().removeIf(e -> {
                List<Entry> entries = e.getValue();
                entries.removeIf(x -> x.handler() == handler && x.serviceId() == id);
                if (entries.isEmpty()) {
                    best.remove(e.getKey());
                    return true;
                }
                best.put(e.getKey(), entries.get(0).handler());
                return false;
            });
        }
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

    private static long serviceId(Map<String, ?> props) {
        Object value = props.get(Constants.SERVICE_ID);
        return value instanceof Long ? (Long) value : Long.MAX_VALUE;
    }
}

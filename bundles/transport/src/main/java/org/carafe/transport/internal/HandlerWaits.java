package org.carafe.transport.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.carafe.api.model.ServerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests whose handler is missing (typically while its bundle is updated), by request name,
 * each with a timer. No thread blocks: the request stays in its connection until a handler
 * arrives or the timer fires. Confined to the loop.
 */
final class HandlerWaits {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerWaits.class);

    private final Map<String, ArrayDeque<ClientConnection>> waiting = new HashMap<>();
    private final ServerLoop loop;
    private final Limits limits;
    private final Consumer<ClientConnection> retry;
    private final Consumer<ClientConnection> expired;

    /**
     * {@code retry} serves a held request again once a handler arrived; {@code expired} fails
     * it when none came in time.
     */
    HandlerWaits(ServerLoop loop, Limits limits, Consumer<ClientConnection> retry,
            Consumer<ClientConnection> expired) {
        this.loop = loop;
        this.limits = limits;
        this.retry = retry;
        this.expired = expired;
    }

    /** Holds the connection's current request until a handler for {@code name} arrives. */
    void hold(ClientConnection conn, String name) {
        long millis = limits.handlerWaitMillis();
        if (millis <= 0) {
            expired.accept(conn);
            return;
        }

        waiting.computeIfAbsent(name, n -> new ArrayDeque<>()).add(conn);
        conn.setWait(name, loop.schedule(() -> expire(conn, name), millis));
        LOG.debug("{}: {} waits for a handler", conn.describe(), name);
    }

    /** A handler for {@code name} was bound: serve the requests waiting for it. */
    void arrived(String name) {
        ArrayDeque<ClientConnection> queue = waiting.remove(name);
        if (queue == null) {
            return;
        }
        for (ClientConnection conn : queue) {
            clear(conn);
            retry.accept(conn);
        }
    }

    /** The connection ends: forget its wait. */
    void cancel(ClientConnection conn) {
        String name = conn.waitingFor();
        if (name == null) {
            return;
        }
        ArrayDeque<ClientConnection> queue = waiting.get(name);
        if (queue != null && queue.remove(conn) && queue.isEmpty()) {
            waiting.remove(name);
        }
        clear(conn);
    }

    private void expire(ClientConnection conn, String name) {
        if (!name.equals(conn.waitingFor())) {
            return;
        }
        cancel(conn);
        LOG.info("{}: no handler for {} appeared in {} ms", conn.describe(), name,
                limits.handlerWaitMillis());
        expired.accept(conn);
    }

    private static void clear(ClientConnection conn) {
        ScheduledFuture<?> timer = conn.waitTimer();
        if (timer != null) {
            timer.cancel(false);
        }
        conn.setWait(null, null);
    }
}

package org.carafe.api.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.carafe.api.lifecycle.ProcessListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle events announced while a listener is away, typically while its bundle is updated
 * or stopped, kept for its successor: a listener is known by its class name, which an update
 * keeps. From {@link #departed} until a listener of that class arrives, every event is queued
 * with a reference on the objects it names (nulls skipped); the successor hears them first, in
 * order, then the new ones, so a console or debugger bundle started again after a long stop
 * still cleans up after the processes that ended meanwhile. Only past {@link #MAX_KEPT} events
 * (the bundle is gone for good, and the server busy) are they dropped, with a warning.
 * Departure and arrival come from the registering thread; everything else is on the loop.
 */
final class ListenerReplay {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerReplay.class);
    /** After this long without a successor, a line says that its events are still kept. */
    static final long GRACE_MILLIS = 10_000;
    /** Events kept at most for one departed listener class. */
    static final int MAX_KEPT = 100_000;

    private record Pending(Consumer<ProcessListener> event, KObject[] subjects) {
    }

    /** Queued events by listener class name; guarded by this. */
    private final Map<String, List<Pending>> away = new HashMap<>();
    private volatile boolean any;

    /** A listener left: keep the events it would hear, and give up after the grace time. */
    void departed(ProcessListener listener, ServerLoop loop) {
        String name = listener.getClass().getName();
        List<Pending> queue;
        synchronized (this) {
            // a successor that left again before it arrived keeps the queue it had
            queue = away.computeIfAbsent(name, n -> new ArrayList<>());
            any = true;
        }
        loop.schedule(() -> stillAway(name, queue), GRACE_MILLIS);
    }

    /** Whether events are being kept for a listener like {@code listener}. */
    synchronized boolean isAwaited(ProcessListener listener) {
        return away.containsKey(listener.getClass().getName());
    }

    /** Keeps {@code event} for every departed listener (loop). */
    void record(Consumer<ProcessListener> event, KObject[] subjects) {
        if (!any) {
            return;
        }
        synchronized (this) {
            List<String> full = null;
            for (Map.Entry<String, List<Pending>> e : away.entrySet()) {
                if (e.getValue().size() >= MAX_KEPT) {
                    full = full != null ? full : new ArrayList<>();
                    full.add(e.getKey());
                }
            }
            if (full != null) {
                full.forEach(this::drop);
            }
            for (List<Pending> queue : away.values()) {
                for (KObject subject : subjects) {
                    if (subject != null) {
                        subject.grab();
                    }
                }
                queue.add(new Pending(event, subjects));
            }
        }
    }

    /**
     * Tells {@code successor} the events kept for its class and stops keeping them; the caller
     * then adds it to the listeners (loop).
     */
    void replay(ProcessListener successor, Consumer<Runnable> guard) {
        List<Pending> queue;
        synchronized (this) {
            queue = away.remove(successor.getClass().getName());
            any = !away.isEmpty();
        }
        if (queue == null) {
            return;
        }
        for (Pending p : queue) {
            guard.accept(() -> p.event().accept(successor));
            release(p);
        }
    }

    private synchronized void stillAway(String name, List<Pending> queue) {
        if (away.get(name) == queue) {
            LOG.info("no successor of process listener {} within {} ms; its events are kept "
                    + "until one arrives ({} so far, at most {})", name, GRACE_MILLIS,
                    queue.size(), MAX_KEPT);
        }
    }

    /** Stops keeping events for {@code name}, releasing what they hold (under this). */
    private void drop(String name) {
        List<Pending> queue = away.remove(name);
        any = !away.isEmpty();
        LOG.warn("process listener {} has been away for {} events; they are dropped, and what "
                + "it would have released on them stays until the server stops", name,
                queue.size());
        queue.forEach(ListenerReplay::release);
    }

    private static void release(Pending p) {
        for (KObject subject : p.subjects()) {
            if (subject != null) {
                subject.release();
            }
        }
    }
}

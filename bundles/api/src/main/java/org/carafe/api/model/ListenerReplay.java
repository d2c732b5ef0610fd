package org.carafe.api.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.carafe.api.lifecycle.ProcessListener;

/**
 * Lifecycle events announced while a listener is away, typically while its bundle is updated,
 * kept for its successor: a listener is known by its class name, which an update keeps. From
 * {@link #departed} until a listener of that class arrives (at most {@link #GRACE_MILLIS}),
 * every event is queued with a reference on the objects it names (nulls skipped); the
 * successor hears them first, in order, then the new ones. Without a successor in time the
 * events are dropped.
 * Departure and arrival come from the registering thread; everything else is on the loop.
 */
final class ListenerReplay {
    /** How long the events of a departed listener are kept for a successor. */
    static final long GRACE_MILLIS = 10_000;

    private record Pending(Consumer<ProcessListener> event, KObject[] subjects) {
    }

    /** Queued events by listener class name; guarded by this. */
    private final Map<String, List<Pending>> away = new HashMap<>();
    private volatile boolean any;

    /** A listener left: keep the events it would hear, and give up after the grace time. */
    void departed(ProcessListener listener, ServerLoop loop) {
        String name = listener.getClass().getName();
        List<Pending> queue = new ArrayList<>();
        synchronized (this) {
            away.put(name, queue);
            any = true;
        }
        loop.schedule(() -> expire(name, queue), GRACE_MILLIS);
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

    private void expire(String name, List<Pending> queue) {
        synchronized (this) {
            if (!away.remove(name, queue)) {
                return;
            }
            any = !away.isEmpty();
        }
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

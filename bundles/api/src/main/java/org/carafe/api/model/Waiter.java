package org.carafe.api.model;

/**
 * Something waiting for objects to become signaled, typically a parked select. Objects call
 * {@link #wake} on the loop whenever their state may have changed; the waiter re-checks.
 */
public interface Waiter {
    /** One of the waited objects may now be signaled. */
    void wake(KObject source);

    /** The waiting thread ends: drop the wait without replying. */
    void cancel();
}

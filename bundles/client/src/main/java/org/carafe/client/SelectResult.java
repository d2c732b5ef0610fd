package org.carafe.client;

/**
 * Outcome of {@code select}: {@link Status#SUCCESS} with the index of the (first) signaled handle,
 * or {@link Status#TIMEOUT} with index -1.
 */
public record SelectResult(int status, int index) {

    /** True if the wait timed out. */
    public boolean timedOut() {
        return status == Status.TIMEOUT;
    }
}

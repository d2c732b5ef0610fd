package org.carafe.client;

/**
 * Outcome of {@code wait_process}: on {@link Status#SUCCESS} the child's ids, handles to its
 * process and first thread, and its init event (0 if init is already done); on {@link
 * Status#TIMEOUT} only the status.
 */
public record WaitProcessResult(int status, int pid, int tid, int processHandle, int threadHandle,
        int initEvent) {

    /** True if the wait timed out. */
    public boolean timedOut() {
        return status == Status.TIMEOUT;
    }
}

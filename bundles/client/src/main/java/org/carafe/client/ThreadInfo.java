package org.carafe.client;

/** Reply of {@code get_thread_info}. */
public record ThreadInfo(int tid, int pid, int exitCode, int priority, long affinity,
        int suspendCount) {

    /** True while the thread has not ended. */
    public boolean isRunning() {
        return exitCode == Protocol.STILL_ACTIVE;
    }
}

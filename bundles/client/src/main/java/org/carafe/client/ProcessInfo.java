package org.carafe.client;

/**
 * Reply of {@code get_process_info}. Times are milliseconds since the epoch; {@code endTime} is 0
 * while running, {@code exitCode} 259 (STILL_ACTIVE).
 */
public record ProcessInfo(int pid, int ppid, int exitCode, int priority, long affinity,
        int linuxPid, int kind, int threads, long startTime, long endTime, String command) {

    /** True while the process has live threads. */
    public boolean isRunning() {
        return exitCode == Protocol.STILL_ACTIVE;
    }
}

package org.carafe.client;

/**
 * One process of {@code list_processes}. {@code state} is {@link #RUNNING}, {@link #SUSPENDED}
 * or {@link #EXITED}; {@code exitCode} is 259 (STILL_ACTIVE) while running.
 */
public record ProcessEntry(int pid, int ppid, int linuxPid, int threads, int state,
        int exitCode, String command) {
    public static final int RUNNING = 0;
    public static final int SUSPENDED = 1;
    public static final int EXITED = 2;

    /** The state as a word: running, suspended, exited (or state-N for an unknown value). */
    public String stateName() {
        switch (state) {
            case RUNNING:
                return "running";
            case SUSPENDED:
                return "suspended";
            case EXITED:
                return "exited";
            default:
                return "state-" + state;
        }
    }
}

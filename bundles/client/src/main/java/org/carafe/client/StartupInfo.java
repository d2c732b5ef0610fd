package org.carafe.client;

/**
 * Reply of {@code init_process}: what the parent's {@code new_process} recorded (all zero and no
 * parent for a top-level process).
 */
public record StartupInfo(int ppid, int createFlags, int startFlags, int hstdin, int hstdout,
        int hstderr, String command) {
}

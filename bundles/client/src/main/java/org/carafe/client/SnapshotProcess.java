package org.carafe.client;

/** One entry of a process snapshot ({@code next_process}). */
public record SnapshotProcess(int pid, int ppid, int threads, int priority, int handles,
        String command) {
}

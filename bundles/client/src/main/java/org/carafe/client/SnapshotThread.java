package org.carafe.client;

/** One entry of a thread snapshot ({@code next_thread}). */
public record SnapshotThread(int tid, int pid, int priority) {
}

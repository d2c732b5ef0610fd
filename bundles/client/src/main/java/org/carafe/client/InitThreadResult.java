package org.carafe.client;

/**
 * Reply of {@code init_thread}: the ids of the caller's process and thread; {@code first} if this
 * thread started the process.
 */
public record InitThreadResult(int pid, int tid, boolean first) {
}

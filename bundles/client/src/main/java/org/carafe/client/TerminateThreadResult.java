package org.carafe.client;

/**
 * Reply of {@code terminate_thread}: {@code self} if the caller's own thread was named (it only
 * records the code), {@code last} if it is the process's only thread.
 */
public record TerminateThreadResult(boolean self, boolean last) {
}

package org.carafe.client;

/**
 * One handle of a process's table ({@code list_handles}). Flags: INHERIT 1, PROTECT_FROM_CLOSE 2.
 */
public record HandleEntry(int handle, int access, int flags, String type, String description) {
}

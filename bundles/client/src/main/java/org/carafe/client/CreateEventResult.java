package org.carafe.client;

/**
 * Reply of {@code create_event}: the handle, and whether an event of that name existed already
 * (STATUS_OBJECT_NAME_EXISTS).
 */
public record CreateEventResult(int handle, boolean existed) {
}

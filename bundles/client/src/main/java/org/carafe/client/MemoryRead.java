package org.carafe.client;

/**
 * The result of {@code read_process_memory}: {@link Status#SUCCESS} with all the bytes asked
 * for, or {@link Status#PARTIAL_COPY} with the bytes before the first unreadable address.
 */
public record MemoryRead(int status, byte[] data) {
    /** Whether every byte asked for was read. */
    public boolean complete() {
        return status == Status.SUCCESS;
    }
}

package org.carafe.client;

/**
 * Reply of {@code new_process}: a SYNCHRONIZE handle to the startup record and the token the child
 * presents in {@code init_thread}.
 */
public record NewProcessResult(int infoHandle, String token) {
}

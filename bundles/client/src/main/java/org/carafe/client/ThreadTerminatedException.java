package org.carafe.client;

/**
 * The server ended this emulated thread (its process was terminated, or another thread
 * terminated it) and sent the end frame {@code STATUS_THREAD_IS_TERMINATING} with the exit
 * code. The connection is closed; the caller should end the thread with {@link #exitCode()}.
 */
public class ThreadTerminatedException extends CarafeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ThreadTerminatedException(int exitCode, String request) {
        super(Status.THREAD_IS_TERMINATING, request,
                "thread terminated by the server with exit code " + exitCode);
        this.exitCode = exitCode;
    }

    /** The exit code the server gave the thread. */
    public int exitCode() {
        return exitCode;
    }
}

package org.carafe.api.model;

/**
 * The front-end's side of one emulated thread: implemented by the transport, used by the model
 * to describe the peer and to end the connection when the server ends the thread.
 */
public interface Connection {
    /** Linux pid of the peer (SO_PEERCRED), or -1 when unknown. */
    int peerPid();

    /**
     * Start time of the peer process when it connected (see {@link LinuxProcesses#startTime}),
     * or -1 when unknown; lets a later check notice that the peer pid now names another process.
     */
    default long peerStartTime() {
        return -1;
    }

    /**
     * A short description of the peer for log lines, e.g. {@code pid 32 thread 36 (Linux pid
     * 812)}.
     */
    String describe();

    /**
     * The server ended this thread: tell the peer its exit code and close. Idempotent; a
     * connection the peer already closed just stays closed.
     */
    void terminate(int exitCode);
}

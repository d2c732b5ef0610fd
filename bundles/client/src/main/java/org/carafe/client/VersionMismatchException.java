package org.carafe.client;

/**
 * The server refused the hello: it speaks another protocol version. The message is the
 * server's own (e.g. {@code Carafe protocol version mismatch: client 2, server 1}).
 */
public class VersionMismatchException extends CarafeException {
    private static final long serialVersionUID = 1L;
    private final int serverVersion;

    public VersionMismatchException(int status, int serverVersion, String message) {
        super(status, "hello", message);
        this.serverVersion = serverVersion;
    }

    /** The version the server speaks. */
    public int serverVersion() {
        return serverVersion;
    }
}

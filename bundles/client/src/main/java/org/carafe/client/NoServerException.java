package org.carafe.client;

import java.io.IOException;
import java.nio.file.Path;

/** Nothing listens on the socket: the server is not running (or the path is wrong). */
public class NoServerException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path socket;

    public NoServerException(Path socket, Throwable cause) {
        super("no server at " + socket, cause);
        this.socket = socket;
    }

    /** The socket path that was tried. */
    public Path socket() {
        return socket;
    }
}

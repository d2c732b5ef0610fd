package org.carafe.client;

import java.io.IOException;

/** The server closed the connection without an end frame (it stopped or broke the link). */
public class ConnectionLostException extends IOException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}

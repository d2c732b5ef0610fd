package org.carafe.api.model;

import org.carafe.api.protocol.Status;

/**
 * A request that fails with an NTSTATUS. Thrown on the request path and turned into the reply's
 * status by the dispatcher; it carries no stack trace because it is an expected outcome.
 */
public class StatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public StatusException(int status) {
        this(status, Status.describe(status));
    }

    public StatusException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package org.carafe.client;

/**
 * One reply: its status and a reader over its data. The data lives in the connection's
 * receive buffer and is valid until the next request on the same connection.
 */
public final class Reply {
    private final String request;
    private final int status;
    private final WireReader data;

    Reply(String request, int status, WireReader data) {
        this.request = request;
        this.status = status;
        this.data = data;
    }

    /** The request this reply answers. */
    public String request() {
        return request;
    }

    /** The NTSTATUS of the reply. */
    public int status() {
        return status;
    }

    /** A reader over the reply data (empty for error statuses). */
    public WireReader data() {
        return data;
    }

    /** True for an error status. */
    public boolean isError() {
        return Status.isError(status);
    }

    /** Returns this reply, or throws {@link CarafeException} if its status is an error. */
    public Reply orThrow() {
        if (Status.isError(status)) {
            throw new CarafeException(status, request);
        }
        return this;
    }

    @Override
    public String toString() {
        return request + " -> " + Status.format(status) + ", " + data.remaining() + " bytes";
    }
}

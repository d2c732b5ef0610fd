package org.carafe.client;

/**
 * A request the server answered with an error status. The message is the status's name and
 * value, such as {@code STATUS_INVALID_CID (0xC000000B)}; {@link #request()} names the request.
 */
public class CarafeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String request;

    public CarafeException(int status, String request) {
        this(status, request, Status.format(status));
    }

    public CarafeException(int status, String request, String message) {
        super(message);
        this.status = status;
        this.request = request;
    }

    /** The NTSTATUS value. */
    public int status() {
        return status;
    }

    /** The status's name ({@code STATUS_ACCESS_DENIED}), or its hex value if unknown. */
    public String statusName() {
        String name = Status.name(status);
        return name != null ? name : Status.hex(status);
    }

    /** The request that failed (may be null). */
    public String request() {
        return request;
    }
}

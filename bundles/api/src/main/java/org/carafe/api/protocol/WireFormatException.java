package org.carafe.api.protocol;

/**
 * Request data that ends before its fields do, or holds an impossible length. The frame itself
 * was intact, so the request fails with STATUS_INVALID_PARAMETER and the connection lives on.
 */
public class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}

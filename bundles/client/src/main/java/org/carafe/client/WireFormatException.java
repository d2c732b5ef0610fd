package org.carafe.client;

/** Reply data that ends before its fields do, or a length that cannot be right. */
public class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}

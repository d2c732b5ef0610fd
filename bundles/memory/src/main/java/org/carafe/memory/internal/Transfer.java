package org.carafe.memory.internal;

import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/** The checks every transfer's address range passes on the loop, before anything is allocated. */
final class Transfer {
    private Transfer() {
    }

    /**
     * A range of {@code length} bytes (unsigned) from {@code address}: over {@code limit}, or
     * running past 2^64, is STATUS_INVALID_PARAMETER.
     */
    static void check(long address, long length, long limit) {
        if (length < 0 || length > limit) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        if (wraps(address, length)) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
    }

    /** Whether [address, address + length) runs past the top of the 64-bit address space. */
    static boolean wraps(long address, long length) {
        return length > 0 && Long.compareUnsigned(address, -length) > 0;
    }
}

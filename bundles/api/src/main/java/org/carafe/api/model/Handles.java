package org.carafe.api.model;

import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;

/**
 * Handle lookup with the checks every request makes: the pseudo handles of the caller, then the
 * table, then the type (STATUS_OBJECT_TYPE_MISMATCH), then the access (STATUS_ACCESS_DENIED).
 */
public final class Handles {
    private Handles() {
    }

    /** Looks {@code handle} up in the caller's own process. */
    public static <T extends KObject> T get(EmuThread caller, int handle, int access,
            Class<T> type) {
        return get(caller, caller.process(), handle, access, type);
    }

    /**
     * Looks {@code handle} up in {@code process}'s table; pseudo handles name the caller's own
     * process and thread, with all rights.
     */
    public static <T extends KObject> T get(EmuThread caller, EmuProcess process, int handle,
            int access, Class<T> type) {
        KObject object = pseudo(caller, handle);
        int granted = Rights.ALL;
        if (object == null) {
            HandleEntry entry = process.handles().entry(handle);
            if (entry == null) {
                throw new StatusException(Status.INVALID_HANDLE);
            }
            object = entry.object();
            granted = entry.access();
        }

        if (!type.isInstance(object)) {
            throw new StatusException(Status.OBJECT_TYPE_MISMATCH);
        }
        if ((granted & access) != access) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
        return type.cast(object);
    }

    /** The object a pseudo handle stands for, or null if {@code handle} is not one. */
    public static KObject pseudo(EmuThread caller, int handle) {
        if (handle == Protocol.PSEUDO_PROCESS) {
            return caller.process();
        }
        if (handle == Protocol.PSEUDO_THREAD) {
            return caller;
        }
        return null;
    }
}

package org.carafe.console.internal;

import org.carafe.api.console.ConsoleInput;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/** Looks up handles that may name either part of a console. Stateless; loop only. */
final class ConsoleHandles {
    private ConsoleHandles() {
    }

    /** An input or a screen buffer with {@code access}, else the usual handle statuses. */
    static KObject part(EmuThread caller, int handle, int access) {
        KObject object = Handles.get(caller, handle, access, KObject.class);
        if (!(object instanceof ConsoleInput) && !(object instanceof ScreenBuffer)) {
            throw new StatusException(Status.OBJECT_TYPE_MISMATCH);
        }
        return object;
    }

    static ConsoleInput input(EmuThread caller, int handle, int access) {
        return Handles.get(caller, handle, access, ConsoleInput.class);
    }

    static ScreenBuffer screen(EmuThread caller, int handle, int access) {
        return Handles.get(caller, handle, access, ScreenBuffer.class);
    }
}

package org.carafe.memory.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Handles;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/**
 * The Linux process whose memory a request touches, taken from a process handle on the loop
 * and carried to a copy thread: its pid and the start time that pins it against pid reuse.
 * Immutable.
 */
record Target(int linuxPid, long startTime) {
    /**
     * Checks {@code handle} for {@code access}; an ended process (no live threads) is
     * STATUS_PROCESS_IS_TERMINATING, an embedded one (no Linux process of its own: its host JVM
     * serves others too) STATUS_ACCESS_DENIED. On the loop.
     */
    static Target of(Request request, int handle, int access) {
        EmuProcess p = Handles.get(request.caller(), handle, access, EmuProcess.class);
        if (p.hasEnded() || p.threads().isEmpty()) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        }
        if (!p.ownsLinuxProcess() || p.linuxPid() <= 0) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
        return new Target(p.linuxPid(), p.linuxStartTime());
    }
}

package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.HandleEntry;
import org.carafe.api.model.Handles;
import org.carafe.api.model.KObject;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * dup_handle: copies a handle of one process into another. Both process handles need
 * PROCESS_DUP_HANDLE. SAME_ACCESS copies the source entry's access (all rights for a pseudo
 * handle), otherwise the requested access is granted as is (no generic mapping);
 * SAME_ATTRIBUTES copies the source entry's flags, otherwise only INHERIT is taken from the
 * attributes. Once the source process is known, CLOSE_SOURCE closes the source handle whatever
 * happens next, and the outcome of the duplication is the reply. Stateless; called on the loop.
 */
@Component(name = "dup_handle", property = RequestHandler.REQUEST + "=dup_handle",
        service = RequestHandler.class)
public final class DupHandle implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int srcProcessHandle = request.in().u32();
        int srcHandle = request.in().u32();
        int dstProcessHandle = request.in().u32();
        int access = request.in().u32();
        int attributes = request.in().u32();
        int options = request.in().u32();
        EmuProcess src = Handles.get(caller, srcProcessHandle, Rights.PROCESS_DUP_HANDLE,
                EmuProcess.class);

        try {
            int handle = duplicate(caller, src, srcHandle, dstProcessHandle, access, attributes,
                    options);
            request.out().u32(handle);
        } finally {
            if ((options & Flags.DUPLICATE_CLOSE_SOURCE) != 0) {
                closeSource(caller, src, srcHandle);
            }
        }
    }

    private static int duplicate(EmuThread caller, EmuProcess src, int srcHandle,
            int dstProcessHandle, int access, int attributes, int options) {
        KObject object = Handles.get(caller, src, srcHandle, 0, KObject.class);
        HandleEntry entry = Handles.pseudo(caller, srcHandle) == null
                ? src.handles().entry(srcHandle) : null;
        EmuProcess dst = Handles.get(caller, dstProcessHandle, Rights.PROCESS_DUP_HANDLE,
                EmuProcess.class);

        int newAccess = access;
        if ((options & Flags.DUPLICATE_SAME_ACCESS) != 0) {
            newAccess = entry != null ? entry.access() : Rights.ALL;
        }
        int newFlags = attributes & Flags.HANDLE_FLAG_INHERIT;
        if ((options & Flags.DUPLICATE_SAME_ATTRIBUTES) != 0) {
            newFlags = entry != null ? entry.flags() : 0;
        }
        return dst.handles().alloc(object, newAccess, newFlags);
    }

    /** The close's own status is not reported: the duplication's outcome is the reply. */
    private static void closeSource(EmuThread caller, EmuProcess src, int srcHandle) {
        if (Handles.pseudo(caller, srcHandle) == null) {
            src.handles().close(srcHandle);
        }
    }
}

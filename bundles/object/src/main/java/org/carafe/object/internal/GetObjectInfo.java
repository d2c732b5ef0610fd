package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.model.KObject;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * get_object_info: the access of a handle and the reference count, handle count and type name
 * of its object. A pseudo handle reports all rights. Stateless; called on the server loop.
 */
@Component(name = "get_object_info", property = RequestHandler.REQUEST + "=get_object_info",
        service = RequestHandler.class)
public final class GetObjectInfo implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int handle = request.in().u32();
        KObject object = Handles.get(caller, handle, 0, KObject.class);

        int access = Rights.ALL;
        if (Handles.pseudo(caller, handle) == null) {
            access = caller.process().handles().entry(handle).access();
        }
        request.out()
                .u32(access)
                .u32(object.refCount())
                .u32(object.handleCount())
                .string(object.typeName());
    }
}

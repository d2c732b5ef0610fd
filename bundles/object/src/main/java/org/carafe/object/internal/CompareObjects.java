package org.carafe.object.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Handles;
import org.carafe.api.model.KObject;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * compare_objects: whether two handles of the caller's process name the same object; they need
 * no particular right. Different objects: STATUS_NOT_SAME_OBJECT. Stateless; called on the
 * server loop.
 */
@Component(name = "compare_objects", property = RequestHandler.REQUEST + "=compare_objects",
        service = RequestHandler.class)
public final class CompareObjects implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle1 = request.in().u32();
        int handle2 = request.in().u32();
        KObject first = Handles.get(request.caller(), handle1, 0, KObject.class);
        KObject second = Handles.get(request.caller(), handle2, 0, KObject.class);

        if (first != second) {
            request.setStatus(Status.NOT_SAME_OBJECT);
        }
    }
}

package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * wait_input_idle: Carafe processes have no message queue and so no idle event; the reply's
 * event is always 0 and the caller need not wait.
 */
@Component(name = "wait_input_idle", property = RequestHandler.REQUEST + "=wait_input_idle",
        service = RequestHandler.class)
public final class WaitInputIdle implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        request.in().u64();
        Handles.get(request.caller(), handle, Rights.PROCESS_QUERY_INFORMATION,
                EmuProcess.class);

        request.out().u32(Protocol.NO_HANDLE);
    }
}

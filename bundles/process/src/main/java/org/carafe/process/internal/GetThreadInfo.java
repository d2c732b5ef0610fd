package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/** get_thread_info: ids, exit code (STILL_ACTIVE until it ends), priority, affinity, suspends. */
@Component(name = "get_thread_info", property = RequestHandler.REQUEST + "=get_thread_info",
        service = RequestHandler.class)
public final class GetThreadInfo implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        EmuThread t = Handles.get(request.caller(), handle, Rights.THREAD_QUERY_INFORMATION,
                EmuThread.class);

        int exitCode = t.isTerminated() ? t.exitCode() : Protocol.STILL_ACTIVE;
        request.out().u32(t.tid()).u32(t.process().pid()).u32(exitCode).u32(t.priority())
                .u64(t.affinity()).u32(t.suspendCount());
    }
}

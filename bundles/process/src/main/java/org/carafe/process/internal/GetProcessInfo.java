package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/** get_process_info: ids, exit code, priority, affinity, Linux pid, kind, times and command. */
@Component(name = "get_process_info", property = RequestHandler.REQUEST + "=get_process_info",
        service = RequestHandler.class)
public final class GetProcessInfo implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        EmuProcess p = Handles.get(request.caller(), handle, Rights.PROCESS_QUERY_INFORMATION,
                EmuProcess.class);

        request.out().u32(p.pid()).u32(p.ppid()).u32(p.exitCode()).u32(p.priority())
                .u64(p.affinity()).u32(p.linuxPid()).u32(p.kind()).u32(p.threads().size())
                .u64(p.startTime()).u64(p.endTime()).string(p.command());
    }
}

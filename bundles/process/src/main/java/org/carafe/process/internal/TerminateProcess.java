package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * terminate_process: ends every thread of a process with an exit code, sparing the caller,
 * which only records the code when the process is its own.
 */
@Component(name = "terminate_process", property = RequestHandler.REQUEST + "=terminate_process",
        service = RequestHandler.class)
public final class TerminateProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        int handle = request.in().u32();
        int exitCode = request.in().u32();
        EmuProcess process = Handles.get(caller, handle, Rights.PROCESS_TERMINATE,
                EmuProcess.class);

        request.out().u32(process == caller.process() ? 1 : 0);
        request.kernel().terminateProcess(process, exitCode, caller);
    }
}

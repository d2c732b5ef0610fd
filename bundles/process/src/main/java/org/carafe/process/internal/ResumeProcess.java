package org.carafe.process.internal;

import java.util.List;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Handles;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/** resume_process: resumes every thread of a process once. */
@Component(name = "resume_process", property = RequestHandler.REQUEST + "=resume_process",
        service = RequestHandler.class)
public final class ResumeProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        EmuProcess process = Handles.get(request.caller(), handle, Rights.PROCESS_SUSPEND_RESUME,
                EmuProcess.class);

        for (EmuThread thread : List.copyOf(process.threads())) {
            thread.resume();
        }
    }
}

package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.StatusException;
import org.carafe.api.model.ThreadStart;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Component;

/**
 * new_thread: leaves a single-use thread start in the caller's process and returns its token;
 * the connection presenting it in init_thread becomes a thread of that process.
 */
@Component(name = "new_thread", property = RequestHandler.REQUEST + "=new_thread",
        service = RequestHandler.class)
public final class NewThread implements RequestHandler {
    @Override
    public void handle(Request request) {
        int createFlags = request.in().u32();
        EmuProcess process = request.caller().process();
        Kernel kernel = request.kernel();
        if (process.hasEnded()) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        }

        String token = kernel.newToken();
        ThreadStart start = new ThreadStart(kernel, token, process, createFlags);
        kernel.registerToken(token, start);
        process.addPendingStart(start);

        request.out().string(token);
    }
}

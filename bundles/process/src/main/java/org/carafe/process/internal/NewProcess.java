package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.protocol.Rights;
import org.osgi.service.component.annotations.Component;

/**
 * new_process: records a startup record for a child yet to connect and returns a SYNCHRONIZE
 * handle to it and the token the child presents in init_thread.
 */
@Component(name = "new_process", property = RequestHandler.REQUEST + "=new_process",
        service = RequestHandler.class)
public final class NewProcess implements RequestHandler {
    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        boolean inheritAll = request.in().u32() != 0;
        int createFlags = request.in().u32();
        int startFlags = request.in().u32();
        int[] std = {request.in().u32(), request.in().u32(), request.in().u32()};
        String command = request.in().string();
        Kernel kernel = request.kernel();

        String token = kernel.newToken();
        StartupInfo info = new StartupInfo(kernel, token, caller, inheritAll, createFlags,
                startFlags, std, command);
        try {
            int handle = caller.process().handles().alloc(info, Rights.SYNCHRONIZE, 0);
            kernel.registerToken(token, info);
            request.out().u32(handle).string(token);
        } finally {
            info.release();
        }
    }
}

package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.osgi.service.component.annotations.Component;

/** unload_dll: forgets the caller's module at a base. */
@Component(name = "unload_dll", property = RequestHandler.REQUEST + "=unload_dll",
        service = RequestHandler.class)
public final class UnloadDll implements RequestHandler {
    @Override
    public void handle(Request request) {
        long base = request.in().u64();

        request.caller().process().removeModule(base);
    }
}

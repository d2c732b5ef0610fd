package org.carafe.process.internal;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Module;
import org.osgi.service.component.annotations.Component;

/** load_dll: records a module of the caller's process; one base holds one module. */
@Component(name = "load_dll", property = RequestHandler.REQUEST + "=load_dll",
        service = RequestHandler.class)
public final class LoadDll implements RequestHandler {
    @Override
    public void handle(Request request) {
        long base = request.in().u64();
        long size = request.in().u64();
        String name = request.in().string();

        request.caller().process().addModule(new Module(base, size, name));
    }
}

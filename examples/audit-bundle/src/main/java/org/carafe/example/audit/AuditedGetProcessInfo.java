package org.carafe.example.audit;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * get_process_info, overridden: ranked above the standard handler (ranking 0), it logs one line
 * naming the caller and hands the request to the standard handler, which it finds by its
 * component name so that it never binds to itself. When this bundle goes, the standard handler
 * is in charge again.
 */
@Component(name = "audit.get_process_info", service = RequestHandler.class, property = {
    RequestHandler.REQUEST + "=get_process_info",
    "service.ranking:Integer=100"})
public final class AuditedGetProcessInfo implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AuditedGetProcessInfo.class);

    private final RequestHandler standard;

    @Activate
    public AuditedGetProcessInfo(
            @Reference(target = "(component.name=get_process_info)") RequestHandler standard) {
        this.standard = standard;
    }

    @Override
    public void handle(Request request) {
        EmuThread caller = request.caller();
        LOG.info("audit: get_process_info from {}/{}", hex(caller.process().pid()),
                hex(caller.tid()));
        standard.handle(request);
    }

    private static String hex(int id) {
        return String.format("%04x", id);
    }
}

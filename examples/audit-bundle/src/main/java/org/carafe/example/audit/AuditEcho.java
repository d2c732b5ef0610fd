package org.carafe.example.audit;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.osgi.service.component.annotations.Component;

/**
 * audit_echo: a request this bundle adds. Replies with the request's data unchanged. Clients
 * find its code at run time with get_request_code.
 */
@Component(name = "audit_echo", service = RequestHandler.class,
        property = RequestHandler.REQUEST + "=audit_echo")
public final class AuditEcho implements RequestHandler {
    @Override
    public void handle(Request request) {
        request.out().raw(request.in().rest());
    }
}

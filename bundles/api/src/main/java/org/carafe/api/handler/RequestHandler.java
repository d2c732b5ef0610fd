package org.carafe.api.handler;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves one named request. Called on the server loop, one request at a time, so handlers need
 * no locks and must not block: a request that has to wait parks its reply with {@link
 * Request#park()}. Failures are statuses: throw {@link org.carafe.api.model.StatusException}
 * or set {@link Request#setStatus}.
 */
@ConsumerType
public interface RequestHandler {
    /** Service property naming the request a handler serves, e.g. {@code dup_handle}. */
    String REQUEST = "carafe.request";

    void handle(Request request);
}

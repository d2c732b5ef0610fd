package org.carafe.client;

/**
 * One request's handler in charge ({@code list_handlers}): the request name, the symbolic name
 * and version of the bundle that serves it, and the handler's service ranking.
 */
public record HandlerInfo(String request, String bundle, String version, int ranking) {
}

/**
 * Consoles: one Declarative Services component per request, from alloc_console to
 * read_console_output, and the listener that gives processes their console when they start and
 * detaches it when they end. Every console lives in api types ({@code org.carafe.api.console})
 * kept on the processes, so this bundle can be updated in place.
 */
package org.carafe.console.internal;

/**
 * Debugging: one Declarative Services component per request, from debug_process to
 * set_debugger_kill_on_exit, and the listener that turns lifecycle events of debuggees into
 * debug events. Every session and event lives in api types ({@code org.carafe.api.debug})
 * kept on the processes, so this bundle can be updated in place.
 */
package org.carafe.debugger.internal;

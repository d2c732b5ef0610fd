package org.carafe.shell.internal;

import java.util.stream.Collectors;

import org.carafe.api.debug.DebugSession;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Kernel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code carafe:debuggers}: each debugger process with its debuggees and queued events, read on
 * the loop from the attributes where the debugger bundle keeps the sessions ({@link
 * DebugSession#of}). Without the debugger bundle the list is simply empty.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=carafe",
    "osgi.command.function=debuggers"})
public final class DebuggerCommands {
    private final Kernel kernel;

    @Activate
    public DebuggerCommands(@Reference Kernel kernel) {
        this.kernel = kernel;
    }

    /** One line per open debug session. */
    public String debuggers() {
        return OnLoop.call(kernel, () -> {
            Table table = new Table("DEBUGGER", "DEBUGGEES", "EVENTS", "KILL_ON_EXIT");
            for (EmuProcess p : kernel.processes()) {
                DebugSession session = DebugSession.of(p);
                if (session == null || session.isClosed()) {
                    continue;
                }
                String debuggees = session.debuggees().stream()
                        .map(d -> Integer.toUnsignedString(d.pid()))
                        .collect(Collectors.joining(","));
                table.row(Integer.toUnsignedString(session.debuggerPid()),
                        debuggees.isEmpty() ? "-" : debuggees, session.events().size(),
                        session.killOnExit());
            }
            return table.toString();
        });
    }
}

package org.carafe.shell.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carafe.api.console.Console;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Kernel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code carafe:consoles}: each console with the processes attached to it, read on the loop
 * from the processes' attributes (where the console bundle keeps them, {@link Console#of}).
 * Without the console bundle the list is simply empty.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=carafe",
    "osgi.command.function=consoles"})
public final class ConsoleCommands {
    private final Kernel kernel;

    @Activate
    public ConsoleCommands(@Reference Kernel kernel) {
        this.kernel = kernel;
    }

    /** One line per console: its processes, size, cursor, pending input and title. */
    public String consoles() {
        return OnLoop.call(kernel, () -> {
            Map<Console, List<Integer>> pids = new IdentityHashMap<>();
            List<Console> order = new ArrayList<>();
            for (EmuProcess p : kernel.processes()) {
                Console console = Console.of(p);
                if (console != null) {
                    pids.computeIfAbsent(console, c -> {
                        order.add(c);
                        return new ArrayList<>();
                    }).add(p.pid());
                }
            }

            Table table = new Table("PIDS", "SIZE", "CURSOR", "INPUT", "TITLE");
            for (Console c : order) {
                ScreenBuffer screen = c.screen();
                table.row(pids.get(c).stream().map(Integer::toUnsignedString)
                                .collect(Collectors.joining(",")),
                        screen.width() + "x" + screen.height(),
                        screen.cursorX() + "," + screen.cursorY(), c.input().pending(),
                        screen.title().isEmpty() ? "-" : screen.title());
            }
            return table.toString();
        });
    }
}

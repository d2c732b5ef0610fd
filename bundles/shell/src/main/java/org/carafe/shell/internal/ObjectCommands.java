package org.carafe.shell.internal;

import java.util.Map;

import org.carafe.api.model.Kernel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code carafe:objects}: live objects by type with counts, read on the loop. */
@Component(service = Object.class, property = {
    "osgi.command.scope=carafe",
    "osgi.command.function=objects"})
public final class ObjectCommands {
    private final Kernel kernel;

    @Activate
    public ObjectCommands(@Reference Kernel kernel) {
        this.kernel = kernel;
    }

    /** One line per object type, then the total. */
    public String objects() {
        return OnLoop.call(kernel, () -> {
            Table table = new Table("TYPE", "COUNT");
            for (Map.Entry<String, Integer> e : kernel.objectCounts().entrySet()) {
                table.row(e.getKey(), e.getValue());
            }
            table.row("total", kernel.objectCount());
            return table.toString();
        });
    }
}

package org.carafe.console.internal;

import org.carafe.api.console.Console;
import org.carafe.api.console.ConsoleRights;
import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.HandleTable;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.protocol.Flags;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Gives a process its console at init_process and detaches it when the process ends. No
 * parent, or CREATE_NEW_CONSOLE: a new console, and (unless STARTF_USESTDHANDLES) std handles
 * to it; DETACHED_PROCESS: none; otherwise the parent's, if it has one. At the end the process
 * detaches after a short linger. Stateless; called on the loop. Known shortcoming: a process
 * that ends while this bundle is stopped is not detached, so its console stays until the
 * server stops.
 */
// immediate: the instance outlives an update of the object core, which keeps it in the kernel
@Component(name = "console_inheritance", service = ProcessListener.class,
        configurationPid = "org.carafe.console", immediate = true)
@Designate(ocd = ConsoleInheritance.Config.class)
public final class ConsoleInheritance implements ProcessListener {
    /** Configuration (PID org.carafe.console), changed in place. */
    @ObjectClassDefinition(name = "Carafe consoles")
    public @interface Config {
        @AttributeDefinition(name = "Linger (s)",
                description = "How long the console of an ended process stays readable.")
        int linger_seconds() default 10;
    }

    /** How long the console of an ended process stays readable. */
    private volatile long lingerMillis = 10_000;

    @Activate
    @Modified
    void configure(Config config) {
        lingerMillis = Math.max(0, config.linger_seconds()) * 1000L;
    }

    @Override
    public void processInitializing(EmuProcess process, EmuProcess parent, StartupInfo info) {
        if (process.hasEnded() || Console.of(process) != null) {
            // replayed after a swap of this bundle behind the process's end, or heard twice
            // while an old and a new instance of this listener overlap: nothing to attach
            return;
        }
        int flags = info != null ? info.createFlags() : 0;
        if (parent == null || (flags & Flags.CREATE_NEW_CONSOLE) != 0) {
            Console console = Console.allocate(process);
            if (info == null || (info.startFlags() & Flags.STARTF_USESTDHANDLES) == 0) {
                giveStdHandles(process, console, info);
            }
            return;
        }
        if ((flags & Flags.DETACHED_PROCESS) != 0) {
            return;
        }

        Console shared = Console.of(parent);
        if (shared != null && !shared.isClosed()) {
            shared.attach(process);
        }
    }

    /**
     * An ended process stays attached, and findable by pid, for the linger time: its last
     * output can still be read (carafe console), as a terminal window stays open a moment.
     */
    @Override
    public void processEnded(EmuProcess process) {
        Console console = Console.of(process);
        if (console == null) {
            return;
        }

        process.grab();
        process.kernel().loop().schedule(() -> {
            console.detach(process);
            process.release();
        }, lingerMillis);
    }

    /**
     * Std handles to the new console (stdout and stderr both to the screen buffer), replacing
     * the ones duplicated from the parent, which are closed.
     */
    private static void giveStdHandles(EmuProcess process, Console console, StartupInfo info) {
        HandleTable table = process.handles();
        int[] old = process.stdHandles();
        if (info != null && !info.inheritAll() && old != null) {
            for (int handle : old) {
                if (handle != 0) {
                    table.close(handle);
                }
            }
        }

        int access = ConsoleRights.STD_ACCESS;
        int in = table.alloc(console.input(), access, Flags.HANDLE_FLAG_INHERIT);
        int out = table.alloc(console.screen(), access, Flags.HANDLE_FLAG_INHERIT);
        int err = table.alloc(console.screen(), access, Flags.HANDLE_FLAG_INHERIT);
        process.setStdHandles(new int[] {in, out, err});
    }
}

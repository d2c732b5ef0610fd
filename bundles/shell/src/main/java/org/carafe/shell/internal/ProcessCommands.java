package org.carafe.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.protocol.Flags;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code carafe:processes}, {@code carafe:threads} and {@code carafe:handles PID}: the kernel's
 * processes, threads and one handle table, read on the loop and returned as text for Gogo to
 * print. Holds nothing between calls.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=carafe",
    "osgi.command.function=processes",
    "osgi.command.function=threads",
    "osgi.command.function=handles"})
public final class ProcessCommands {
    private final Kernel kernel;

    @Activate
    public ProcessCommands(@Reference Kernel kernel) {
        this.kernel = kernel;
    }

    /** Every process the server knows, as {@code carafe ps} shows them. */
    public String processes() {
        return OnLoop.call(kernel, () -> {
            Table table = new Table("PID", "PPID", "LINUX_PID", "THREADS", "STATUS",
                    "EXIT_CODE", "COMMAND");
            for (EmuProcess p : kernel.processes()) {
                table.row(u32(p.pid()), u32(p.ppid()), u32(p.linuxPid()), p.threads().size(),
                        status(p), p.hasEnded() ? u32(p.exitCode()) : "-",
                        p.command());
            }
            return table.toString();
        });
    }

    /** Every live thread: its process, state, suspend count, priority and what it waits on. */
    public String threads() {
        return OnLoop.call(kernel, () -> {
            Table table = new Table("TID", "PID", "STATUS", "SUSPEND", "PRIORITY", "WAIT");
            for (EmuThread t : kernel.threads()) {
                table.row(u32(t.tid()), u32(t.process().pid()), status(t), t.suspendCount(),
                        t.priority(), t.currentWait() != null ? "waiting" : "-");
            }
            return table.toString();
        });
    }

    /** Without a pid: how to call it. */
    public String handles() {
        return "usage: carafe:handles PID (a Carafe pid, decimal or 0x hex; see carafe:processes)";
    }

    /** The handle table of process {@code pid} (decimal or 0x hex). */
    public String handles(String pid) {
        int id = OnLoop.pid(pid);
        return OnLoop.call(kernel, () -> {
            EmuProcess p = kernel.process(id);
            if (p == null) {
                throw new IllegalArgumentException("no process " + pid
                        + " (STATUS_INVALID_CID)");
            }
            Table table = new Table("HANDLE", "ACCESS", "FLAGS", "TYPE", "DESCRIPTION");
            if (p.handles() != null) {
                p.handles().forEach((handle, entry) -> table.row(
                        String.format("0x%04x", handle), String.format("0x%08x", entry.access()),
                        flagWords(entry.flags()), entry.object().typeName(),
                        entry.object().dump()));
            }
            return table.toString();
        });
    }

    private static String status(EmuProcess p) {
        if (p.hasEnded()) {
            return "exited";
        }
        return p.isSuspended() ? "suspended" : "running";
    }

    private static String status(EmuThread t) {
        if (t.isTerminated()) {
            return "terminated";
        }
        return t.isSuspended() ? "suspended" : "running";
    }

    /** Handle flags as {@code carafe handles} shows them: inherit, protect, or -. */
    static String flagWords(int flags) {
        List<String> words = new ArrayList<>();
        if ((flags & Flags.HANDLE_FLAG_INHERIT) != 0) {
            words.add("inherit");
        }
        if ((flags & Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0) {
            words.add("protect");
        }
        int other = flags & ~(Flags.HANDLE_FLAG_INHERIT
                | Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE);
        if (other != 0) {
            words.add(String.format("0x%x", other));
        }
        return words.isEmpty() ? "-" : String.join(",", words);
    }

    private static String u32(int value) {
        return Integer.toUnsignedString(value);
    }
}

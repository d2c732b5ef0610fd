package org.carafe.client.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.ModuleEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carafe modules PID}: a module snapshot walked with next_module. */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = "List the modules of an emulated process.")
final class ModulesCommand extends ClientCommand {
    @Parameters(paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    int execute(EmulatedThread t) throws IOException {
        int snap = t.createSnapshot(Flags.SNAP_MODULE, pid, false);
        List<ModuleEntry> modules = new ArrayList<>();
        for (ModuleEntry m = t.nextModule(snap, true); m != null; m = t.nextModule(snap, false)) {
            modules.add(m);
        }
        t.closeHandle(snap);
        out().print(Formats.modulesTable(modules));
        return 0;
    }
}

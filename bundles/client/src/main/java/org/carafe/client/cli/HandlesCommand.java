package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carafe handles PID}: the process's handle table (list_handles). */
@Command(name = "handles", mixinStandardHelpOptions = true,
        description = "List the handles of an emulated process.")
final class HandlesCommand extends ClientCommand {
    @Parameters(paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    int execute(EmulatedThread t) throws IOException {
        out().print(Formats.handlesTable(t.listHandles(pid)));
        return 0;
    }
}

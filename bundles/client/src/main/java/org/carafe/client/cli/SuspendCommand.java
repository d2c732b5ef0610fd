package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;
import org.carafe.client.Rights;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carafe suspend PID}: suspend_process. */
@Command(name = "suspend", mixinStandardHelpOptions = true,
        description = "Suspend every thread of an emulated process.")
final class SuspendCommand extends ClientCommand {
    @Parameters(paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    int execute(EmulatedThread t) throws IOException {
        t.suspendProcess(t.openProcess(pid, Rights.PROCESS_SUSPEND_RESUME, false));
        return 0;
    }
}

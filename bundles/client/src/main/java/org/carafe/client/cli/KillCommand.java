package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;
import org.carafe.client.Rights;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carafe kill PID [EXIT_CODE]}: terminate_process (default exit code 1). */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "Terminate an emulated process.")
final class KillCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Parameters(index = "1", paramLabel = "EXIT_CODE", arity = "0..1", defaultValue = "1",
            converter = Numbers.class, description = "Exit code (default 1).")
    int exitCode;

    @Override
    int execute(EmulatedThread t) throws IOException {
        int h = t.openProcess(pid, Rights.PROCESS_TERMINATE, false);
        t.terminateProcess(h, exitCode);
        return 0;
    }
}

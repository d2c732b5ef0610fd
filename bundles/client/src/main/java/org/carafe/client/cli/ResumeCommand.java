package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;
import org.carafe.client.Rights;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carafe resume PID}: resume_process. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume every thread of an emulated process once.")
final class ResumeCommand extends ClientCommand {
    @Parameters(paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    int execute(EmulatedThread t) throws IOException {
        t.resumeProcess(t.openProcess(pid, Rights.PROCESS_SUSPEND_RESUME, false));
        return 0;
    }
}

package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands that act as an embedded emulated process named
 * {@code carafe <subcommand> ...}: connects, runs {@link #execute}, reports its exit code.
 */
abstract class ClientCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String command = "carafe " + main.context();
        try (EmulatedProcess process = EmulatedProcess.start(main.socket(), command)) {
            int rc = execute(process.mainThread());
            out().flush();
            process.exit(rc);
            return rc;
        }
    }

    /** Does the work on the process's first thread; returns the exit status. */
    abstract int execute(EmulatedThread thread) throws IOException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

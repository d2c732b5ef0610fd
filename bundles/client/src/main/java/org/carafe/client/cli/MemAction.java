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
 * Base of the {@code carafe mem} subcommands, as {@link ClientCommand} is for the top-level
 * ones: runs as an embedded emulated process named {@code carafe mem ...}, opens the target
 * process with the right it needs, runs {@link #execute} and closes the handle.
 */
abstract class MemAction implements Callable<Integer> {
    @ParentCommand
    MemCommand mem;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Main main = mem.main;
        try (EmulatedProcess process = EmulatedProcess.start(main.socket(),
                "carafe " + main.context())) {
            EmulatedThread t = process.mainThread();
            int handle = t.openProcess(pid(), access(), false);
            int rc = execute(t, handle);
            t.closeHandle(handle);
            out().flush();
            process.exit(rc);
            return rc;
        }
    }

    /** The Carafe pid of the process whose memory is used. */
    abstract int pid();

    /** The right the handle needs (PROCESS_VM_READ, ...). */
    abstract int access();

    /** Does the work with a handle to the process; returns the exit status. */
    abstract int execute(EmulatedThread t, int handle) throws IOException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

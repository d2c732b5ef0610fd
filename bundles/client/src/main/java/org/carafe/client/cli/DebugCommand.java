package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code carafe debug PID}: attaches to a running emulated process as its debugger and prints
 * its debug events, one a line, until it ends. Ctrl-C (or SIGTERM) detaches through a second
 * thread of ours, so the process runs on instead of being killed with us.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Attach to an emulated process and print its debug events until it ends.")
final class DebugCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (EmulatedProcess process = EmulatedProcess.start(main.socket(),
                "carafe " + main.context())) {
            EmulatedThread control = process.newThread(0);
            EmulatedThread thread = process.mainThread();
            thread.debugProcess(pid);
            AtomicBoolean attached = new AtomicBoolean(true);
            Thread hook = new Thread(() -> detach(control, attached), "carafe-debug-detach");
            Runtime.getRuntime().addShutdownHook(hook);

            DebugLoop loop = new DebugLoop(thread, pid, out);
            loop.run();
            attached.set(false);
            removeHook(hook);
            control.terminateThread(Protocol.CURRENT_THREAD, 0);
            process.exit(0);
            return 0;
        }
    }

    /** On Ctrl-C: detach, unless the process already ended. */
    private void detach(EmulatedThread control, AtomicBoolean attached) {
        if (!attached.getAndSet(false)) {
            return;
        }
        try {
            control.detachProcess(pid);
        } catch (IOException | RuntimeException e) {
            // the process or the server is gone: nothing left to detach from
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook finds nothing to do
        }
    }
}

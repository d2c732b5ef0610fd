package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.carafe.client.CarafeConnection;
import org.carafe.client.CarafeException;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.Protocol;
import org.carafe.client.StartupInfo;
import org.carafe.client.ThreadTerminatedException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code carafe run [--suspended] [--new-console | --detached] [--debug] -- PROGRAM ARGS...}:
 * runs a Linux program as an owned emulated process and exits with its exit code (128 + signal if a
 * signal ended it), or with the code the server gave when it terminated the process. The
 * program's output is copied to ours and, when the process has a console, into its screen
 * buffer; console input reaches the program's stdin (see {@link ConsoleMirror}). With --debug a
 * second emulated process of ours is the program's debugger and prints its debug events on
 * stderr (see {@link RunDebugger}); a program killed by a signal is reported as an EXCEPTION
 * (see {@link SignalExceptions}) before its exit.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a Linux program as an emulated process.")
final class RunCommand implements Callable<Integer> {
    /** Exit status when the program cannot be started, as shells do. */
    static final int EXIT_CANNOT_RUN = 127;
    /** Longest command line sent to the server (requests are limited to 64 KiB by default). */
    static final int MAX_COMMAND = 4096;
    /** How often a running program's connection is checked for the server's end. */
    static final long SERVER_CHECK_MS = 250;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--suspended", description = "Start it suspended (resume with carafe resume).")
    boolean suspended;

    @Option(names = "--new-console",
            description = "Give it a console of its own (always so: it has no parent).")
    boolean newConsole;

    @Option(names = "--detached", description = "Run it without a console.")
    boolean detached;

    @Option(names = "--debug", description = "Print its debug events as they arrive (stderr).")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "PROGRAM", description = "Program and arguments.")
    List<String> program;

    @Override
    public Integer call() throws Exception {
        if (newConsole && detached) {
            throw new CliException("run: --new-console and --detached exclude each other",
                    Main.EXIT_ERROR);
        }
        // Connect first: without a server the program is not started at all.
        CarafeConnection conn = CarafeConnection.connect(main.socket());
        EmulatedThread thread = new EmulatedThread(conn);
        Process child;
        try {
            if (!isRunnable(program.get(0))) {
                throw new IOException(program.get(0).contains("/")
                        ? "not an executable file" : "not found in PATH");
            }
            child = new ProcessBuilder(argv(program)).start();
        } catch (IOException e) {
            conn.close();
            throw new CliException("run " + program.get(0) + ": cannot run the program ("
                    + e.getMessage() + ")", EXIT_CANNOT_RUN);
        }
        RunDebugger debugger;
        try {
            debugger = debug ? RunDebugger.create(main.socket(), String.join(" ", program),
                    detached ? Flags.DETACHED_PROCESS : Flags.CREATE_NEW_CONSOLE,
                    spec.commandLine().getErr()) : null;
        } catch (IOException | RuntimeException e) {
            child.destroyForcibly();
            conn.close();
            throw e;
        }
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopChild(child, reported), "carafe-run-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        ProgramStreams streams = ProgramStreams.start(child);
        try {
            return supervise(thread, child, streams, debugger);
        } finally {
            conn.close();
            if (debugger != null) {
                debugger.close();
            }
            reported.countDown();
        }
    }

    private int supervise(EmulatedThread thread, Process child, ProgramStreams streams,
            RunDebugger debugger) throws InterruptedException {
        ConsoleMirror console;
        try {
            String command = shortened(String.join(" ", program));
            String token = debugger != null ? debugger.token() : "";
            int pid = thread.initThread(Protocol.KIND_OWNED, (int) child.pid(), token, command)
                    .pid();
            StartupInfo std = thread.initProcess();
            if (debugger != null) {
                // The server stops and continues it from here on: it must have stopped itself.
                StoppedChild.awaitStopped(child);
                debugger.start(pid, () -> continueAnyway(child));
            }
            thread.initProcessDone();
            console = attachConsole(thread, std, streams);
            if (suspended) {
                thread.suspendThread(Protocol.CURRENT_THREAD);
            } else if (debugger == null) {
                StoppedChild.continueWhenStopped(child);
            }
        } catch (ThreadTerminatedException e) {
            child.waitFor();
            return e.exitCode();
        } catch (CarafeException e) {
            child.destroyForcibly();
            throw e;
        } catch (IOException e) {
            // the program is still stopped at its start point and never became emulated
            child.destroyForcibly();
            child.waitFor();
            throw new CliException("run " + program.get(0) + ": lost the server while starting ("
                    + e.getMessage() + "); the program was not run", Main.EXIT_ERROR);
        }
        boolean[] killed = new boolean[1];
        int code = exitStatus(awaitProgram(thread, child, killed));
        streams.drain();
        try {
            int exception = SignalExceptions.forExitStatus(code);
            if (debugger != null && exception != 0) {
                thread.exceptionEvent(exception, 0, false);
            }
            if (console != null) {
                console.close(thread, code);
            }
            thread.terminateThread(Protocol.CURRENT_THREAD, code);
        } catch (ThreadTerminatedException e) {
            if (killed[0]) {
                warn("the server ended the emulated process with exit code " + e.exitCode()
                        + " while " + program.get(0) + " ran; the program was killed");
            }
            return e.exitCode();
        } catch (IOException e) {
            if (killed[0]) {
                warn("lost the server while " + program.get(0) + " ran (" + e.getMessage()
                        + "); the program was killed");
                return Main.EXIT_ERROR;
            }
            warn("lost the server while " + program.get(0) + " ran (" + e.getMessage() + ")");
        }
        return code;
    }

    /**
     * Waits for the program and returns its wait status. If the server ends the emulated
     * process or goes away first (stopped, or killed), the program is killed too, as Wine's
     * processes die with their server; the next call on the connection reports how, and
     * {@code killed[0]} says that the program did not end by itself.
     */
    private int awaitProgram(EmulatedThread thread, Process child, boolean[] killed)
            throws InterruptedException {
        while (!child.waitFor(SERVER_CHECK_MS, TimeUnit.MILLISECONDS)) {
            boolean ended;
            try {
                ended = thread.connection().serverEnded();
            } catch (IOException e) {
                ended = true;
            }
            if (ended && child.isAlive()) {
                killed[0] = true;
                child.destroyForcibly();
                return child.waitFor();
            }
        }
        return child.waitFor();
    }

    /**
     * Mirrors the program into its console, if it has one; with --detached it gives the
     * console up instead. Without console input, the program's stdin ends with ours.
     */
    private ConsoleMirror attachConsole(EmulatedThread thread, StartupInfo std,
            ProgramStreams streams) throws IOException {
        Runnable inputLost = () -> {
            if (!streams.readsOurStdin()) {
                streams.closeStdin();
            }
        };
        if (detached && std.hstdin() != 0) {
            thread.freeConsole();
            for (int h : new int[] {std.hstdin(), std.hstdout(), std.hstderr()}) {
                thread.closeHandle(h);
            }
        }
        ConsoleMirror console = detached ? null
                : ConsoleMirror.start(thread, main.socket(), std, streams, inputLost);
        if (console == null) {
            inputLost.run();
        }
        return console;
    }

    /**
     * The command to spawn: a shell that stops itself, then execs the program. The program
     * must not run, and above all not exit and be reaped, before the server has checked that
     * its pid is our descendant; it is continued once init_process_done has been answered
     * (or, with --suspended, by the server's resume).
     */
    static List<String> argv(List<String> program) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "kill -STOP $$; exec \"$@\"",
                "carafe-run"));
        argv.addAll(program);
        return argv;
    }

    /** The command as the server keeps it: at most {@link #MAX_COMMAND} characters. */
    static String shortened(String command) {
        return command.length() <= MAX_COMMAND ? command
                : command.substring(0, MAX_COMMAND - 3) + "...";
    }

    /** Whether {@code name} is an executable file, as a path or found in PATH. */
    static boolean isRunnable(String name) {
        if (name.contains("/")) {
            return Files.isExecutable(Path.of(name)) && !Files.isDirectory(Path.of(name));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Java already maps "killed by signal S" to 128 + S; keep the value in 0..255. */
    static int exitStatus(int waitValue) {
        return waitValue & 0xFF;
    }

    /** Without a debugger in the server nothing would continue the program: we do. */
    private static void continueAnyway(Process child) {
        try {
            StoppedChild.continueIfStopped(child);
        } catch (IOException e) {
            child.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopChild(Process child, CountDownLatch reported) {
        if (child.isAlive()) {
            child.destroy();
        }
        try {
            reported.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warn(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("carafe: warning: " + message);
        err.flush();
    }
}

package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.carafe.client.CarafeException;
import org.carafe.client.NoServerException;
import org.carafe.client.SocketPaths;
import org.carafe.client.VersionMismatchException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code carafe} command line: one picocli subcommand per action. Each subcommand runs as
 * its own emulated process. Errors are one line on stderr ({@code carafe: CONTEXT: MESSAGE})
 * with exit status 1; a missing server gives exit status 2.
 */
@Command(name = "carafe", mixinStandardHelpOptions = true, version = "carafe 0.1",
        description = "Talk to a Carafe server.",
        footer = {"", "Start a server with ./carafe up (see ./carafe up --help)."},
        subcommands = {RunCommand.class, PsCommand.class, KillCommand.class,
            SuspendCommand.class, ResumeCommand.class, HandlesCommand.class,
            ModulesCommand.class, BenchCommand.class, MemCommand.class,
            ConsoleCommand.class, DebugCommand.class, DemoCommand.class})
public final class Main {
    static final int EXIT_ERROR = 1;
    static final int EXIT_NO_SERVER = 2;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "Server socket (default: from CARAFE_SOCKET_DIR or the instance).")
    Path socket;

    /** The arguments as typed, for the context of error messages. */
    List<String> args = List.of();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs {@code args}; returns the exit status. */
    static int run(String... args) {
        return commandLine(new Main()).execute(args);
    }

    /** A configured command line around {@code main}. */
    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            main.args = List.of(a);
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("carafe: " + ex.getMessage() + " (see carafe --help)");
            err.flush();
            return EXIT_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, command, parse) -> {
            PrintWriter err = command.getErr();
            int rc = report(ex, main.context(), err);
            err.flush();
            return rc;
        });
        cl.setExecutionStrategy(parse -> {
            main.args = parse.originalArgs();
            return new CommandLine.RunLast().execute(parse);
        });
        return cl;
    }

    /** Prints the one-line message for {@code ex}; returns the exit status. */
    static int report(Throwable ex, String context, PrintWriter err) {
        if (ex instanceof NoServerException) {
            err.println("carafe: no server at " + ((NoServerException) ex).socket()
                    + " (start one with ./carafe up)");
            return EXIT_NO_SERVER;
        }
        if (ex instanceof CliException) {
            CliException c = (CliException) ex;
            err.println("carafe: " + c.getMessage());
            return c.exitCode();
        }
        String message;
        if (ex instanceof VersionMismatchException) {
            message = ex.getMessage();
        } else if (ex instanceof CarafeException || ex instanceof IOException) {
            message = context + ": " + ex.getMessage();
        } else {
            message = context + ": " + ex;
        }
        err.println("carafe: " + message);
        return EXIT_ERROR;
    }

    /** The socket to use: {@code --socket}, else the default. */
    Path socket() {
        return socket != null ? socket : SocketPaths.defaultSocket();
    }

    /** The subcommand and its arguments as typed, e.g. {@code kill 12345}. */
    String context() {
        Set<String> names = Set.of("run", "ps", "kill", "suspend", "resume", "handles",
                "modules", "bench", "mem", "console", "debug");
        List<String> rest = new ArrayList<>();
        boolean found = false;
        for (String a : args) {
            found |= !found && names.contains(a);
            if (found) {
                rest.add(a);
            }
        }
        return rest.isEmpty() ? String.join(" ", args) : String.join(" ", rest);
    }
}

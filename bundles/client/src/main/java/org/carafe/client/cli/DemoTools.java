package org.carafe.client.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * What the steps of {@code carafe demo} are made of: prose for the reader, {@code carafe}
 * commands run in this JVM with their output shown, {@code carafe run} started as separate JVMs
 * (their programs' streams and our stdin stay apart), waits on conditions with deadlines, and
 * the clean-up of what the demo left behind (programs, files in deploy/, a server it started).
 */
final class DemoTools {
    /** A step did not behave as expected; the message says how. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** A condition polled by {@link #await}: null or false means "not yet". */
    @FunctionalInterface
    interface Poll<T> {
        T get() throws Exception;
    }

    /** A command's exit status and what it printed. */
    record Output(String command, int rc, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    /** A {@code carafe} command started as a JVM of its own, its output captured. */
    static final class Program {
        final String command;
        final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread[] pumps;

        Program(String command, Process process) {
            this.command = command;
            this.process = process;
            pumps = new Thread[] {pump(process.getInputStream(), out),
                pump(process.getErrorStream(), err)};
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        /** The Linux pids of the JVM's children (the program behind {@code carafe run}). */
        List<Long> children() {
            List<Long> pids = new ArrayList<>();
            process.toHandle().children().forEach(h -> pids.add(h.pid()));
            return pids;
        }

        /** Waits for its end; its exit status. */
        int waitFor(long millis) throws InterruptedException {
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                throw new Failure("'" + command + "' did not end within " + millis / 1000 + " s");
            }
            for (Thread t : pumps) {
                t.join(2000);
            }
            return process.exitValue();
        }

        private static Thread pump(InputStream in, StringBuffer into) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try (in) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the program ended
                }
            }, "carafe-demo-pump");
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    private static final int WIDTH = 96;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    final Path socket;
    final Path root;
    final PrintWriter out;
    private final List<Program> programs = new CopyOnWriteArrayList<>();
    private final List<Path> files = new CopyOnWriteArrayList<>();
    private volatile DemoServer server;

    DemoTools(Path socket, Path root, PrintWriter out) {
        this.socket = socket;
        this.root = root;
        this.out = out;
    }

    /** The project root (where the {@code carafe} script is), found from our own jar; or null. */
    static Path projectRoot() {
        try {
            Path here = Path.of(DemoTools.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toAbsolutePath();
            // bundles/client/target/carafe-client-*.jar, or bundles/client/target/classes
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isExecutable(p.resolve("carafe"))
                        && Files.isDirectory(p.resolve("bundles"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        return null;
    }

    void server(DemoServer s) {
        server = s;
    }

    // --- what the reader sees ----------------------------------------------------------------

    /** A paragraph of prose, wrapped, after a blank line. */
    void say(String text) {
        out.println();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.println(line);
        out.flush();
    }

    /** One line of evidence, indented. */
    void show(String line) {
        out.println("    " + line);
        out.flush();
    }

    /** A shell command the demo does itself (e.g. a cp), shown like the carafe commands. */
    void shell(String line) {
        out.println("  $ " + line);
        out.flush();
    }

    private void echo(List<String> args) {
        StringBuilder b = new StringBuilder("  $ carafe");
        for (String a : args) {
            b.append(' ').append(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''")
                    + "'");
        }
        out.println(b);
        out.flush();
    }

    private void print(Output o, int maxLines) {
        List<String> lines = new ArrayList<>(o.lines());
        if (!o.err.isEmpty()) {
            lines.addAll(List.of(o.err.split("\n")));
        }
        for (int i = 0; i < lines.size() && i < maxLines; i++) {
            show(lines.get(i));
        }
        if (lines.size() > maxLines) {
            show("... (" + (lines.size() - maxLines) + " more lines)");
        }
    }

    // --- carafe commands -------------------------------------------------------------------

    /** Runs {@code carafe ARGS} in this JVM, shows the command and its output. */
    Output carafe(String... args) {
        return carafe(Integer.MAX_VALUE, args);
    }

    /** As {@link #carafe(String...)}, showing at most {@code maxLines} lines of output. */
    Output carafe(int maxLines, String... args) {
        echo(List.of(args));
        Output o = quiet(args);
        print(o, maxLines);
        return o;
    }

    /** Shows a command and output obtained earlier (e.g. by polling). */
    void replay(Output o, String... args) {
        echo(List.of(args));
        print(o, Integer.MAX_VALUE);
    }

    /** Runs {@code carafe ARGS} in this JVM without showing anything. */
    Output quiet(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Main.commandLine(new Main());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        List<String> all = new ArrayList<>(List.of("--socket", socket.toString()));
        all.addAll(List.of(args));
        int rc = cl.execute(all.toArray(String[]::new));
        return new Output(String.join(" ", args), rc, o.toString(), e.toString());
    }

    /**
     * Starts {@code carafe ARGS} as a JVM of its own (as the script would, without the script),
     * stdin from /dev/null; shows the command.
     */
    Program spawn(String... args) throws IOException {
        echo(List.of(args));
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")
                    && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--socket", socket.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Program program = new Program(String.join(" ", args), p);
        programs.add(program);
        return program;
    }

    // --- conditions --------------------------------------------------------------------------

    /** Polls {@code poll} until it gives a value (not null, not false) or the deadline passes. */
    <T> T await(String what, long millis, Poll<T> poll) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            T value = poll.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new Failure("gave up after " + millis / 1000.0 + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static void check(boolean condition, String failure) {
        if (!condition) {
            throw new Failure(failure);
        }
    }

    /** The state letter of a Linux process (R, S, T, ...) from /proc/PID/stat, or "" if gone. */
    static String linuxState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static boolean linuxAlive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive();
    }

    // --- clean-up ------------------------------------------------------------------------------

    /** Remembers a file to delete at the end (e.g. a jar put into deploy/). */
    void leftOver(Path file) {
        files.add(file);
    }

    /** Ends the programs still running, deletes left-over files, stops a server we started. */
    void cleanUp() {
        for (Program p : programs) {
            if (p.process.isAlive()) {
                p.process.destroy();
            }
        }
        for (Program p : programs) {
            try {
                if (!p.process.waitFor(5, TimeUnit.SECONDS)) {
                    p.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        // the server first: a jar leaves deploy/ only once no FileInstall acts on its removal
        DemoServer s = server;
        if (s != null) {
            s.close();
        }
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                out.println("carafe: warning: could not delete " + f + ": " + e.getMessage());
            }
        }
        out.flush();
    }
}

package org.carafe.client.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.carafe.client.CarafeConnection;
import org.carafe.client.ConnectionLostException;
import org.carafe.client.NoServerException;

/**
 * The server behind {@code carafe demo}: the one answering on the socket, or one the demo starts
 * ({@code ./carafe up --exit-when-idle} in the background, output in
 * {@code target/demo-server.log}) and stops again at the end. Also finds the running server's
 * deploy folder and framework storage from its command line, for the live-update step.
 */
final class DemoServer implements AutoCloseable {
    /** How long a server we start may take to answer (it may have to build first). */
    private static final long START_DEADLINE_MS = 180_000;
    /** How long a stopped server may take to end before it is killed. */
    private static final long STOP_DEADLINE_MS = 20_000;

    private final Path socket;
    private final Process started;
    private final Path log;

    private DemoServer(Path socket, Process started, Path log) {
        this.socket = socket;
        this.started = started;
        this.log = log;
    }

    /** Whether a server answers on {@code socket} (connects and says hello). */
    static boolean answers(Path socket) throws IOException {
        try (CarafeConnection c = CarafeConnection.connect(socket)) {
            return c.isOpen();
        } catch (NoServerException | ConnectionLostException e) {
            return false;
        }
    }

    /** The server answering on {@code socket}, started first if none does. */
    static DemoServer ensure(Path socket, Path root, DemoTools out) throws IOException,
            InterruptedException {
        if (answers(socket)) {
            out.say("A server already answers on " + socket + "; the demo uses it and "
                    + "leaves it running.");
            return new DemoServer(socket, null, null);
        }
        Path script = root == null ? null : root.resolve("carafe");
        if (script == null || !Files.isExecutable(script)) {
            throw new CliException("demo: no server at " + socket + " and no ./carafe script "
                    + "to start one (start one with ./carafe up)", Main.EXIT_NO_SERVER);
        }
        Path log = root.resolve("target").resolve("demo-server.log");
        Files.createDirectories(log.getParent());
        out.say("No server answers on " + socket + ", so the demo starts one in the "
                + "background: ./carafe up --exit-when-idle (output in "
                + root.relativize(log) + "), and stops it again at the end.");
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "up", "--exit-when-idle")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CARAFE_SOCKET_DIR", socket.getParent().toString());
        // the demo shows every feature: a narrowed CARAFE_FEATURES would fail its steps
        pb.environment().remove("CARAFE_FEATURES");
        long t0 = System.nanoTime();
        DemoServer server = new DemoServer(socket, pb.start(), log);
        try {
            long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
            while (!answers(socket)) {
                if (!server.started.isAlive()) {
                    throw new CliException("demo: the server exited with status "
                            + server.started.exitValue() + " before answering; see " + log
                            + ":\n" + server.logTail(15), Main.EXIT_ERROR);
                }
                if (System.nanoTime() > deadline) {
                    throw new CliException("demo: the server did not answer within "
                            + START_DEADLINE_MS / 1000 + " s; see " + log, Main.EXIT_ERROR);
                }
                server.started.waitFor(100, TimeUnit.MILLISECONDS);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        out.show(String.format("The server answered after %.1f s.",
                (System.nanoTime() - t0) / 1e9));
        return server;
    }

    /** Whether this demo started the server. */
    boolean startedByUs() {
        return started != null;
    }

    /** The pid of the server's JVM, from its lock file, or -1. */
    long serverPid() {
        try {
            String text = Files.readString(socket.resolveSibling("lock"), StandardCharsets.UTF_8);
            return Long.parseLong(text.replaceAll("[^0-9]", ""));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The value that followed {@code option} on the server's command line, e.g. {@code -p}
     * (its home) or the {@code carafe.instance.deploy.dir=} of {@code -V}; null when unknown (not a
     * server started by ./carafe up, or not ours to read).
     */
    String serverArgument(String option, String prefix) {
        long pid = serverPid();
        if (pid <= 0) {
            return null;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals(option) && args.get(i + 1).startsWith(prefix)) {
                    return args.get(i + 1).substring(prefix.length());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The last {@code n} lines of the log of a server we started. */
    String logTail(int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops a server we started (SIGTERM, then SIGKILL after a deadline); idempotent. */
    @Override
    public void close() {
        if (started == null || !started.isAlive()) {
            return;
        }
        started.destroy();
        try {
            if (!started.waitFor(STOP_DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                started.destroyForcibly();
                started.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

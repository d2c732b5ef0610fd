package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.HandlerInfo;
import org.carafe.client.ProcessEntry;
import org.carafe.client.cli.DemoTools.Failure;
import org.carafe.client.cli.DemoTools.Output;
import org.carafe.client.cli.DemoTools.Program;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code carafe demo [--pace SECONDS]}: walks through Carafe on real programs, one short
 * paragraph per step with the commands it runs and what they print, and checks each step's
 * outcome. Starts a server if none answers (see {@link DemoServer}) and stops it at the end;
 * the demo itself is an emulated process ({@code carafe demo}) for its whole run, so a server
 * started with --exit-when-idle stays up between steps. Exits 0 when every step behaved as
 * expected, else prints what failed and exits 1.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Walk through Carafe on real programs, checking each step.",
            "Starts a server (./carafe up --exit-when-idle) if none answers, and stops it at "
                + "the end. Exit status 0 when every step behaved as expected, else 1."})
final class DemoCommand implements Callable<Integer> {
    private static final long RUN_MS = 30_000;
    private static final long APPEAR_MS = 20_000;
    private static final long STATE_MS = 10_000;
    private static final long FILEINSTALL_MS = 20_000;
    private static final String DEPLOYED_NAME = "carafe-memory-demo.jar";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--pace", paramLabel = "SECONDS",
            description = "Pause this long after each step, for the reader (default: 0).")
    double pace;

    private DemoTools d;
    private DemoServer server;
    private EmulatedThread self;
    private Program sleeper;
    private int sleepPid;
    private long sleepLinuxPid;
    private long elfBase;
    private final List<String> skipped = new ArrayList<>();

    private record Step(String title, Body body) {
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Path socket = main.socket();
        d = new DemoTools(socket, DemoTools.projectRoot(), out);
        Thread hook = new Thread(d::cleanUp, "carafe-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int rc;
        try {
            out.println("Carafe demo: real Linux programs run as emulated processes of a Carafe "
                    + "server.");
            server = DemoServer.ensure(socket, d.root, d);
            d.server(server);
            try (EmulatedProcess demo = EmulatedProcess.start(socket, "carafe demo")) {
                self = demo.mainThread();
                rc = steps(out);
                demo.exit(rc);
            }
        } finally {
            d.cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs anyway
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println();
        if (rc == 0 && !skipped.isEmpty()) {
            out.println("demo: skipped " + skipped);
        }
        out.printf(rc == 0 ? "demo: every step behaved as expected (%.1f s)%n"
                : "demo: FAILED (%.1f s)%n", seconds);
        out.flush();
        return rc;
    }

    private int steps(PrintWriter out) throws InterruptedException {
        List<Step> steps = List.of(
                new Step("run a program", this::runProgram),
                new Step("list processes", this::listProcesses),
                new Step("suspend and resume", this::suspendResume),
                new Step("read its memory", this::readMemory),
                new Step("the console", this::console),
                new Step("debug events", this::debugEvents),
                new Step("update a handler bundle live", this::liveUpdate),
                new Step("end it", this::endIt));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.println();
            out.printf("== %d/%d  %s%n", i + 1, steps.size(), s.title());
            out.flush();
            try {
                s.body().run();
            } catch (Failure e) {
                return failed(out, i + 1, s, e.getMessage());
            } catch (Exception e) {
                return failed(out, i + 1, s, e.toString());
            }
            out.println(skipped.contains(s.title()) ? "  skipped" : "  ok");
            out.flush();
            if (pace > 0 && i + 1 < steps.size()) {
                Thread.sleep((long) (pace * 1000));
            }
        }
        return 0;
    }

    private static int failed(PrintWriter out, int n, Step s, String message) {
        out.println("  FAILED: " + message);
        out.println();
        out.println("demo: step " + n + " (" + s.title() + ") did not behave as expected: "
                + message);
        out.flush();
        return Main.EXIT_ERROR;
    }

    // --- the steps -------------------------------------------------------------------------------

    private void runProgram() throws Exception {
        d.say("`carafe run` starts a real Linux program as an emulated process: the server "
                + "creates a process object for it (handle table, threads, exit code), and "
                + "`carafe run` exits with the program's exit code.");
        Program p = d.spawn("run", "--", "sh", "-c", "exit 7");
        int rc = p.waitFor(RUN_MS);
        d.show("exit status " + rc);
        DemoTools.check(rc == 7, "expected exit status 7, got " + rc + errorText(p));
    }

    private void listProcesses() throws Exception {
        d.say("Now `sleep 60` runs as an emulated process in the background. `carafe ps` "
                + "lists the emulated processes: Carafe's pid (a multiple of 4), the Linux pid "
                + "behind it, threads and state. The demo is one too (`carafe demo`), and so is "
                + "each `carafe` command while it runs.");
        sleeper = d.spawn("run", "--", "sleep", "60");
        ProcessEntry e = d.await("sleep 60 to appear in the process list", APPEAR_MS,
                () -> entryOf(sleeper));
        sleepPid = e.pid();
        sleepLinuxPid = Integer.toUnsignedLong(e.linuxPid());
        Output ps = d.carafe("ps");
        DemoTools.check(ps.rc() == 0, "carafe ps failed: " + ps.err());
        DemoTools.check(ps.out().contains("sleep 60")
                && ps.out().contains(Integer.toUnsignedString(sleepPid)),
                "carafe ps does not list sleep 60 as pid " + sleepPid);
        d.show("-> sleep 60 is Carafe pid " + sleepPid + ", Linux pid " + sleepLinuxPid);
    }

    private void suspendResume() throws Exception {
        String pid = Integer.toUnsignedString(sleepPid);
        String proc = "/proc/" + sleepLinuxPid + "/stat";
        d.say("`carafe suspend` suspends the process's threads; for a real program the server "
                + "stops the Linux process (SIGSTOP), so " + proc + " shows state T. "
                + "`carafe resume` continues it (SIGCONT).");
        expectOk(d.carafe("suspend", pid));
        d.await("state T in " + proc, STATE_MS,
                () -> "T".equals(DemoTools.linuxState(sleepLinuxPid)));
        d.show(proc + ": state T (stopped)");
        ProcessEntry e = d.await("ps to say suspended", STATE_MS, () -> {
            ProcessEntry x = find(sleepPid);
            return x != null && x.state() == ProcessEntry.SUSPENDED ? x : null;
        });
        d.show("carafe ps: status " + e.stateName());
        expectOk(d.carafe("resume", pid));
        String state = d.await("a state other than T in " + proc, STATE_MS, () -> {
            String s = DemoTools.linuxState(sleepLinuxPid);
            return s.isEmpty() || s.equals("T") ? null : s;
        });
        d.show(proc + ": state " + state + (state.equals("S") ? " (sleeping)" : ""));
    }

    private void readMemory() throws Exception {
        String pid = Integer.toUnsignedString(sleepPid);
        d.say("`carafe mem map` lists the process's memory regions and `carafe mem read` reads "
                + "its bytes, both through the server (which reads /proc/" + sleepLinuxPid
                + "/maps and /proc/" + sleepLinuxPid + "/mem). The first mapping of the sleep "
                + "binary starts with its ELF header, whose magic is 7f 45 4c 46.");
        Output map = d.carafe(8, "mem", "map", pid);
        expectOk(map);
        String exe = "";
        try {
            exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(sleepLinuxPid), "exe"))
                    .toString();
        } catch (IOException e) {
            // not ours to read: fall back to the name
        }
        Long base = null;
        for (String line : map.lines()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && (f[4].equals(exe) || f[4].endsWith("/sleep"))) {
                base = MemFormats.parseAddress(f[0].startsWith("0x") ? f[0] : "0x" + f[0]);
                break;
            }
        }
        DemoTools.check(base != null, "mem map shows no mapping of the sleep binary ("
                + (exe.isEmpty() ? "/sleep" : exe) + ")");
        elfBase = base;
        d.show("-> the binary " + (exe.isEmpty() ? "sleep" : exe) + " is first mapped at 0x"
                + Long.toHexString(base));
        expectElf(d.carafe("mem", "read", pid, "0x" + Long.toHexString(base), "16"));
    }

    private void console() throws Exception {
        d.say("A process started without a parent gets a console: what the program prints also "
                + "goes into the console's screen buffer, and what is typed into the console "
                + "reaches the program's stdin. This program prints `one`, reads a line and "
                + "prints `got` and the line; `carafe console --send` types into its console.");
        Program p = d.spawn("run", "--", "sh", "-c", "echo one; read x; echo got $x");
        ProcessEntry e = d.await("the program to appear in the process list", APPEAR_MS,
                () -> entryOf(p));
        String pid = Integer.toUnsignedString(e.pid());
        Output first = d.await("its console to show `one`", STATE_MS, () -> {
            Output o = d.quiet("console", pid);
            return o.rc() == 0 && o.lines().contains("one") ? o : null;
        });
        d.replay(first, "console", pid);
        expectOk(d.carafe("console", pid, "--send", "two\\n"));
        Output[] seen = new Output[1];
        d.await("`got two` in its console (or its end)", STATE_MS, () -> {
            Output o = d.quiet("console", pid);
            if (o.rc() == 0 && o.lines().contains("got two")) {
                seen[0] = o;
                return true;
            }
            return !p.process.isAlive();
        });
        if (seen[0] != null) {
            d.replay(seen[0], "console", pid);
        } else {
            d.show("(the program ended before its console was read again; its console went "
                    + "with it)");
        }
        int rc = p.waitFor(RUN_MS);
        List<String> printed = List.of(p.out().split("\n"));
        d.show("-> carafe run printed " + printed + " and exited with " + rc);
        DemoTools.check(rc == 0 && printed.contains("got two"),
                "expected `got two` and exit status 0" + errorText(p));
    }

    private void debugEvents() throws Exception {
        d.say("With --debug, `carafe run` also attaches a debugger (a second emulated process of "
                + "its own) before the program starts, and prints the debug events the server "
                + "queues for it: CREATE_PROCESS first, EXIT_PROCESS with the exit code last.");
        Program p = d.spawn("run", "--debug", "--", "sh", "-c", "exit 3");
        int rc = p.waitFor(RUN_MS);
        List<String> events = new ArrayList<>();
        for (String line : p.err().split("\n")) {
            if (line.matches(".*\\b(CREATE_PROCESS|EXIT_PROCESS|CREATE_THREAD|EXIT_THREAD"
                    + "|LOAD_DLL|UNLOAD_DLL|EXCEPTION|OUTPUT_DEBUG_STRING|RIP)\\b.*")) {
                events.add(line);
                d.show(line);
            }
        }
        d.show("exit status " + rc);
        DemoTools.check(rc == 3, "expected exit status 3, got " + rc + errorText(p));
        DemoTools.check(!events.isEmpty() && events.get(0).contains("CREATE_PROCESS"),
                "the first debug event is not CREATE_PROCESS" + errorText(p));
        DemoTools.check(events.get(events.size() - 1).matches(".*EXIT_PROCESS.*\\b3\\b.*"),
                "the last debug event is not EXIT_PROCESS with exit code 3");
    }

    private void liveUpdate() throws Exception {
        d.say("Request handlers are Declarative Services components in bundles, and the state "
                + "lives in the api and object bundles, so a handler bundle can be updated while "
                + "processes stay connected: the dispatcher holds requests that arrive while the "
                + "handler is away. FileInstall watches the instance's own deploy folder; a jar "
                + "dropped there whose symbolic name and version are already installed updates "
                + "that bundle in place. The demo drops the memory bundle's jar there (so no "
                + "other instance's server sees it), waits for the update, "
                + "and checks that sleep 60 is still connected with the same pids and that "
                + "`carafe mem read` still works.");
        if (!server.startedByUs()) {
            d.say("Skipped: the demo did not start this server. FileInstall would update its "
                    + "carafe-memory in place, but taking the jar out of the deploy folder again "
                    + "would make FileInstall uninstall carafe-memory from it. Stop the server "
                    + "and run the demo again to see this step.");
            skipped.add("update a handler bundle live");
            return;
        }
        String deployDir = server.serverArgument("-V", "carafe.instance.deploy.dir=");
        String home = server.serverArgument("-p", "");
        DemoTools.check(deployDir != null && home != null, "cannot tell the server's deploy "
                + "folder and storage from its command line");
        Path storage = Path.of(home, "framework");
        DemoTools.check(Files.isDirectory(storage), "no framework storage at " + storage);
        Path jar = memoryJar();
        DemoDeploy deploy = new DemoDeploy(Path.of(deployDir), storage, d.root.resolve("target"));
        DemoDeploy.Installed b = deploy.findByLocation("/carafe-memory/");
        DemoTools.check(b != null, "carafe-memory is not installed in " + storage);
        String before = DemoDeploy.newestRevision(b.dir());
        d.show("carafe-memory is bundle " + b.id() + ", revision " + before + " in the "
                + "framework storage");
        Path file = deploy.deployDir().resolve(DEPLOYED_NAME);
        // Taken out of deploy/ only after the server has stopped (see the SKIPPED note above).
        d.leftOver(file);
        d.shell("cp " + rel(jar) + " " + rel(file));
        deploy.put(jar, DEPLOYED_NAME);
        String after = d.await("FileInstall to update bundle " + b.id(), FILEINSTALL_MS, () -> {
            DemoDeploy.Installed x = DemoDeploy.read(b.dir());
            String r = x == null ? "" : DemoDeploy.newestRevision(b.dir());
            return x != null && DemoDeploy.started(x.state()) && !r.isEmpty()
                    && !r.equals(before) ? r : null;
        });
        d.show("-> FileInstall updated bundle " + b.id() + " in place (revision " + before
                + " -> " + after + ") and started it again");
        HandlerInfo h = d.await("read_process_memory to have a handler again", FILEINSTALL_MS,
                () -> handlerOf("read_process_memory"));
        d.show("list_handlers: read_process_memory is served by " + h.bundle() + " "
                + h.version());
        stillThere();
    }

    private void endIt() throws Exception {
        String pid = Integer.toUnsignedString(sleepPid);
        d.say("`carafe kill " + pid + " 9` terminates the process with exit code 9: the server "
                + "kills the Linux process, and the `carafe run` that started it exits with 9.");
        expectOk(d.carafe("kill", pid, "9"));
        int rc = sleeper.waitFor(RUN_MS);
        d.show("carafe run -- sleep 60 exited with " + rc);
        DemoTools.check(rc == 9, "expected exit status 9, got " + rc + errorText(sleeper));
        d.await("Linux pid " + sleepLinuxPid + " to be gone", STATE_MS,
                () -> !DemoTools.linuxAlive(sleepLinuxPid));
        d.show("Linux pid " + sleepLinuxPid + " is gone");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The live emulated process behind a {@code carafe run} JVM (its program is its child). */
    private ProcessEntry entryOf(Program run) throws IOException {
        if (!run.process.isAlive()) {
            throw new Failure("'" + run.command + "' ended early with "
                    + run.process.exitValue() + errorText(run));
        }
        List<Long> children = run.children();
        for (ProcessEntry e : self.listProcesses()) {
            if (e.state() != ProcessEntry.EXITED
                    && children.contains(Integer.toUnsignedLong(e.linuxPid()))) {
                return e;
            }
        }
        return null;
    }

    /** The handler in charge of {@code request} (list_handlers), or null. */
    private HandlerInfo handlerOf(String request) throws IOException {
        for (HandlerInfo h : self.listHandlers()) {
            if (h.request().equals(request)) {
                return h;
            }
        }
        return null;
    }

    private ProcessEntry find(int pid) throws IOException {
        for (ProcessEntry e : self.listProcesses()) {
            if (e.pid() == pid) {
                return e;
            }
        }
        return null;
    }

    /** sleep 60 still connected, same pids, running, and its memory still readable. */
    private void stillThere() throws Exception {
        ProcessEntry e = find(sleepPid);
        DemoTools.check(e != null && e.state() == ProcessEntry.RUNNING
                && Integer.toUnsignedLong(e.linuxPid()) == sleepLinuxPid
                && DemoTools.linuxAlive(sleepLinuxPid),
                "sleep 60 (pid " + sleepPid + ", Linux pid " + sleepLinuxPid + ") is gone: " + e);
        d.show("sleep 60 is still pid " + sleepPid + " (Linux pid " + sleepLinuxPid + "), "
                + e.stateName() + ", " + e.threads() + " thread(s)");
        expectElf(d.carafe("mem", "read", Integer.toUnsignedString(sleepPid),
                "0x" + Long.toHexString(elfBase), "4"));
    }

    private Path memoryJar() throws IOException {
        DemoTools.check(d.root != null, "cannot find the project (for bundles/memory/target)");
        Path target = d.root.resolve("bundles/memory/target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "carafe-memory-*.jar")) {
            for (Path j : jars) {
                String n = j.getFileName().toString();
                if (!n.endsWith("-sources.jar") && !n.endsWith("-tests.jar")
                        && !n.endsWith("-javadoc.jar")) {
                    return j;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below
        }
        throw new Failure("no carafe-memory jar in " + target + " (build first)");
    }

    private String rel(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static void expectOk(Output o) {
        DemoTools.check(o.rc() == 0, "'carafe " + o.command() + "' exited with " + o.rc()
                + (o.err().isBlank() ? "" : ": " + o.err().trim()));
    }

    private static void expectElf(Output o) {
        expectOk(o);
        DemoTools.check(o.out().toLowerCase().contains("7f 45 4c 46"),
                "'carafe " + o.command() + "' does not show the ELF magic 7f 45 4c 46");
    }

    private static String errorText(Program p) {
        String err = p.err().trim();
        return err.isEmpty() ? "" : " (stderr: " + err.replace('\n', ' ') + ")";
    }
}

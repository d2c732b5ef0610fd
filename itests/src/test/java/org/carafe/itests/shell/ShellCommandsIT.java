package org.carafe.itests.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.itests.CarafeOptions;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The Gogo commands of the shell bundle, called as services against a server with a few
 * emulated processes: their output shows the kernel's real state, and trace switches the
 * transport's tracing in place.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT {
    private static final long DEADLINE_MS = 10_000;

    @Inject
    private Kernel kernel;

    @Inject
    private BundleContext context;

    private GogoCommands gogo;
    private final List<EmulatedProcess> processes = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(composite(CarafeOptions.serverWithConsole()),
                CarafeOptions.carafeBundles(CarafeOptions.SHELL_BUNDLE));
    }

    @Before
    public void setUp() {
        gogo = new GogoCommands(context);
    }

    @After
    public void tearDown() {
        processes.forEach(EmulatedProcess::close);
    }

    @Test
    public void processesThreadsAndHandlesShowTheKernelsState() throws Exception {
        EmulatedProcess one = start("shell-one");
        EmulatedProcess two = start("shell-two");
        EmulatedThread extra = two.newThread(0);

        String ps = gogo.call("processes");
        assertTrue(ps, ps.startsWith("PID  PPID  LINUX_PID  THREADS  STATUS"));
        assertTrue(ps, line(ps, one.pid() + " ").contains("running"));
        assertTrue(ps, line(ps, one.pid() + " ").endsWith("shell-one"));
        assertTrue(ps, line(ps, two.pid() + " ").matches(".*\\s2\\s+running.*shell-two"));

        String threads = gogo.call("threads");
        assertTrue(threads, line(threads, extra.tid() + " ").contains(" " + two.pid() + " "));

        int handleCount = onLoop(() -> kernel.process(two.pid()).handles().count());
        String handles = gogo.call("handles", Integer.toString(two.pid()));
        assertEquals(handles, handleCount + 1, handles.split("\n").length);
        assertEquals(handles, gogo.call("handles", "0x" + Integer.toHexString(two.pid())));
    }

    @Test
    public void objectsCountLiveObjectsByType() throws Exception {
        start("shell-objects");
        int processCount = onLoop(() -> kernel.objectCounts().getOrDefault("Process", 0));
        int total = onLoop(kernel::objectCount);

        String objects = gogo.call("objects");
        assertTrue(objects, line(objects, "Process ").endsWith(" " + processCount));
        assertTrue(objects, line(objects, "total ").endsWith(" " + total));
    }

    @Test
    public void consolesAndDebuggersComeFromTheProcessAttributes() throws Exception {
        EmulatedProcess debugger = start("shell-debugger");
        EmulatedProcess debuggee = start("shell-debuggee");
        debugger.mainThread().debugProcess(debuggee.pid());

        String consoles = gogo.call("consoles");
        String debuggers = gogo.call("debuggers");
        assertTrue(consoles, consoles.startsWith("PIDS  SIZE"));
        String[] console = line(consoles, debuggee.pid() + " ").split("\\s+");
        assertEquals(consoles, "80x25", console[1]);

        String[] session = line(debuggers, debugger.pid() + " ").split("\\s+");
        assertEquals(debuggers, Integer.toString(debuggee.pid()), session[1]);
    }

    @Test
    public void countersCountRepliesPerRequest() throws Exception {
        EmulatedThread t = start("shell-counters").mainThread();
        for (int i = 0; i < 5; i++) {
            t.getProcessInfo(Protocol.CURRENT_PROCESS);
        }

        String counters = gogo.call("counters");
        assertEquals(counters, "REQUEST CODE COUNT P50_US P99_US MAX_US",
                counters.split("\n")[0].replaceAll("\\s+", " "));
        String[] info = line(counters, "get_process_info ").split("\\s+");
        assertTrue(counters, Long.parseLong(info[2]) >= 5);
        assertTrue(counters, Double.parseDouble(info[3]) <= Double.parseDouble(info[4]));
        assertTrue(counters, line(counters, "init_thread ").split("\\s+").length == 6);
    }

    @Test
    public void traceSwitchesInPlaceWithoutDroppingConnections() throws Exception {
        EmulatedThread t = start("shell-trace").mainThread();
        try {
            gogo.call("trace", "on");
            await("trace on", () -> gogo.call("trace").equals("trace on"));
            assertEquals(t.pid(), t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
        } finally {
            gogo.call("trace", "off");
        }
        await("trace off", () -> gogo.call("trace").equals("trace off"));
        assertEquals(t.pid(), t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
    }

    private EmulatedProcess start(String command) throws Exception {
        Path socket = Paths.get(System.getProperty(CarafeOptions.SOCKET_DIR_PROPERTY))
                .resolve("socket");
        await("the server socket exists", () -> Files.exists(socket));
        EmulatedProcess p = EmulatedProcess.start(socket, command);
        processes.add(p);
        return p;
    }

    /** The first line of {@code text} that starts with {@code prefix}. */
    private static String line(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        fail("no line starting with \"" + prefix + "\" in\n" + text);
        return null;
    }

    private <T> T onLoop(Callable<T> read) throws Exception {
        return kernel.loop().call(read);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.call()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}

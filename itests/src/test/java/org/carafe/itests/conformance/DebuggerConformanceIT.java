package org.carafe.itests.conformance;

import static org.carafe.itests.conformance.ServerFixture.assertStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.DebugEventInfo;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.NewProcessResult;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.Status;
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

/**
 * Debugger rules driven through the protocol against the real server with the debugger
 * bundle: debuggers made by new_process and by attach, startup and exit events, continue
 * rights, blocking exceptions, suspension of an owned debuggee's Linux process, kill-on-exit.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DebuggerConformanceIT {
    private static final long WAIT_MS = ServerFixture.DEADLINE_MS;
    private static final int CONTINUE = DebugEventInfo.DBG_CONTINUE;

    @Inject
    private Kernel kernel;

    private ServerFixture server;
    private ExecutorService background;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Before
    public void setUp() {
        server = new ServerFixture(kernel);
        background = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        background.shutdownNow();
        server.close();
    }

    @Test
    public void aDebuggerThatEndsKillsItsDebuggeeWithDebuggerInactive() throws Exception {
        int baseline = server.baseline();
        EmulatedProcess debugger = server.start("debugger");
        EmulatedProcess child = debugged(debugger.mainThread(), Flags.DEBUG_PROCESS, "child");
        EmulatedThread observer = server.start("observer").mainThread();
        int h = observer.openProcess(child.pid(), Rights.PROCESS_QUERY_INFORMATION, false);
        expect(debugger.mainThread(), DebugEventInfo.CREATE_PROCESS, child.pid());

        debugger.close();
        ServerFixture.await("the debuggee is killed", () -> exitCode(observer, h)
                == Status.DEBUGGER_INACTIVE);
        observer.closeHandle(h);
        server.close();
        server.awaitObjectCount(baseline);
    }

    @Test
    public void withKillOnExitOffTheDebuggeeRunsOn() throws Exception {
        EmulatedProcess debugger = server.start("debugger");
        EmulatedThread d = debugger.mainThread();
        EmulatedProcess child = debugged(d, Flags.DEBUG_PROCESS, "child");
        d.setDebuggerKillOnExit(false);
        expect(d, DebugEventInfo.CREATE_PROCESS, child.pid());

        debugger.close();
        assertEquals("the debuggee is served again", Protocol.STILL_ACTIVE,
                child.mainThread().getProcessInfo(Protocol.CURRENT_PROCESS).exitCode());
    }

    @Test
    public void debugOnlyThisProcessDoesNotFollowChildren() throws Exception {
        EmulatedThread d = server.start("debugger").mainThread();
        EmulatedProcess child = debugged(d, Flags.DEBUG_ONLY_THIS_PROCESS, "child");
        continueNext(d, DebugEventInfo.CREATE_PROCESS, child.pid());

        EmulatedProcess grandchild = plainChild(child.mainThread(), "grandchild");
        assertTrue(grandchild.pid() != 0);
        assertTrue("no event for the grandchild", d.waitDebugEvent(200).timedOut());
    }

    @Test
    public void debugProcessFollowsChildren() throws Exception {
        EmulatedThread d = server.start("debugger").mainThread();
        EmulatedProcess child = debugged(d, Flags.DEBUG_PROCESS, "child");
        continueNext(d, DebugEventInfo.CREATE_PROCESS, child.pid());

        EmulatedProcess grandchild = plainChild(child.mainThread(), "grandchild");
        continueNext(d, DebugEventInfo.CREATE_PROCESS, grandchild.pid());
    }

    @Test
    public void onlyTheDebuggerContinuesAndOnlyAnEventItReceived() throws Exception {
        EmulatedThread d = server.start("debugger").mainThread();
        EmulatedThread other = server.start("other").mainThread();
        EmulatedProcess child = debugged(d, Flags.DEBUG_PROCESS, "child");

        assertStatus(Status.ACCESS_DENIED,
                () -> d.continueDebugEvent(child.pid(), child.tid(), CONTINUE));
        DebugEventInfo e = expect(d, DebugEventInfo.CREATE_PROCESS, child.pid());
        assertStatus(Status.ACCESS_DENIED,
                () -> other.continueDebugEvent(e.pid(), e.tid(), CONTINUE));
        assertStatus(Status.INVALID_PARAMETER, () -> d.continueDebugEvent(e.pid(), e.tid(), 7));
        d.continueDebugEvent(e.pid(), e.tid(), CONTINUE);
        assertStatus(Status.ACCESS_DENIED, () -> d.continueDebugEvent(e.pid(), e.tid(), CONTINUE));
    }

    @Test
    public void attachGivesTheStartupEventsInOrderWithFullAccessHandles() throws Exception {
        EmulatedProcess target = server.start("target");
        EmulatedThread second = target.newThread(0);
        target.mainThread().loadDll(0x10000, 0x1000, "a.dll");
        target.mainThread().loadDll(0x20000, 0x2000, "b.dll");
        EmulatedThread d = server.start("debugger").mainThread();

        d.debugProcess(target.pid());
        DebugEventInfo create = continueNext(d, DebugEventInfo.CREATE_PROCESS, target.pid());
        assertEquals(target.tid(), create.tid());
        assertEquals("target", create.text());
        assertEquals(Rights.PROCESS_ALL_ACCESS,
                d.getObjectInfo(create.processHandle()).access());
        assertEquals(Rights.THREAD_ALL_ACCESS, d.getObjectInfo(create.threadHandle()).access());
        assertEquals(second.tid(), continueNext(d, DebugEventInfo.CREATE_THREAD, target.pid())
                .tid());
        assertEquals("a.dll", continueNext(d, DebugEventInfo.LOAD_DLL, target.pid()).text());
        DebugEventInfo b = continueNext(d, DebugEventInfo.LOAD_DLL, target.pid());
        assertEquals(0x20000, b.address());
        assertEquals("b.dll", b.text());
        assertTrue(d.waitDebugEvent(0).timedOut());
    }

    @Test
    public void aThreadEndGivesExitThreadAndTheLastOnlyExitProcess() throws Exception {
        EmulatedProcess target = server.start("target");
        EmulatedThread second = target.newThread(0);
        EmulatedThread d = server.start("debugger").mainThread();
        d.debugProcess(target.pid());
        continueNext(d, DebugEventInfo.CREATE_PROCESS, target.pid());
        continueNext(d, DebugEventInfo.CREATE_THREAD, target.pid());

        int secondTid = second.tid();
        second.close();
        DebugEventInfo exitThread = continueNext(d, DebugEventInfo.EXIT_THREAD, target.pid());
        assertEquals(secondTid, exitThread.tid());
        target.exit(7);
        DebugEventInfo exitProcess = continueNext(d, DebugEventInfo.EXIT_PROCESS, target.pid());
        assertEquals(target.tid(), exitProcess.tid());
        assertEquals(7, exitProcess.value());
        assertTrue("nothing after EXIT_PROCESS", d.waitDebugEvent(200).timedOut());
    }

    @Test
    public void anExceptionBlocksItsSenderUntilContinuedAndReturnsTheStatus() throws Exception {
        EmulatedProcess target = server.start("target");
        EmulatedThread d = server.start("debugger").mainThread();
        d.debugProcess(target.pid());
        continueNext(d, DebugEventInfo.CREATE_PROCESS, target.pid());

        CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> call(() ->
                target.mainThread().exceptionEvent(0xC0000005, 0x1234, true)), background);
        DebugEventInfo e = expect(d, DebugEventInfo.EXCEPTION, target.pid());
        assertEquals(0xC0000005, e.value());
        assertEquals(0x1234, e.address());
        assertTrue(e.firstChance());
        assertFalse("the sender waits for the continue", sent.isDone());
        d.continueDebugEvent(e.pid(), e.tid(), DebugEventInfo.DBG_EXCEPTION_HANDLED);
        assertEquals(DebugEventInfo.DBG_EXCEPTION_HANDLED,
                (int) sent.get(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    public void outputDebugStringIsQueuedAndANonDebuggerCannotWait() throws Exception {
        EmulatedProcess target = server.start("target");
        EmulatedThread d = server.start("debugger").mainThread();
        assertStatus(Status.INVALID_HANDLE, () -> d.waitDebugEvent(0));
        assertEquals("not debugged: not handled", DebugEventInfo.DBG_EXCEPTION_NOT_HANDLED,
                target.mainThread().exceptionEvent(0xC0000005, 0, true));
        d.debugProcess(target.pid());
        continueNext(d, DebugEventInfo.CREATE_PROCESS, target.pid());

        target.mainThread().outputDebugString("hello");
        assertEquals("hello", continueNext(d, DebugEventInfo.OUTPUT_DEBUG_STRING,
                target.pid()).text());
        DebugEventInfo none = d.waitDebugEvent(50);
        assertEquals(Status.TIMEOUT, none.status());
    }

    @Test
    public void attachIsRefusedToSelfDebuggedInitialisingAndOwnDebugger() throws Exception {
        EmulatedThread d = server.start("debugger").mainThread();
        EmulatedThread d2 = server.start("second-debugger").mainThread();
        EmulatedProcess target = server.start("target");

        assertStatus(Status.ACCESS_DENIED, () -> d.debugProcess(d.pid()));
        assertStatus(Status.INVALID_CID, () -> d.debugProcess(0x7ffffffc));
        d.debugProcess(target.pid());
        continueNext(d, DebugEventInfo.CREATE_PROCESS, target.pid());
        assertStatus(Status.ACCESS_DENIED, () -> d2.debugProcess(target.pid()));
        assertStatus(Status.ACCESS_DENIED, () -> target.mainThread().debugProcess(d.pid()));
        assertStatus(Status.ACCESS_DENIED, () -> d2.detachProcess(target.pid()));
        NewProcessResult created = d2.newProcess(false, 0, 0, 0, 0, 0, "initialising");
        try (EmulatedThread half = EmulatedThread.connect(ServerFixture.socket())) {
            int pid = half.initThread(Protocol.KIND_EMBEDDED, 0, created.token(), "").pid();
            half.initProcess();
            assertStatus(Status.ACCESS_DENIED, () -> d.debugProcess(pid));
        }
    }

    @Test
    public void detachLetsTheDebuggeeRunOnWithPendingEventsDropped() throws Exception {
        EmulatedProcess target = server.start("target");
        target.newThread(0);
        EmulatedThread d = server.start("debugger").mainThread();
        d.debugProcess(target.pid());
        expect(d, DebugEventInfo.CREATE_PROCESS, target.pid());

        d.detachProcess(target.pid());
        assertEquals(Protocol.STILL_ACTIVE,
                target.mainThread().getProcessInfo(Protocol.CURRENT_PROCESS).exitCode());
        assertTrue(d.waitDebugEvent(0).timedOut());
    }

    @Test
    public void anOwnedDebuggeeIsStoppedWhileAnEventIsUnanswered() throws Exception {
        EmulatedProcess debugger = server.start("debugger");
        EmulatedThread d = debugger.mainThread();
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        EmulatedThread owner = EmulatedThread.connect(ServerFixture.socket());
        try {
            int linuxPid = (int) sleeper.pid();
            NewProcessResult created = d.newProcess(false, Flags.DEBUG_PROCESS, 0, 0, 0, 0,
                    "sleep 60");
            int pid = owner.initThread(Protocol.KIND_OWNED, linuxPid, created.token(),
                    "sleep 60").pid();
            owner.initProcess();
            owner.initProcessDone();

            DebugEventInfo e = expect(d, DebugEventInfo.CREATE_PROCESS, pid);
            ServerFixture.await("the sleep is stopped", () -> "T".equals(state(linuxPid)));
            d.continueDebugEvent(e.pid(), e.tid(), CONTINUE);
            ServerFixture.await("the sleep runs again", () -> !"T".equals(state(linuxPid)));
            debugger.close();
            assertTrue("killed with its debugger", sleeper.waitFor(WAIT_MS,
                    TimeUnit.MILLISECONDS));
        } finally {
            owner.close();
            sleeper.destroyForcibly();
        }
    }

    /** A child of {@code creator} made with {@code flags}, initialised (init done). */
    private EmulatedProcess debugged(EmulatedThread creator, int flags, String command)
            throws IOException {
        NewProcessResult created = creator.newProcess(false, flags, 0, 0, 0, 0, command);
        EmulatedProcess child = server.startChild(created.token());
        assertEquals(Status.SUCCESS,
                creator.waitProcess(created.infoHandle(), WAIT_MS, false, false).status());
        return child;
    }

    private EmulatedProcess plainChild(EmulatedThread creator, String command)
            throws IOException {
        return debugged(creator, 0, command);
    }

    private static DebugEventInfo expect(EmulatedThread debugger, int code, int pid)
            throws IOException {
        DebugEventInfo e = debugger.waitDebugEvent(WAIT_MS);
        assertEquals(Status.SUCCESS, e.status());
        assertEquals("event " + e.describe(), code, e.code());
        assertEquals(pid, e.pid());
        return e;
    }

    private static DebugEventInfo continueNext(EmulatedThread debugger, int code, int pid)
            throws IOException {
        DebugEventInfo e = expect(debugger, code, pid);
        debugger.continueDebugEvent(e.pid(), e.tid(), CONTINUE);
        return e;
    }

    private static int exitCode(EmulatedThread observer, int handle) {
        return call(() -> observer.getProcessInfo(handle).exitCode());
    }

    private static <T> T call(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static String state(int linuxPid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(linuxPid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (IOException e) {
            return "gone";
        }
    }
}

package org.carafe.itests.conformance;

import static org.carafe.itests.conformance.ServerFixture.assertStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.inject.Inject;

import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.model.Kernel;
import org.carafe.client.ConsoleAccess;
import org.carafe.client.ConsoleHandles;
import org.carafe.client.ConsoleInfo;
import org.carafe.client.ConsoleRecord;
import org.carafe.client.ConsoleScreen;
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
 * Console rules driven through the protocol against the real server with the console bundle:
 * allocation and freeing, inheritance by children, std handles, the end of a console, and
 * input and output round trips.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleConformanceIT {
    private static final int SELF = Protocol.CURRENT_PROCESS;

    @Inject
    private Kernel kernel;

    private ServerFixture server;
    private ExecutorService background;

    @Configuration
    public Option[] config() {
        return CarafeOptions.serverWithConsole();
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
    public void allocWhenAttachedIsDeniedAndLeavesTheConsoleAsItWas() throws Exception {
        EmulatedProcess p = server.start("attached");
        EmulatedThread t = p.mainThread();
        t.writeConsoleOutput(p.startup().hstdout(), "kept");

        assertStatus(Status.ACCESS_DENIED, () -> t.allocConsole(ConsoleAccess.ALL, false));
        int out = t.openConsole(SELF, ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ, false);
        assertTrue(t.compareObjects(out, p.startup().hstdout()));
        assertEquals("kept", t.readConsoleOutput(out).lines().get(0));
    }

    @Test
    public void freeThenAllocGivesANewConsole() throws Exception {
        EmulatedProcess p = server.start("realloc");
        EmulatedThread t = p.mainThread();

        t.freeConsole();
        assertStatus(Status.INVALID_HANDLE,
                () -> t.openConsole(SELF, ConsoleAccess.PART_INPUT, ConsoleAccess.READ, false));
        ConsoleHandles fresh = t.allocConsole(ConsoleAccess.ALL, false);
        assertFalse(t.compareObjects(fresh.output(), p.startup().hstdout()));
        int out = t.openConsole(SELF, ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ, false);
        assertTrue(t.compareObjects(out, fresh.output()));
    }

    @Test
    public void aDetachedChildHasNoConsole() throws Exception {
        EmulatedThread parent = server.start("parent").mainThread();
        EmulatedProcess child = child(parent, Flags.DETACHED_PROCESS, "detached");

        assertStatus(Status.INVALID_HANDLE, () -> child.mainThread().openConsole(SELF,
                ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ, false));
        int h = parent.openProcess(child.pid(), Rights.PROCESS_QUERY_INFORMATION, false);
        assertStatus(Status.INVALID_HANDLE, () -> parent.openConsole(h,
                ConsoleAccess.PART_INPUT, ConsoleAccess.READ, false));
    }

    @Test
    public void aNewConsoleChildHasAnotherConsoleThanItsParent() throws Exception {
        EmulatedThread parent = server.start("parent").mainThread();
        EmulatedProcess child = child(parent, Flags.CREATE_NEW_CONSOLE, "new-console");

        assertFalse(parent.compareObjects(ownOutput(parent), childOutput(parent, child)));
    }

    @Test
    public void aPlainChildSharesItsParentsConsole() throws Exception {
        EmulatedThread parent = server.start("parent").mainThread();
        EmulatedProcess child = child(parent, 0, "plain");

        assertTrue(parent.compareObjects(ownOutput(parent), childOutput(parent, child)));
    }

    @Test
    public void stdHandlesOfANewConsoleProcessReferToItsConsole() throws Exception {
        EmulatedThread parent = server.start("parent").mainThread();
        EmulatedProcess child = child(parent, Flags.CREATE_NEW_CONSOLE, "std");
        EmulatedThread t = child.mainThread();

        int in = t.openConsole(SELF, ConsoleAccess.PART_INPUT, ConsoleAccess.READ, false);
        int out = t.openConsole(SELF, ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ, false);
        assertTrue(t.compareObjects(in, child.startup().hstdin()));
        assertTrue(t.compareObjects(out, child.startup().hstdout()));
        assertTrue(t.compareObjects(out, child.startup().hstderr()));
        assertEquals("ConsoleInput", t.getObjectInfo(child.startup().hstdin()).type());
        assertEquals(ConsoleAccess.ALL, t.getObjectInfo(child.startup().hstdout()).access());
    }

    @Test
    public void theConsoleObjectsGoAfterTheLastProcess() throws Exception {
        ServerFixture.await("no process left", () -> noProcesses());
        int before = server.baseline();
        EmulatedProcess parent = server.start("first");
        EmulatedProcess child = child(parent.mainThread(), 0, "second");

        parent.close();
        ServerFixture.await("the first process ended", () -> processGone(parent.pid()));
        int shared = ownOutput(child.mainThread());
        ConsoleScreen still = child.mainThread().readConsoleOutput(shared);
        assertEquals(ScreenBuffer.DEFAULT_HEIGHT, still.lines().size());
        child.close();
        server.awaitObjectCount(before);
    }

    @Test
    public void inputRecordsComeOutAsTheyWentIn() throws Exception {
        EmulatedProcess p = server.start("input");
        EmulatedThread t = p.mainThread();
        int in = p.startup().hstdin();
        List<ConsoleRecord> typed = ConsoleRecord.typing("hi\n");

        assertEquals(typed.size(), t.writeConsoleInput(in, typed));
        assertEquals(typed.subList(0, 4), t.readConsoleInput(in, 4, false));
        assertEquals(typed.subList(4, 6), t.readConsoleInput(in, 100, true));
        assertEquals(List.of(), t.readConsoleInput(in, 100, false));
        assertEquals('\r', typed.get(4).ch());
    }

    @Test
    public void outputTextModeAndInfoRoundTrip() throws Exception {
        EmulatedProcess p = server.start("output");
        EmulatedThread t = p.mainThread();
        int out = p.startup().hstdout();

        t.setConsoleInfo(out, ConsoleAccess.SET_TITLE | ConsoleAccess.SET_SIZE, 10, 3, 0, 0,
                "title");
        assertEquals(5, t.writeConsoleOutput(out, "ab\ncd"));
        ConsoleScreen screen = t.readConsoleOutput(out);
        assertEquals(List.of("ab", "cd", ""), screen.lines());
        assertEquals(2, screen.cursorX());
        assertEquals(1, screen.cursorY());
        assertEquals(new ConsoleInfo(10, 3, 2, 1, "title"), t.getConsoleInfo(out));
        assertEquals(ConsoleAccess.ENABLE_PROCESSED_OUTPUT
                | ConsoleAccess.ENABLE_WRAP_AT_EOL_OUTPUT, t.getConsoleMode(out));
        t.setConsoleMode(out, 0);
        assertEquals(0, t.getConsoleMode(out));
        assertStatus(Status.INVALID_PARAMETER, () -> t.setConsoleInfo(out,
                ConsoleAccess.SET_CURSOR, 0, 0, 10, 0, ""));
        assertStatus(Status.OBJECT_TYPE_MISMATCH, () -> t.readConsoleOutput(
                p.startup().hstdin()));
    }

    @Test
    public void aWaitingReadIsWokenByAWriteFromAnotherProcess() throws Exception {
        EmulatedProcess reader = server.start("reader");
        EmulatedThread writer = server.start("writer").mainThread();
        int in = reader.startup().hstdin();
        CompletableFuture<List<ConsoleRecord>> read = CompletableFuture.supplyAsync(
                () -> readWaiting(reader.mainThread(), in), background);
        assertFalse("the read returned with nothing queued", completesWithin(read, 200));

        int h = writer.openProcess(reader.pid(), Rights.PROCESS_QUERY_INFORMATION, false);
        int target = writer.openConsole(h, ConsoleAccess.PART_INPUT, ConsoleAccess.WRITE, false);
        writer.writeConsoleInput(target, List.of(new ConsoleRecord('x', true)));

        assertEquals(List.of(new ConsoleRecord('x', true)),
                read.get(ServerFixture.DEADLINE_MS, TimeUnit.MILLISECONDS));
    }

    private EmulatedProcess child(EmulatedThread parent, int createFlags, String command)
            throws IOException {
        NewProcessResult created = parent.newProcess(false, createFlags, 0, 0, 0, 0, command);
        EmulatedProcess child = server.startChild(created.token());
        assertEquals(Status.SUCCESS,
                parent.waitProcess(created.infoHandle(), 5_000, false, false).status());
        return child;
    }

    private static int ownOutput(EmulatedThread t) throws IOException {
        return t.openConsole(SELF, ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ, false);
    }

    private static int childOutput(EmulatedThread parent, EmulatedProcess child)
            throws IOException {
        int h = parent.openProcess(child.pid(), Rights.PROCESS_QUERY_INFORMATION, false);
        int out = parent.openConsole(h, ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ, false);
        assertNotEquals(0, out);
        return out;
    }

    private boolean noProcesses() {
        try {
            return server.onLoop(() -> kernel.processes().isEmpty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean processGone(int pid) {
        try {
            return server.onLoop(() -> kernel.process(pid) == null
                    || kernel.process(pid).hasEnded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsoleRecord> readWaiting(EmulatedThread t, int handle) {
        try {
            return t.readConsoleInput(handle, 16, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean completesWithin(CompletableFuture<?> future, long millis)
            throws Exception {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}

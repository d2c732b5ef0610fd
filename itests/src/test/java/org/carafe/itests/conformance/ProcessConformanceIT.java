package org.carafe.itests.conformance;

import static org.carafe.itests.conformance.ServerFixture.assertStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.ModuleEntry;
import org.carafe.client.NewProcessResult;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.SelectResult;
import org.carafe.client.SnapshotProcess;
import org.carafe.client.Status;
import org.carafe.client.WaitProcessResult;
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
 * Process lifecycle rules driven through the protocol against the real server: exit codes,
 * signaling, creation with inheritance and suspension, suspend limits, rights, modules and
 * snapshots.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcessConformanceIT {
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
    public void exitCodeIsStillActiveUntilTheLastThreadEndsThenThatThreadsCode()
            throws Exception {
        EmulatedThread observer = server.start("observer").mainThread();
        EmulatedProcess p = server.start("exiting");
        EmulatedThread second = p.newThread(0);
        int h = observer.openProcess(p.pid(), Rights.PROCESS_QUERY_INFORMATION, false);
        assertEquals(Protocol.STILL_ACTIVE, observer.getProcessInfo(h).exitCode());

        p.mainThread().terminateThread(Protocol.CURRENT_THREAD, 3);
        p.mainThread().close();
        ServerFixture.await("the first thread ended", () -> threads(p.pid()) == 1);
        assertEquals(Protocol.STILL_ACTIVE, observer.getProcessInfo(h).exitCode());
        second.terminateThread(Protocol.CURRENT_THREAD, 42);
        second.close();

        ServerFixture.await("the process ended",
                () -> exitCode(observer, h) != Protocol.STILL_ACTIVE);
        assertEquals(42, observer.getProcessInfo(h).exitCode());
    }

    @Test
    public void processHandleIsSignaledExactlyWhenTheLastThreadEnds() throws Exception {
        EmulatedThread waiter = server.start("waiter").mainThread();
        EmulatedThread poller = server.start("poller").mainThread();
        EmulatedProcess p = server.start("two-threads");
        EmulatedThread second = p.newThread(0);
        int h = waiter.openProcess(p.pid(), Rights.SYNCHRONIZE, false);
        int polled = poller.openProcess(p.pid(), Rights.SYNCHRONIZE, false);
        assertEquals(Status.TIMEOUT, poller.select(0, 0, polled).status());

        CompletableFuture<SelectResult> wait = CompletableFuture.supplyAsync(
                () -> call(() -> waiter.select(0, Protocol.INFINITE, h)), background);
        second.close();
        ServerFixture.await("the second thread ended", () -> threads(p.pid()) == 1);

        assertEquals(Status.TIMEOUT, poller.select(0, 0, polled).status());
        assertFalse("select woke while a thread was left", completesWithin(wait, 200));
        p.exit(7);
        SelectResult woke = wait.get(ServerFixture.DEADLINE_MS, TimeUnit.MILLISECONDS);
        assertEquals(Status.SUCCESS, woke.status());
        assertEquals(0, woke.index());
        assertEquals(Status.SUCCESS, poller.select(0, 0, polled).status());
    }

    @Test
    public void inheritAllCopiesExactlyTheInheritableHandlesAtTheSameValues() throws Exception {
        EmulatedThread parent = server.start("parent").mainThread();
        int kept = parent.createEvent(Rights.EVENT_ALL_ACCESS, true, true, false, "").handle();
        int notKept = parent.createEvent(Rights.EVENT_ALL_ACCESS, false, true, false, "")
                .handle();
        int keptToo = parent.openProcess(parent.pid(), Rights.PROCESS_QUERY_INFORMATION, true);

        NewProcessResult created = parent.newProcess(true, 0, Flags.STARTF_USESTDHANDLES, 0, 0,
                0, "child");
        EmulatedThread child = server.startChild(created.token()).mainThread();
        WaitProcessResult ids = parent.waitProcess(created.infoHandle(), 5_000, false, false);

        assertEquals(Status.SUCCESS, ids.status());
        assertEquals(child.pid(), ids.pid());
        assertEquals("Event", child.getObjectInfo(kept).type());
        assertEquals(parent.pid(), child.getProcessInfo(keptToo).pid());
        assertStatus(Status.INVALID_HANDLE, () -> child.getObjectInfo(notKept));
        assertEquals(2, child.listHandles(child.pid()).size());
        assertTrue(parent.compareObjects(kept, kept));
        child.setEvent(kept);
        assertEquals(Status.SUCCESS, parent.select(0, 0, kept).status());
    }

    @Test
    public void stdHandlesAreDuplicatedWithoutInheritAll() throws Exception {
        EmulatedThread parent = server.start("std-parent").mainThread();
        int out = parent.createEvent(Rights.EVENT_ALL_ACCESS, false, true, false, "").handle();

        NewProcessResult created = parent.newProcess(false, 0, 0, 0x7770, out, out, "std-child");
        EmulatedProcess child = server.startChild(created.token());

        assertEquals(0, child.startup().hstdin());
        assertEquals(4, child.startup().hstdout());
        assertEquals(8, child.startup().hstderr());
        assertEquals(parent.pid(), child.startup().ppid());
        assertTrue(child.mainThread().compareObjects(4, 8));
    }

    @Test
    public void createSuspendedChildIsResumedWithPreviousCountOne() throws Exception {
        EmulatedThread parent = server.start("suspender").mainThread();
        NewProcessResult created = parent.newProcess(false, Flags.CREATE_SUSPENDED,
                Flags.STARTF_USESTDHANDLES, 0, 0, 0, "suspended-child");

        EmulatedProcess child = server.startChild(created.token());
        WaitProcessResult ids = parent.waitProcess(created.infoHandle(), 5_000, false, false);
        assertTrue(child.startedSuspended());
        assertEquals(1, parent.getThreadInfo(ids.threadHandle()).suspendCount());
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(
                () -> call(() -> child.mainThread().getProcessInfo(Protocol.CURRENT_PROCESS)
                        .pid()), background);
        assertFalse("a suspended thread was served", completesWithin(held, 200));

        assertEquals(1, parent.resumeThread(ids.threadHandle()));
        assertEquals(child.pid(), (int) held.get(ServerFixture.DEADLINE_MS,
                TimeUnit.MILLISECONDS));
        assertEquals(0, parent.resumeThread(ids.threadHandle()));
    }

    @Test
    public void suspendCountStopsAt127() throws Exception {
        EmulatedThread controller = server.start("controller").mainThread();
        EmulatedProcess target = server.start("target");
        int h = controller.openThread(target.tid(), Rights.THREAD_ALL_ACCESS, false);

        for (int i = 0; i < 127; i++) {
            assertEquals(i, controller.suspendThread(h));
        }
        assertStatus(Status.SUSPEND_COUNT_EXCEEDED, () -> controller.suspendThread(h));
        assertEquals(127, controller.getThreadInfo(h).suspendCount());
        for (int i = 127; i > 0; i--) {
            assertEquals(i, controller.resumeThread(h));
        }
        assertEquals(target.pid(), target.mainThread().getProcessInfo(-1).pid());
    }

    @Test
    public void openProcessOfAnUnknownPidIsInvalidCid() throws Exception {
        EmulatedThread t = server.start("opener").mainThread();

        assertStatus(Status.INVALID_CID, () -> t.openProcess(0x7ffffff0, Rights.SYNCHRONIZE,
                false));
        assertStatus(Status.INVALID_CID, () -> t.openThread(0x7ffffff0, Rights.SYNCHRONIZE,
                false));
    }

    @Test
    public void terminateProcessNeedsProcessTerminate() throws Exception {
        EmulatedThread killer = server.start("killer").mainThread();
        EmulatedProcess victim = server.start("victim");
        int weak = killer.openProcess(victim.pid(), Rights.PROCESS_ALL_ACCESS
                & ~Rights.PROCESS_TERMINATE, false);

        assertStatus(Status.ACCESS_DENIED, () -> killer.terminateProcess(weak, 5));
        assertEquals(Protocol.STILL_ACTIVE, killer.getProcessInfo(weak).exitCode());

        int strong = killer.openProcess(victim.pid(), Rights.PROCESS_TERMINATE
                | Rights.PROCESS_QUERY_INFORMATION, false);
        assertFalse(killer.terminateProcess(strong, 5));
        ServerFixture.await("the victim ended",
                () -> exitCode(killer, strong) != Protocol.STILL_ACTIVE);
        assertEquals(5, killer.getProcessInfo(strong).exitCode());
    }

    @Test
    public void loadDllTwiceAtTheSameBaseIsInvalidParameter() throws Exception {
        EmulatedProcess p = server.start("dlls");
        EmulatedThread t = p.mainThread();

        t.loadDll(0x10000000L, 0x1000, "kernel32.dll");
        t.loadDll(0x20000000L, 0x2000, "user32.dll");
        assertStatus(Status.INVALID_PARAMETER, () -> t.loadDll(0x10000000L, 0x10, "again.dll"));
        t.unloadDll(0x20000000L);
        assertStatus(Status.INVALID_PARAMETER, () -> t.unloadDll(0x20000000L));

        int snap = t.createSnapshot(Flags.SNAP_MODULE, p.pid(), false);
        ModuleEntry first = t.nextModule(snap, true);
        assertEquals(0x10000000L, first.base());
        assertEquals("kernel32.dll", first.name());
        assertNull(t.nextModule(snap, false));
    }

    @Test
    public void snapshotWalkEndsInNoMoreEntries() throws Exception {
        EmulatedProcess a = server.start("snap-a");
        EmulatedProcess b = server.start("snap-b");
        EmulatedThread t = a.mainThread();
        int snap = t.createSnapshot(Flags.SNAP_PROCESS | Flags.SNAP_THREAD, 0, false);

        List<Integer> pids = new ArrayList<>();
        for (SnapshotProcess row = t.nextProcess(snap, true); row != null;
                row = t.nextProcess(snap, false)) {
            pids.add(row.pid());
        }
        assertTrue(pids.toString(), pids.contains(a.pid()) && pids.contains(b.pid()));
        assertNull(t.nextProcess(snap, false));
        assertTrue(t.nextThread(snap, true) != null);
        assertEquals(pids.get(0).intValue(), t.nextProcess(snap, true).pid());
    }

    private int threads(int pid) {
        return call(() -> server.threadCount(pid));
    }

    private static int exitCode(EmulatedThread t, int handle) {
        return call(() -> t.getProcessInfo(handle).exitCode());
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

    private static <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

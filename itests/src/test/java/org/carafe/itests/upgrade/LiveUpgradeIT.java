package org.carafe.itests.upgrade;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.ConsoleAccess;
import org.carafe.client.ConsoleRecord;
import org.carafe.client.ConsoleScreen;
import org.carafe.client.DebugEventInfo;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.HandleEntry;
import org.carafe.client.HandlerInfo;
import org.carafe.client.MemoryRegion;
import org.carafe.client.NewProcessResult;
import org.carafe.client.ProcessInfo;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.SelectResult;
import org.carafe.client.Status;
import org.carafe.client.WaitProcessResult;
import org.carafe.itests.CarafeOptions;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Live upgrade: the transport, the object core and each handler bundle (process, memory,
 * console, debugger) is updated in place, several rounds, to a jar whose Bundle-Version has a
 * new qualifier, while 8 client threads keep issuing mixed requests. No request may fail, no
 * connection drop; every object made before the swaps (an ended process, a suspended thread,
 * handles, a named event, a console's screen and queued input, a debug session with a pending
 * event, and parked select, wait_process, read_console_input, wait_debug_event and
 * exception_event requests, which the server takes back from each old handler or transport and
 * serves again with its successor) is still there and behaves the same; the kernel service is
 * the same object throughout; list_handlers names the new version of each swapped handler
 * bundle; the kernel's object count comes back to what it was.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveUpgradeIT {
    private static final long DEADLINE_MS = 10_000;
    private static final long POLL_NANOS = 1_000_000;
    private static final int WORKERS = 8;
    private static final int ROUNDS = 3;
    private static final List<String> SWAPPED = List.of("carafe-transport", "carafe-object",
            "carafe-process", "carafe-memory", "carafe-console", "carafe-debugger");
    /** Swapped bundles that serve no request through a handler service. */
    private static final List<String> FRONT_ENDS = List.of("carafe-transport");
    private static final String EVENT_NAME = "carafe-upgrade-event";
    private static final int ENDED_EXIT = 42;
    private static final int EXCEPTION_CODE = 0xC0000005;

    @Inject
    private Kernel kernel;

    @Inject
    private BundleContext context;

    private final List<EmulatedProcess> processes = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private Process sleeper;

    @Configuration
    public Option[] config() {
        return CarafeOptions.serverWithConsole();
    }

    @After
    public void tearDown() {
        workers.forEach(Worker::close);
        processes.forEach(EmulatedProcess::close);
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    public void handlerBundlesAreUpdatedUnderLoadAndNothingIsLost() throws Exception {
        Path socket = Paths.get(System.getProperty(CarafeOptions.SOCKET_DIR_PROPERTY))
                .resolve("socket");
        await("the server socket exists", () -> Files.exists(socket));
        int baseline = onLoop(kernel::objectCount);

        // ---- what exists before the swaps ----
        EmulatedProcess controlProcess = start(socket, "control");
        EmulatedThread control = controlProcess.mainThread();
        EmulatedThread observer = start(socket, "observer").mainThread();

        // an ended child, seen through a process handle
        NewProcessResult created = control.newProcess(false, 0, 0, 0, 0, 0, "ended");
        EmulatedProcess ended = EmulatedProcess.startChild(socket, created.token());
        WaitProcessResult endedWait = control.waitProcess(created.infoHandle(), DEADLINE_MS,
                false, false);
        ended.exit(ENDED_EXIT);
        assertFalse(control.select(0, DEADLINE_MS, endedWait.processHandle()).timedOut());
        ProcessInfo endedInfo = control.getProcessInfo(endedWait.processHandle());
        assertEquals(ENDED_EXIT, endedInfo.exitCode());

        // a thread suspended twice, and a duplicate of its handle with less access
        EmulatedProcess suspended = start(socket, "suspended");
        int hSuspended = control.openThread(suspended.tid(), Rights.THREAD_ALL_ACCESS, false);
        control.suspendThread(hSuspended);
        control.suspendThread(hSuspended);
        int hDup = control.dupHandle(Protocol.CURRENT_PROCESS, hSuspended,
                Protocol.CURRENT_PROCESS, Rights.THREAD_QUERY_INFORMATION, 0, 0);

        // a console with contents and queued input
        int in = control.openConsole(Protocol.CURRENT_PROCESS, ConsoleAccess.PART_INPUT,
                ConsoleAccess.ALL, false);
        int out = control.openConsole(Protocol.CURRENT_PROCESS, ConsoleAccess.PART_OUTPUT,
                ConsoleAccess.ALL, false);
        control.writeConsoleOutput(out, "before the upgrade\nsecond row");
        List<ConsoleRecord> queued = ConsoleRecord.typing("queued\n");
        control.writeConsoleInput(in, queued);
        ConsoleScreen screenBefore = control.readConsoleOutput(out);

        // a debug session with a pending (not yet fetched) CREATE_PROCESS
        EmulatedProcess pendingDebugger = start(socket, "pending-debugger");
        EmulatedProcess pendingDebuggee = debuggee(socket, pendingDebugger.mainThread(),
                "pending-debuggee");

        // parked requests of each bundle with waits: select, wait_process,
        // read_console_input, wait_debug_event
        int hEvent = control.createEvent(Rights.EVENT_ALL_ACCESS, false, true, false,
                EVENT_NAME).handle();
        EmulatedThread selectWaiter = controlProcess.newThread(0);
        CompletableFuture<SelectResult> parkedSelect = async(
                () -> selectWaiter.select(0, -1, hEvent));
        NewProcessResult late = control.newProcess(false, 0, 0, 0, 0, 0, "late-child");
        EmulatedThread controlWaiter = controlProcess.newThread(0);
        CompletableFuture<WaitProcessResult> parkedWaitProcess = async(
                () -> controlWaiter.waitProcess(late.infoHandle(), -1, false, false));
        EmulatedProcess reader = start(socket, "reader");
        int readerIn = reader.mainThread().openConsole(Protocol.CURRENT_PROCESS,
                ConsoleAccess.PART_INPUT, ConsoleAccess.ALL, false);
        CompletableFuture<List<ConsoleRecord>> parkedRead = async(
                () -> reader.mainThread().readConsoleInput(readerIn, 64, true));
        EmulatedProcess parkedDebugger = start(socket, "parked-debugger");
        EmulatedProcess parkedDebuggee = runningDebuggee(socket, parkedDebugger.mainThread(),
                "parked-debuggee");
        CompletableFuture<DebugEventInfo> parkedDebugWait = async(
                () -> parkedDebugger.mainThread().waitDebugEvent(-1));
        // an exception the debugger has fetched but not continued: the debuggee's
        // exception_event stays parked until it is
        EmulatedProcess excDebugger = start(socket, "exception-debugger");
        EmulatedProcess excDebuggee = runningDebuggee(socket, excDebugger.mainThread(),
                "exception-debuggee");
        CompletableFuture<Integer> parkedException = async(
                () -> excDebuggee.mainThread().exceptionEvent(EXCEPTION_CODE, 0x1000, true));
        DebugEventInfo exception = excDebugger.mainThread().waitDebugEvent(DEADLINE_MS);
        assertEquals(exception.describe(), DebugEventInfo.EXCEPTION, exception.code());
        await("the five requests are parked", () -> call(() -> parkedWaits()) == 5);

        // an owned real process whose memory the workers read
        sleeper = new ProcessBuilder("sleep", "600").start();
        EmulatedThread owner = EmulatedThread.connect(socket);
        int sleepPid = owner.initThread(Protocol.KIND_OWNED, (int) sleeper.pid(), "", "sleep")
                .pid();
        owner.initProcess();
        owner.initProcessDone();
        int hSleep = control.openProcess(sleepPid, Rights.PROCESS_VM_READ
                | Rights.PROCESS_QUERY_INFORMATION, false);
        MemoryRegion binary = control.listMemoryRegions(hSleep).stream()
                .filter(r -> r.file().endsWith("/sleep")).findFirst().orElse(null);
        assertNotNull("no mapping of sleep", binary);
        byte[] sleepBytes = control.readProcessMemory(hSleep, binary.base(), 64).data();

        List<HandleEntry> handlesBefore = control.listHandles(control.pid());
        Map<String, HandlerInfo> handlersBefore = byRequest(observer.listHandlers());
        Map<String, List<String>> requestsOf = requestsByBundle(handlersBefore);
        for (String name : SWAPPED) {
            if (FRONT_ENDS.contains(name)) {
                continue;
            }
            assertFalse(name + " serves no request in " + handlersBefore,
                    requestsOf.getOrDefault(name, List.of()).isEmpty());
        }
        int objectsBefore = onLoop(kernel::objectCount);
        Map<String, Integer> byTypeBefore = onLoop(this::liveByType);

        // ---- the load ----
        Load load = new Load(socket);
        for (int i = 0; i < WORKERS; i++) {
            Worker w = new Worker(load, i, sleepPid, binary.base(), sleepBytes);
            workers.add(w);
            w.setUp();
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Thread t = new Thread(workers.get(i), "upgrade-worker-" + i);
            threads.add(t);
            t.start();
        }
        long warm = WORKERS * 20L;
        await("the workers are busy", () -> load.issued.get() >= warm);

        // ---- the swaps ----
        BundleSwapper swapper = new BundleSwapper(context,
                Paths.get(System.getProperty("carafe.bundles.dir", "target/bundles")),
                Files.createTempDirectory(Paths.get(System.getProperty("carafe.itests.tmp",
                        System.getProperty("java.io.tmpdir"))), "up"));
        Map<String, Version> built = new HashMap<>();
        for (String name : SWAPPED) {
            built.put(name, swapper.bundle(name).getVersion());
        }
        long longestSwapNanos = 0;
        int swaps = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (String name : SWAPPED) {
                Bundle bundle = swapper.bundle(name);
                long id = bundle.getBundleId();
                long modified = bundle.getLastModified();
                int services = bundle.getRegisteredServices().length;
                Version next = BundleSwapper.versionOf(built.get(name), round);
                Path jar = swapper.versionedJar(name, next);
                long issuedBefore = load.issued.get();

                load.swapStarts();
                long start = System.nanoTime();
                swapper.updateAndRefresh(bundle, jar, DEADLINE_MS);
                await(name + " " + next + " serves its requests again",
                        () -> serves(observer, requestsOf.getOrDefault(name, List.of()), name,
                                next.toString())
                                && bundle.getState() == Bundle.ACTIVE
                                && registered(bundle) == services);
                long nanos = System.nanoTime() - start;
                load.swapEnds();

                longestSwapNanos = Math.max(longestSwapNanos, nanos);
                swaps++;
                assertEquals(id, bundle.getBundleId());
                assertTrue("last modified unchanged", bundle.getLastModified() >= modified);
                assertEquals(next, bundle.getVersion());
                long after = load.issued.get();
                await("requests flow after the swap of " + name,
                        () -> load.issued.get() > after);
                System.out.printf("swap %d: %s -> %s in %.1f ms (%d requests meanwhile)%n",
                        swaps, name, next, nanos / 1e6, after - issuedBefore);
            }
        }

        // ---- stop the load ----
        load.stop.set(true);
        for (Thread t : threads) {
            t.join(DEADLINE_MS);
            if (t.isAlive()) {
                System.out.println(t.getName() + " is stuck; failures " + load.failures);
                System.out.println(onLoop(this::describeWaits));
                Thread.getAllStackTraces().forEach((th, stack) -> {
                    StringBuilder b = new StringBuilder("thread " + th.getName() + "\n");
                    for (StackTraceElement e : stack) {
                        b.append("    at ").append(e).append('\n');
                    }
                    System.out.print(b);
                });
            }
            assertFalse(t.getName() + " is stuck", t.isAlive());
        }
        List<HandleEntry> handlesAfter = control.listHandles(control.pid());
        Map<String, HandlerInfo> handlersAfter = byRequest(observer.listHandlers());
        workers.forEach(Worker::close);
        workers.clear();
        awaitQuietly(() -> call(() -> onLoop(kernel::objectCount)) == objectsBefore);
        Map<String, Integer> byTypeAfter = onLoop(this::liveByType);
        String processesAfter = onLoop(this::describeProcesses);

        System.out.printf("live upgrade: %d swaps (%d rounds x %s), %d workers%n", swaps, ROUNDS,
                SWAPPED, WORKERS);
        System.out.printf("requests issued: %d (%d during swaps)%n", load.issued.get(),
                load.issuedDuringSwap.get());
        System.out.printf("requests failed: %d%n", load.failed.get());
        System.out.printf("connections dropped: %d%n", load.dropped.get());
        System.out.printf("longest request latency during a swap: %.1f ms (overall %.1f ms)%n",
                load.maxSwapNanos.get() / 1e6, load.maxNanos.get() / 1e6);
        System.out.printf("longest swap (update + refresh + handlers back): %.1f ms%n",
                longestSwapNanos / 1e6);
        System.out.printf("objects before %d %s, after %d %s%n", objectsBefore, byTypeBefore,
                onLoop(kernel::objectCount), byTypeAfter);
        System.out.println("failures: " + load.failures);
        assertEquals("failed requests " + load.failures, 0, load.failed.get());
        assertEquals("dropped connections " + load.failures, 0, load.dropped.get());
        assertTrue("no request overlapped a swap", load.issuedDuringSwap.get() > 0);
        assertEquals("live objects by type; processes now: " + processesAfter, byTypeBefore,
                byTypeAfter);

        // ---- everything made before is still there and behaves the same ----
        for (String request : handlersBefore.keySet()) {
            HandlerInfo before = handlersBefore.get(request);
            HandlerInfo now = handlersAfter.get(request);
            assertNotNull(request + " lost its handler", now);
            assertEquals(before.bundle(), now.bundle());
            if (SWAPPED.contains(before.bundle())) {
                assertEquals(request, BundleSwapper.versionOf(built.get(before.bundle()),
                        ROUNDS).toString(), now.version());
            }
        }
        assertEquals("the control's handle table", handlesBefore, handlesAfter);
        ProcessInfo endedNow = control.getProcessInfo(endedWait.processHandle());
        assertEquals(endedInfo.pid(), endedNow.pid());
        assertEquals(ENDED_EXIT, endedNow.exitCode());
        assertEquals(endedInfo.endTime(), endedNow.endTime());

        assertEquals(2, control.getThreadInfo(hSuspended).suspendCount());
        assertEquals(Rights.THREAD_QUERY_INFORMATION, control.getObjectInfo(hDup).access());
        assertTrue(control.compareObjects(hDup, hSuspended));
        assertEquals(2, control.resumeThread(hSuspended));
        assertEquals(1, control.resumeThread(hSuspended));
        assertEquals("the resumed thread is served", suspended.pid(),
                suspended.mainThread().getProcessInfo(Protocol.CURRENT_PROCESS).pid());

        assertEquals(screenBefore, control.readConsoleOutput(out));
        assertEquals(queued, control.readConsoleInput(in, 64, false));

        DebugEventInfo pending = pendingDebugger.mainThread().waitDebugEvent(DEADLINE_MS);
        assertEquals(pending.describe(), DebugEventInfo.CREATE_PROCESS, pending.code());
        assertEquals(pendingDebuggee.pid(), pending.pid());
        pendingDebugger.mainThread().continueDebugEvent(pending.pid(), pending.tid(),
                DebugEventInfo.DBG_CONTINUE);

        assertEquals("still parked; " + onLoop(this::describeWaits), 5, parkedWaits());
        assertSame("the kernel service is the one made before the swaps", kernel,
                context.getService(context.getServiceReference(Kernel.class)));
        assertTrue("the named event is found again",
                control.compareObjects(hEvent, control.openEvent(Rights.SYNCHRONIZE, false,
                        EVENT_NAME)));
        control.setEvent(hEvent);
        SelectResult selected = parkedSelect.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
        assertEquals(Status.SUCCESS, selected.status());
        assertEquals(0, selected.index());
        excDebugger.mainThread().continueDebugEvent(exception.pid(), exception.tid(),
                DebugEventInfo.DBG_EXCEPTION_HANDLED);
        assertEquals("the exception's continue status", DebugEventInfo.DBG_EXCEPTION_HANDLED,
                (int) parkedException.get(DEADLINE_MS, TimeUnit.MILLISECONDS));
        assertTrue("the exception was reported once, not again after each swap",
                excDebugger.mainThread().waitDebugEvent(0).timedOut());
        EmulatedProcess lateChild = EmulatedProcess.startChild(socket, late.token());
        processes.add(lateChild);
        WaitProcessResult waited = parkedWaitProcess.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
        assertEquals(Status.SUCCESS, waited.status());
        assertEquals(lateChild.pid(), waited.pid());

        int hReader = control.openProcess(reader.pid(), Rights.PROCESS_QUERY_INFORMATION, false);
        int readerInput = control.openConsole(hReader, ConsoleAccess.PART_INPUT,
                ConsoleAccess.WRITE, false);
        List<ConsoleRecord> typed = ConsoleRecord.typing("late");
        control.writeConsoleInput(readerInput, typed);
        assertEquals(typed, parkedRead.get(DEADLINE_MS, TimeUnit.MILLISECONDS));

        parkedDebuggee.mainThread().outputDebugString("late");
        DebugEventInfo lateEvent = parkedDebugWait.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
        assertEquals(lateEvent.describe(), DebugEventInfo.OUTPUT_DEBUG_STRING, lateEvent.code());
        assertEquals(parkedDebuggee.pid(), lateEvent.pid());
        parkedDebugger.mainThread().continueDebugEvent(lateEvent.pid(), lateEvent.tid(),
                DebugEventInfo.DBG_CONTINUE);

        // ---- and everything goes away as usual ----
        owner.close();
        sleeper.destroyForcibly();
        processes.forEach(EmulatedProcess::close);
        processes.clear();
        await("all objects are gone", () -> call(() -> onLoop(kernel::objectCount)) == baseline);
    }

    private EmulatedProcess start(Path socket, String command) throws Exception {
        EmulatedProcess p = EmulatedProcess.start(socket, command);
        processes.add(p);
        return p;
    }

    /** A child of {@code debugger} created with DEBUG_ONLY_THIS_PROCESS, initialised. */
    private EmulatedProcess debuggee(Path socket, EmulatedThread debugger, String command)
            throws Exception {
        NewProcessResult made = debugger.newProcess(false, Flags.DEBUG_ONLY_THIS_PROCESS, 0, 0,
                0, 0, command);
        EmulatedProcess child = EmulatedProcess.startChild(socket, made.token());
        processes.add(child);
        assertEquals(Status.SUCCESS,
                debugger.waitProcess(made.infoHandle(), DEADLINE_MS, false, false).status());
        return child;
    }

    /** As {@link #debuggee}, with its CREATE_PROCESS fetched and continued. */
    private EmulatedProcess runningDebuggee(Path socket, EmulatedThread debugger,
            String command) throws Exception {
        EmulatedProcess child = debuggee(socket, debugger, command);
        DebugEventInfo startup = debugger.waitDebugEvent(DEADLINE_MS);
        assertEquals(startup.describe(), DebugEventInfo.CREATE_PROCESS, startup.code());
        debugger.continueDebugEvent(startup.pid(), startup.tid(), DebugEventInfo.DBG_CONTINUE);
        return child;
    }

    /** The kernel's live objects by type, types with none left out (loop). */
    private Map<String, Integer> liveByType() {
        Map<String, Integer> out = new TreeMap<>(kernel.objectCounts());
        out.values().removeIf(n -> n == 0);
        return out;
    }

    /** Threads of the server whose request is parked (wait_process, console read, debug). */
    private int parkedWaits() throws Exception {
        return onLoop(() -> (int) kernel.processes().stream()
                .flatMap(p -> p.threads().stream())
                .filter(t -> t.currentWait() != null).count());
    }

    /** Whether list_handlers names {@code version} of {@code bundle} for every request. */
    private static boolean serves(EmulatedThread observer, List<String> requests,
            String bundle, String version) {
        Map<String, HandlerInfo> now = byRequest(call(observer::listHandlers));
        for (String request : requests) {
            HandlerInfo info = now.get(request);
            if (info == null || !bundle.equals(info.bundle())
                    || !version.equals(info.version())) {
                return false;
            }
        }
        return true;
    }

    private static int registered(Bundle bundle) {
        var services = bundle.getRegisteredServices();
        return services == null ? 0 : services.length;
    }

    private static Map<String, HandlerInfo> byRequest(List<HandlerInfo> handlers) {
        Map<String, HandlerInfo> map = new TreeMap<>();
        handlers.forEach(h -> map.put(h.request(), h));
        return map;
    }

    private static Map<String, List<String>> requestsByBundle(Map<String, HandlerInfo> map) {
        Map<String, List<String>> out = new HashMap<>();
        map.values().forEach(h -> out.computeIfAbsent(h.bundle(), b -> new ArrayList<>())
                .add(h.request()));
        return out;
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return kernel.loop().call(task);
    }

    private static <T> CompletableFuture<T> async(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> call(call));
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code condition} until the deadline; the caller checks what it finds. */
    private static void awaitQuietly(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Threads of the server with a parked request, and what they wait for (loop). */
    private String describeWaits() {
        StringBuilder out = new StringBuilder("parked:");
        kernel.processes().forEach(p -> p.threads().forEach(t -> {
            if (t.currentWait() != null) {
                out.append(String.format("%n  %s tid %04x: %s", p.command(), t.tid(),
                        t.currentWait()));
            }
        }));
        return out.toString();
    }

    /** pid, command, live threads and whether ended, of every process the kernel knows. */
    private String describeProcesses() {
        StringBuilder out = new StringBuilder();
        kernel.processes().forEach(p -> out.append(String.format("%n  %04x %s threads=%d%s",
                p.pid(), p.command(), p.threads().size(), p.hasEnded() ? " ended" : "")));
        return out.toString();
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}

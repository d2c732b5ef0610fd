package org.carafe.process.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;
import org.carafe.process.internal.Harness.FakeConnection;
import org.carafe.process.internal.Harness.Reply;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Suspension, modules, snapshots, opening, termination and listings. */
public class ProcessControlTest {
    private static final int SELF_THREAD = Protocol.PSEUDO_THREAD;
    private static final int SELF_PROCESS = Protocol.PSEUDO_PROCESS;

    private Harness h;
    private EmuThread caller;

    @Before
    public void setUp() throws Exception {
        h = new Harness();
        caller = h.initThread("", "caller");
    }

    @After
    public void tearDown() throws Exception {
        h.close();
    }

    @Test
    public void suspendCountStopsAt127() throws Exception {
        EmuThread target = h.initThread("", "target");
        int handle = open(new OpenThread(), target.tid(), Rights.THREAD_SUSPEND_RESUME);

        for (int i = 0; i < 127; i++) {
            Reply r = h.send(new SuspendThread(), caller, new WireWriter().u32(handle));
            assertEquals(i, r.in().u32());
        }
        Reply over = h.send(new SuspendThread(), caller, new WireWriter().u32(handle));

        assertEquals(Status.SUSPEND_COUNT_EXCEEDED, over.status());
        assertEquals(127, h.send(new ResumeThread(), caller, new WireWriter().u32(handle))
                .in().u32());
        assertEquals(126, (int) h.call(target::suspendCount));
    }

    @Test
    public void resumeAtZeroReturnsZeroAndSuspendOfAnEndedThreadIsDenied() throws Exception {
        EmuThread target = h.initThread("", "target");
        int handle = open(new OpenThread(), target.tid(), Rights.THREAD_ALL_ACCESS);

        assertEquals(0, h.send(new ResumeThread(), caller, new WireWriter().u32(handle))
                .in().u32());
        h.disconnect(target);
        assertEquals(Status.ACCESS_DENIED,
                h.send(new SuspendThread(), caller, new WireWriter().u32(handle)).status());
    }

    @Test
    public void suspendAndResumeProcessTouchEveryThreadOnce() throws Exception {
        EmuThread target = h.initThread("", "target");
        String token = h.send(new NewThread(), target, new WireWriter().u32(0)).in().string();
        EmuThread second = h.initThread(token, "");
        int handle = open(new OpenProcess(), target.process().pid(),
                Rights.PROCESS_SUSPEND_RESUME);

        h.send(new SuspendProcess(), caller, new WireWriter().u32(handle));

        assertEquals(1, (int) h.call(target::suspendCount));
        assertEquals(1, (int) h.call(second::suspendCount));
        assertEquals(1, listState(target.process().pid()));
        h.send(new ResumeProcess(), caller, new WireWriter().u32(handle));
        assertEquals(0, (int) h.call(second::suspendCount));
        assertEquals(0, listState(target.process().pid()));
    }

    @Test
    public void loadDllTwiceAtTheSameBaseIsInvalid() throws Exception {
        WireWriter dll = new WireWriter().u64(0x10000000L).u64(0x2000).string("kernel32.dll");
        assertEquals(Status.SUCCESS, h.send(new LoadDll(), caller, dll).status());

        WireWriter again = new WireWriter().u64(0x10000000L).u64(0x1000).string("other.dll");
        assertEquals(Status.INVALID_PARAMETER, h.send(new LoadDll(), caller, again).status());
        WireWriter base = new WireWriter().u64(0x10000000L);
        assertEquals(Status.SUCCESS, h.send(new UnloadDll(), caller, base).status());
        WireWriter gone = new WireWriter().u64(0x10000000L);
        assertEquals(Status.INVALID_PARAMETER, h.send(new UnloadDll(), caller, gone).status());
    }

    @Test
    public void snapshotWalkEndsWithNoMoreEntries() throws Exception {
        EmuThread other = h.initThread("", "other");
        h.send(new LoadDll(), caller, new WireWriter().u64(0x400000).u64(0x1000).string("a"));
        h.send(new LoadDll(), caller, new WireWriter().u64(0x800000).u64(0x2000).string("b"));
        WireWriter create = new WireWriter().u32(7).u32(0).u32(0);
        int snap = h.send(new CreateSnapshot(), caller, create).in().u32();

        WireReader first = next(new NextProcess(), snap, 0).in();
        assertEquals(caller.process().pid(), first.u32());
        assertEquals(0, first.u32());
        assertEquals(1, first.u32());
        first.u32();
        first.u32();
        assertEquals("caller", first.string());
        assertEquals(other.process().pid(), next(new NextProcess(), snap, 0).in().u32());
        Reply end = next(new NextProcess(), snap, 0);
        assertEquals(Status.NO_MORE_ENTRIES, end.status());
        assertEquals(caller.process().pid(), next(new NextProcess(), snap, 1).in().u32());

        assertEquals(caller.tid(), next(new NextThread(), snap, 0).in().u32());
        assertEquals(other.tid(), next(new NextThread(), snap, 0).in().u32());
        assertEquals(Status.NO_MORE_ENTRIES, next(new NextThread(), snap, 0).status());

        assertEquals(0x400000, next(new NextModule(), snap, 0).in().u64());
        WireReader b = next(new NextModule(), snap, 0).in();
        assertEquals(0x800000, b.u64());
        assertEquals(0x2000, b.u64());
        assertEquals("b", b.string());
        assertEquals(Status.NO_MORE_ENTRIES, next(new NextModule(), snap, 0).status());
    }

    @Test
    public void snapshotOfAnUnknownPidIsAnInvalidCid() throws Exception {
        WireWriter create = new WireWriter().u32(4).u32(0x7ffffff0).u32(0);
        assertEquals(Status.INVALID_CID, h.send(new CreateSnapshot(), caller, create).status());
    }

    @Test
    public void openOfAnUnknownIdIsAnInvalidCid() throws Exception {
        WireWriter process = new WireWriter().u32(0x7ffffff0).u32(Rights.PROCESS_ALL_ACCESS)
                .u32(0);
        assertEquals(Status.INVALID_CID, h.send(new OpenProcess(), caller, process).status());
        WireWriter thread = new WireWriter().u32(0x7ffffff0).u32(Rights.THREAD_ALL_ACCESS)
                .u32(0);
        assertEquals(Status.INVALID_CID, h.send(new OpenThread(), caller, thread).status());
        WireWriter handles = new WireWriter().u32(0x7ffffff0);
        assertEquals(Status.INVALID_CID, h.send(new ListHandles(), caller, handles).status());
    }

    @Test
    public void terminateProcessNeedsProcessTerminate() throws Exception {
        EmuThread target = h.initThread("", "target");
        int query = open(new OpenProcess(), target.process().pid(),
                Rights.PROCESS_QUERY_INFORMATION);
        WireWriter data = new WireWriter().u32(query).u32(5);

        assertEquals(Status.ACCESS_DENIED,
                h.send(new TerminateProcess(), caller, data).status());
        assertEquals(Protocol.STILL_ACTIVE, (int) h.call(() -> target.process().exitCode()));
    }

    @Test
    public void terminateProcessEndsItsThreadsAndTellsThePeers() throws Exception {
        EmuThread target = h.initThread("", "target");
        int handle = open(new OpenProcess(), target.process().pid(),
                Rights.PROCESS_TERMINATE | Rights.PROCESS_QUERY_INFORMATION);

        Reply r = h.send(new TerminateProcess(), caller, new WireWriter().u32(handle).u32(7));

        assertEquals(0, r.in().u32());
        assertEquals(7, (int) ((FakeConnection) target.connection()).terminatedWith);
        WireReader info = h.send(new GetProcessInfo(), caller, new WireWriter().u32(handle))
                .in();
        info.u32();
        info.u32();
        assertEquals(7, info.u32());
        assertEquals(2, listState(target.process().pid()));
    }

    @Test
    public void terminateOwnProcessOrThreadOnlyRecordsTheCode() throws Exception {
        Reply p = h.send(new TerminateProcess(), caller,
                new WireWriter().u32(SELF_PROCESS).u32(3));
        assertEquals(1, p.in().u32());
        Reply t = h.send(new TerminateThread(), caller, new WireWriter().u32(SELF_THREAD).u32(4));

        WireReader r = t.in();
        assertEquals(1, r.u32());
        assertEquals(1, r.u32());
        assertTrue(h.call(() -> !caller.isTerminated() && caller.exitReported()));
        WireReader info = h.send(new GetThreadInfo(), caller,
                new WireWriter().u32(SELF_THREAD)).in();
        info.u32();
        info.u32();
        assertEquals(Protocol.STILL_ACTIVE, info.u32());
    }

    @Test
    public void setProcessInfoChecksTheAffinity() throws Exception {
        long machine = h.kernel.machineAffinity();
        WireWriter empty = new WireWriter().u32(SELF_PROCESS).u32(2).u32(0).u64(0);
        assertEquals(Status.INVALID_PARAMETER,
                h.send(new SetProcessInfo(), caller, empty).status());
        WireWriter ok = new WireWriter().u32(SELF_PROCESS).u32(3).u32(0x80).u64(1);

        assertEquals(Status.SUCCESS, h.send(new SetProcessInfo(), caller, ok).status());
        assertEquals(1L, (long) h.call(() -> caller.process().affinity()));
        assertEquals(0x80, (int) h.call(() -> caller.process().priority()));
        if (machine != -1L) {
            WireWriter beyond = new WireWriter().u32(SELF_PROCESS).u32(2).u32(0)
                    .u64(machine + 1);
            assertEquals(Status.INVALID_PARAMETER,
                    h.send(new SetProcessInfo(), caller, beyond).status());
        }
    }

    @Test
    public void listHandlesShowsTypeAndDump() throws Exception {
        int handle = open(new OpenThread(), caller.tid(), Rights.THREAD_QUERY_INFORMATION);

        WireReader r = h.send(new ListHandles(), caller,
                new WireWriter().u32(caller.process().pid())).in();

        assertEquals(1, r.u32());
        assertEquals(handle, r.u32());
        assertEquals(Rights.THREAD_QUERY_INFORMATION, r.u32());
        assertEquals(0, r.u32());
        assertEquals("Thread", r.string());
        assertTrue(r.string().startsWith("Thread tid="));
    }

    private int open(RequestHandler handler, int id, int access) throws Exception {
        WireWriter data = new WireWriter().u32(id).u32(access).u32(0);
        Reply reply = h.send(handler, caller, data);
        assertEquals(Status.SUCCESS, reply.status());
        return reply.in().u32();
    }

    private Reply next(RequestHandler handler, int snap, int reset)
            throws Exception {
        return h.send(handler, caller, new WireWriter().u32(snap).u32(reset));
    }

    /** The state column of list_processes for one pid. */
    private int listState(int pid) throws Exception {
        WireReader r = h.send(new ListProcesses(), caller, new WireWriter()).in();
        int count = r.u32();
        for (int i = 0; i < count; i++) {
            int p = r.u32();
            r.u32();
            r.u32();
            r.u32();
            int state = r.u32();
            r.u32();
            r.string();
            if (p == pid) {
                return state;
            }
        }
        return -1;
    }
}

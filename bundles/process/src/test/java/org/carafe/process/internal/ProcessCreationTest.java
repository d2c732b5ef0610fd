package org.carafe.process.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Event;
import org.carafe.api.model.HandleEntry;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;
import org.carafe.process.internal.Harness.Reply;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The creation handshake: new_process, init_thread, init_process, wait_process, init done. */
public class ProcessCreationTest {
    private Harness h;
    private int startObjects;

    @Before
    public void setUp() throws Exception {
        h = new Harness();
        startObjects = h.objectCount();
    }

    @After
    public void tearDown() throws Exception {
        h.close();
    }

    @Test
    public void inheritAllCopiesExactlyTheInheritableHandlesAtTheSameValues() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        int a = event(parent, Rights.EVENT_ALL_ACCESS, Flags.HANDLE_FLAG_INHERIT);
        int b = event(parent, Rights.SYNCHRONIZE, 0);
        int c = event(parent, Rights.EVENT_MODIFY_STATE,
                Flags.HANDLE_FLAG_INHERIT | Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE);

        String token = newProcess(parent, 1, 0, 0, 0, 0, 0).token();
        EmuThread child = h.initThread(token, "child");
        Reply init = h.send(new InitProcess(), child, new WireWriter());

        assertEquals(0, init.status());
        List<Integer> handles = h.call(() -> {
            List<Integer> values = new ArrayList<>();
            child.process().handles().forEach((value, entry) -> values.add(value));
            return values;
        });
        assertEquals(List.of(a, c), handles);
        h.call(() -> {
            HandleEntry pa = parent.process().handles().entry(a);
            HandleEntry ca = child.process().handles().entry(a);
            assertSame(pa.object(), ca.object());
            assertEquals(pa.access(), ca.access());
            assertEquals(Rights.EVENT_MODIFY_STATE,
                    child.process().handles().entry(c).access());
            assertNull(child.process().handles().entry(b));
            return null;
        });
    }

    @Test
    public void stdHandlesAreDuplicatedInheritableAndInvalidOnesBecomeZero() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        int in = event(parent, Rights.EVENT_QUERY_STATE, 0);
        int err = event(parent, Rights.SYNCHRONIZE, 0);

        String token = newProcess(parent, 0, 0, 0, in, 0x400, err).token();
        EmuThread child = h.initThread(token, "child");
        WireReader reply = h.send(new InitProcess(), child, new WireWriter()).in();

        assertEquals(parent.process().pid(), reply.u32());
        reply.u32();
        reply.u32();
        int childIn = reply.u32();
        int childOut = reply.u32();
        int childErr = reply.u32();
        assertNotEquals(0, childIn);
        assertEquals(0, childOut);
        assertNotEquals(0, childErr);
        h.call(() -> {
            HandleEntry e = child.process().handles().entry(childIn);
            assertSame(parent.process().handles().entry(in).object(), e.object());
            assertEquals(Rights.EVENT_QUERY_STATE, e.access());
            assertEquals(Flags.HANDLE_FLAG_INHERIT, e.flags());
            assertEquals(Rights.SYNCHRONIZE,
                    child.process().handles().entry(childErr).access());
            assertEquals(2, child.process().handles().count());
            return null;
        });
    }

    @Test
    public void explicitStdHandlesArePassedThroughUnchanged() throws Exception {
        EmuThread parent = h.initThread("", "parent");

        String token = newProcess(parent, 0, 0, Flags.STARTF_USESTDHANDLES, 4, 8, 12)
                .token();
        EmuThread child = h.initThread(token, "child");
        WireReader reply = h.send(new InitProcess(), child, new WireWriter()).in();

        reply.u32();
        assertEquals(0, reply.u32());
        assertEquals(Flags.STARTF_USESTDHANDLES, reply.u32());
        assertEquals(4, reply.u32());
        assertEquals(8, reply.u32());
        assertEquals(12, reply.u32());
        assertEquals("child", reply.string());
        assertEquals(0, (int) h.call(() -> child.process().handles().count()));
    }

    @Test
    public void initProcessIsForTheFirstThreadOnce() throws Exception {
        EmuThread first = h.initThread("", "solo");
        String token = h.send(new NewThread(), first, new WireWriter().u32(0)).in().string();
        EmuThread second = h.initThread(token, "");

        assertEquals(Status.INVALID_PARAMETER,
                h.send(new InitProcess(), second, new WireWriter()).status());
        WireReader reply = h.send(new InitProcess(), first, new WireWriter()).in();
        assertEquals(0, reply.u32());
        assertEquals(Status.INVALID_PARAMETER,
                h.send(new InitProcess(), first, new WireWriter()).status());
    }

    @Test
    public void waitProcessParksUntilInitProcessAndReturnsHandles() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        NewProcessReply np = newProcess(parent, 0, 0, 0, 0, 0, 0);
        EmuThread child = h.initThread(np.token(), "child");

        Reply wait = h.send(new WaitProcess(), parent, waitData(np.handle, -1, 1, 0));
        FakeRequest.Parked parked = wait.request().parked();
        assertFalse(h.call(parked::isDone));
        h.send(new InitProcess(), child, new WireWriter());

        assertEquals(Status.SUCCESS, (int) h.call(parked::status));
        WireReader reply = h.call(parked::reply);
        assertEquals(child.process().pid(), reply.u32());
        assertEquals(child.tid(), reply.u32());
        int process = reply.u32();
        int thread = reply.u32();
        int event = reply.u32();
        h.call(() -> {
            HandleEntry p = parent.process().handles().entry(process);
            assertSame(child.process(), p.object());
            assertEquals(Rights.PROCESS_ALL_ACCESS, p.access());
            assertEquals(Flags.HANDLE_FLAG_INHERIT, p.flags());
            HandleEntry t = parent.process().handles().entry(thread);
            assertSame(child, t.object());
            assertEquals(0, t.flags());
            assertNull(parent.currentWait());
            return null;
        });
        Event init = h.call(() -> (Event) parent.process().handles().entry(event).object());
        assertFalse(h.call(init::isSet));
        h.send(new InitProcessDone(), child, new WireWriter());
        assertTrue(h.call(init::isSet));
    }

    @Test
    public void waitProcessAfterInitDoneHasNoInitEvent() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        NewProcessReply np = newProcess(parent, 0, 0, 0, 0, 0, 0);
        EmuThread child = h.initThread(np.token(), "child");
        h.send(new InitProcess(), child, new WireWriter());
        h.send(new InitProcessDone(), child, new WireWriter());

        Reply wait = h.send(new WaitProcess(), parent, waitData(np.handle, 0, 0, 0));

        assertEquals(Status.SUCCESS, wait.status());
        WireReader reply = wait.in();
        reply.u32();
        reply.u32();
        reply.u32();
        reply.u32();
        assertEquals(0, reply.u32());
    }

    @Test
    public void waitProcessTimesOutOrSeesTheChildDie() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        NewProcessReply np = newProcess(parent, 0, 0, 0, 0, 0, 0);

        assertEquals(Status.TIMEOUT,
                h.send(new WaitProcess(), parent, waitData(np.handle, 0, 0, 0)).status());
        EmuThread child = h.initThread(np.token(), "child");
        Reply wait = h.send(new WaitProcess(), parent, waitData(np.handle, -1, 0, 0));
        h.disconnect(child);

        FakeRequest.Parked parked = wait.request().parked();
        assertEquals(Status.PROCESS_IS_TERMINATING, (int) h.call(parked::status));
    }

    @Test
    public void waitProcessTimerFires() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        NewProcessReply np = newProcess(parent, 0, 0, 0, 0, 0, 0);

        Reply wait = h.send(new WaitProcess(), parent, waitData(np.handle, 20, 0, 0));
        FakeRequest.Parked parked = wait.request().parked();

        assertTrue(parked.await(10));
        assertEquals(Status.TIMEOUT, (int) h.call(parked::status));
        assertNull(h.call(parent::currentWait));
    }

    @Test
    public void createSuspendedSuspendsAfterInitProcessDoneReplies() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        String token = newProcess(parent, 0, Flags.CREATE_SUSPENDED, 0, 0, 0, 0).token();
        EmuThread child = h.initThread(token, "child");
        h.send(new InitProcess(), child, new WireWriter());
        assertEquals(0, (int) h.call(child::suspendCount));

        Reply done = h.send(new InitProcessDone(), child, new WireWriter());

        assertEquals(Status.SUCCESS, done.status());
        assertEquals(1, done.in().u32());
        assertEquals(1, (int) h.call(child::suspendCount));
        boolean[] ran = {false};
        h.call(() -> {
            child.runOrHold(() -> ran[0] = true);
            return null;
        });
        assertFalse(ran[0]);
        assertEquals(Status.INVALID_PARAMETER,
                h.send(new InitProcessDone(), child, new WireWriter()).status());
    }

    @Test
    public void initProcessDoneWithoutCreateSuspendedDoesNotSuspend() throws Exception {
        EmuThread solo = h.initThread("", "solo");
        h.send(new InitProcess(), solo, new WireWriter());

        Reply done = h.send(new InitProcessDone(), solo, new WireWriter());

        assertEquals(0, done.in().u32());
        assertEquals(0, (int) h.call(solo::suspendCount));
        assertTrue(h.call(() -> solo.process().isInitDone()));
        assertNull(h.call(() -> solo.process().initEvent()));
    }

    @Test
    public void aJoinedTokenCannotBeUsedTwice() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        String token = newProcess(parent, 0, 0, 0, 0, 0, 0).token();
        h.initThread(token, "child");

        WireWriter again = new WireWriter().u32(0).u32(0).string(token).string("x");
        assertEquals(Status.INVALID_PARAMETER,
                h.send(new InitThread(), null, again).status());
        WireWriter unknown = new WireWriter().u32(0).u32(0).string("nope").string("x");
        assertEquals(Status.INVALID_PARAMETER,
                h.send(new InitThread(), null, unknown).status());
    }

    @Test
    public void ownedKindMustClaimThePeerOrADescendant() throws Exception {
        WireWriter foreign = new WireWriter().u32(1).u32(1).string("").string("init");
        assertEquals(Status.ACCESS_DENIED, h.send(new InitThread(), null, foreign).status());

        int self = (int) ProcessHandle.current().pid();
        WireWriter own = new WireWriter().u32(1).u32(self).string("").string("me");
        Reply ok = h.send(new InitThread(), null, own);
        assertEquals(Status.SUCCESS, ok.status());
        assertEquals(self, (int) h.call(() -> ok.request().caller().process().linuxPid()));
    }

    @Test
    public void newThreadTokenJoinsTheProcessSuspendedIfAsked() throws Exception {
        EmuThread first = h.initThread("", "solo");
        WireWriter flags = new WireWriter().u32(Flags.CREATE_SUSPENDED);
        String token = h.send(new NewThread(), first, flags).in().string();

        EmuThread second = h.initThread(token, "");

        assertSame(first.process(), second.process());
        assertEquals(1, (int) h.call(second::suspendCount));
        WireWriter again = new WireWriter().u32(0).u32(0).string(token).string("");
        assertEquals(Status.INVALID_PARAMETER,
                h.send(new InitThread(), null, again).status());
    }

    @Test
    public void objectCountReturnsToItsStartAfterAFullCreation() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        int inheritable = event(parent, Rights.EVENT_ALL_ACCESS, Flags.HANDLE_FLAG_INHERIT);
        NewProcessReply np = newProcess(parent, 1, 0, 0, inheritable, 0, 0);
        EmuThread child = h.initThread(np.token(), "child");
        Reply wait = h.send(new WaitProcess(), parent, waitData(np.handle, -1, 0, 0));
        h.send(new InitProcess(), child, new WireWriter());
        h.send(new InitProcessDone(), child, new WireWriter());
        h.send(new NewThread(), child, new WireWriter().u32(0));
        WireReader handles = h.call(wait.request().parked()::reply);

        h.disconnect(child);
        handles.u32();
        handles.u32();
        for (int i = 0; i < 3; i++) {
            int handle = handles.u32();
            h.call(() -> parent.process().handles().close(handle));
        }
        h.call(() -> parent.process().handles().close(np.handle));
        h.disconnect(parent);

        assertEquals(startObjects, h.objectCount());
        assertTrue(h.call(() -> h.kernel.processes().isEmpty()));
    }

    @Test
    public void objectCountReturnsToItsStartWhenAChildNeverInitialises() throws Exception {
        EmuThread parent = h.initThread("", "parent");
        NewProcessReply np = newProcess(parent, 0, 0, 0, 0, 0, 0);
        EmuThread child = h.initThread(np.token(), "child");
        h.send(new NewThread(), child, new WireWriter().u32(Flags.CREATE_SUSPENDED));
        h.send(new NewProcess(), parent,
                new WireWriter().u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).string("unused"));

        h.disconnect(child);
        h.disconnect(parent);

        assertEquals(startObjects, h.objectCount());
    }

    private int event(EmuThread thread, int access, int flags) throws Exception {
        return h.call(() -> {
            Event event = new Event(h.kernel, true, false);
            EmuProcess process = thread.process();
            int handle = process.handles().alloc(event, access, flags);
            event.release();
            return handle;
        });
    }

    private NewProcessReply newProcess(EmuThread parent, int inheritAll, int createFlags,
            int startFlags, int in, int out, int err) throws Exception {
        WireWriter data = new WireWriter().u32(inheritAll).u32(createFlags).u32(startFlags)
                .u32(in).u32(out).u32(err).string("child");
        Reply reply = h.send(new NewProcess(), parent, data);
        assertEquals(Status.SUCCESS, reply.status());
        WireReader r = reply.in();
        return new NewProcessReply(r.u32(), r.string());
    }

    private static WireWriter waitData(int handle, long timeout, int pinherit, int tinherit) {
        return new WireWriter().u32(handle).u64(timeout).u32(pinherit).u32(tinherit);
    }

    /** new_process's reply. */
    private record NewProcessReply(int handle, String token) {
    }
}

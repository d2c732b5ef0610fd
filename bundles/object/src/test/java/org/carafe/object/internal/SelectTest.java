package org.carafe.object.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Event;
import org.carafe.api.model.Snapshot;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class SelectTest {
    private static final int WAIT = Rights.SYNCHRONIZE | Rights.EVENT_MODIFY_STATE;
    private static final long DEADLINE_SECONDS = 10;

    private final Select select = new Select();
    private final EventOp eventOp = new EventOp();
    private KernelFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = new KernelFixture();
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    public void pollOfAnUnsetEventTimesOutAtOnce() throws Exception {
        int handle = fixture.handle(fixture.event(true, false), WAIT, 0);

        Reply reply = select(0, 0, handle);

        assertEquals(Status.TIMEOUT, reply.status());
        assertEquals(0, reply.u32());
        assertNull(reply.parked());
    }

    @Test
    public void waitAnyAnswersTheFirstSignaledIndex() throws Exception {
        int unset = fixture.handle(fixture.event(true, false), WAIT, 0);
        int set1 = fixture.handle(fixture.event(true, true), WAIT, 0);
        int set2 = fixture.handle(fixture.event(true, true), WAIT, 0);

        Reply reply = select(0, Protocol.INFINITE, unset, set1, set2);

        assertEquals(Status.SUCCESS, reply.status());
        assertEquals(1, reply.u32());
        assertNull(reply.parked());
    }

    @Test
    public void satisfiedWaitResetsAnAutoResetEvent() throws Exception {
        Event event = fixture.event(false, true);
        int handle = fixture.handle(event, WAIT, 0);

        assertEquals(Status.SUCCESS, select(0, 0, handle).status());

        assertFalse(fixture.onLoop(event::isSet));
        assertEquals(Status.TIMEOUT, select(0, 0, handle).status());
    }

    @Test
    public void timesOutAndLetsGoOfTheObjects() throws Exception {
        Event event = fixture.event(false, false);
        int handle = fixture.handle(event, WAIT, 0);
        int refs = fixture.onLoop(event::refCount);

        Reply reply = select(0, 50, handle);
        assertNotNull(reply.parked());
        int status = reply.parked().status().get(DEADLINE_SECONDS, TimeUnit.SECONDS);

        assertEquals(Status.TIMEOUT, status);
        assertEquals(0, reply.parked().data().u32());
        assertNull(fixture.onLoop(fixture.thread::currentWait));
        assertEquals(refs, (int) fixture.onLoop(event::refCount));
        eventOp(handle, Flags.EVENT_SET);
        assertTrue(fixture.onLoop(event::isSet));
    }

    @Test
    public void eventSetWakesAParkedSelect() throws Exception {
        Event other = fixture.event(true, false);
        Event event = fixture.event(false, false);
        int otherHandle = fixture.handle(other, WAIT, 0);
        int handle = fixture.handle(event, WAIT, 0);

        Reply reply = select(0, 60_000, otherHandle, handle);
        assertFalse(reply.parked().isDone());
        assertNotNull(fixture.onLoop(fixture.thread::currentWait));
        eventOp(handle, Flags.EVENT_SET);

        assertEquals(Status.SUCCESS, (int) reply.parked().status().get(DEADLINE_SECONDS,
                TimeUnit.SECONDS));
        assertEquals(1, reply.parked().data().u32());
        assertFalse(fixture.onLoop(event::isSet));
        assertNull(fixture.onLoop(fixture.thread::currentWait));
    }

    @Test
    public void pulseWakesAParkedSelectAndLeavesTheEventReset() throws Exception {
        Event event = fixture.event(true, false);
        int handle = fixture.handle(event, WAIT, 0);

        Reply reply = select(0, Protocol.INFINITE, handle);
        eventOp(handle, Flags.EVENT_PULSE);

        assertEquals(Status.SUCCESS, (int) reply.parked().status().get(DEADLINE_SECONDS,
                TimeUnit.SECONDS));
        assertFalse(fixture.onLoop(event::isSet));
    }

    @Test
    public void waitAllNeedsEveryObjectSignaledAtOnce() throws Exception {
        int first = fixture.handle(fixture.event(true, false), WAIT, 0);
        int second = fixture.handle(fixture.event(true, false), WAIT, 0);

        Reply reply = select(Flags.SELECT_ALL, Protocol.INFINITE, first, second);
        eventOp(first, Flags.EVENT_SET);
        eventOp(first, Flags.EVENT_RESET);
        eventOp(second, Flags.EVENT_SET);
        assertFalse(reply.parked().isDone());
        eventOp(first, Flags.EVENT_SET);

        assertEquals(Status.SUCCESS, (int) reply.parked().status().get(DEADLINE_SECONDS,
                TimeUnit.SECONDS));
        assertEquals(0, reply.parked().data().u32());
    }

    @Test
    public void waitAllConsumesAutoResetEventsOnlyWhenAllAreSignaled() throws Exception {
        Event first = fixture.event(false, true);
        Event second = fixture.event(false, false);
        int firstHandle = fixture.handle(first, WAIT, 0);
        int secondHandle = fixture.handle(second, WAIT, 0);

        Reply reply = select(Flags.SELECT_ALL, Protocol.INFINITE, firstHandle, secondHandle);
        assertTrue(fixture.onLoop(first::isSet));
        eventOp(secondHandle, Flags.EVENT_SET);

        assertEquals(Status.SUCCESS, (int) reply.parked().status().get(DEADLINE_SECONDS,
                TimeUnit.SECONDS));
        assertFalse(fixture.onLoop(first::isSet));
        assertFalse(fixture.onLoop(second::isSet));
    }

    @Test
    public void endingTheThreadCancelsItsWaitWithoutReply() throws Exception {
        EmuThread waiter = fixture.onLoop(() -> fixture.kernel.createThread(fixture.process,
                new KernelFixture.Peer()));
        Event event = fixture.event(true, false);
        int handle = fixture.handle(event, WAIT, 0);
        int refs = fixture.onLoop(event::refCount);

        Reply reply = fixture.call(select, waiter, selectData(0, Protocol.INFINITE, handle));
        fixture.onLoop(() -> {
            fixture.kernel.endThread(waiter, 0, false);
            return null;
        });
        eventOp(handle, Flags.EVENT_SET);

        assertFalse(reply.parked().isDone());
        assertNull(fixture.onLoop(waiter::currentWait));
        assertEquals(refs, (int) fixture.onLoop(event::refCount));
    }

    @Test
    public void waitOnOwnThreadAndProcessIsLegalAndEndsCleanly() throws Exception {
        EmuThread waiter = fixture.onLoop(() -> fixture.kernel.createThread(fixture.process,
                new KernelFixture.Peer()));
        int tid = waiter.tid();

        Reply polled = fixture.call(select, waiter,
                selectData(0, 0, Protocol.PSEUDO_THREAD, Protocol.PSEUDO_PROCESS));
        Reply parked = fixture.call(select, waiter,
                selectData(0, Protocol.INFINITE, Protocol.PSEUDO_THREAD));
        fixture.onLoop(() -> {
            fixture.kernel.endThread(waiter, 0, false);
            return null;
        });

        assertEquals(Status.TIMEOUT, polled.status());
        assertFalse(parked.parked().isDone());
        assertNull(fixture.onLoop(() -> fixture.kernel.thread(tid)));
    }

    @Test
    public void anotherThreadEndingWakesItsWaiter() throws Exception {
        EmuThread other = fixture.onLoop(() -> fixture.kernel.createThread(fixture.process,
                new KernelFixture.Peer()));
        int handle = fixture.handle(other, Rights.SYNCHRONIZE, 0);

        Reply reply = select(0, Protocol.INFINITE, handle);
        fixture.onLoop(() -> {
            fixture.kernel.endThread(other, 7, false);
            return null;
        });

        assertEquals(Status.SUCCESS, (int) reply.parked().status().get(DEADLINE_SECONDS,
                TimeUnit.SECONDS));
        assertSame(other, fixture.onLoop(() -> fixture.process.handles().entry(handle)
                .object()));
    }

    @Test
    public void guardsRejectBadHandlesRightsTypesAndCounts() throws Exception {
        int noSync = fixture.handle(fixture.event(true, true), Rights.EVENT_MODIFY_STATE, 0);
        Snapshot snapshot = fixture.onLoop(() -> new Snapshot(fixture.kernel, List.of(),
                List.of(), List.of()));
        int notWaitable = fixture.handle(snapshot, Rights.ALL, 0);

        assertEquals(Status.ACCESS_DENIED, select(0, 0, noSync).status());
        assertEquals(Status.OBJECT_TYPE_MISMATCH, select(0, 0, notWaitable).status());
        assertEquals(Status.INVALID_HANDLE, select(0, 0, 0x400).status());
        assertEquals(Status.INVALID_PARAMETER, select(0, 0, new int[Select.MAX_OBJECTS + 1])
                .status());
        assertEquals(Status.INVALID_PARAMETER, fixture.call(select,
                new WireWriter().u32(0).u64(0).u32(2).u32(noSync)).status());
    }

    @Test
    public void noHandlesSleepsForTheTimeout() throws Exception {
        Reply reply = select(0, 20);

        assertEquals(Status.TIMEOUT, (int) reply.parked().status().get(DEADLINE_SECONDS,
                TimeUnit.SECONDS));
    }

    private Reply select(int flags, long timeout, int... handles) throws Exception {
        return fixture.call(select, selectData(flags, timeout, handles));
    }

    private static WireWriter selectData(int flags, long timeout, int... handles) {
        WireWriter data = new WireWriter().u32(flags).u64(timeout).u32(handles.length);
        for (int handle : handles) {
            data.u32(handle);
        }
        return data;
    }

    private void eventOp(int handle, int op) throws Exception {
        assertEquals(Status.SUCCESS, fixture.call(eventOp, new WireWriter().u32(handle).u32(op))
                .status());
    }
}

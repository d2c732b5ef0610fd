package org.carafe.object.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.carafe.api.model.Event;
import org.carafe.api.model.HandleEntry;
import org.carafe.api.model.KObject;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class EventHandlersTest {
    private final CreateEvent create = new CreateEvent();
    private final OpenEvent open = new OpenEvent();
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
    public void createsAnUnnamedEventWithTheRequestedState() throws Exception {
        Reply reply = create(Rights.EVENT_ALL_ACCESS, 1, true, true, "");

        assertEquals(Status.SUCCESS, reply.status());
        HandleEntry entry = entry(reply.u32());
        Event event = (Event) entry.object();
        assertEquals(Rights.EVENT_ALL_ACCESS, entry.access());
        assertEquals(Flags.HANDLE_FLAG_INHERIT, entry.flags());
        assertTrue(event.isManualReset());
        assertTrue(fixture.onLoop(event::isSet));
        assertEquals(1, (int) fixture.onLoop(event::refCount));
    }

    @Test
    public void sameNameOpensTheExistingEventWithAWarning() throws Exception {
        Reply first = create(Rights.EVENT_ALL_ACCESS, 0, false, false, "ready");
        Reply second = create(Rights.SYNCHRONIZE, 0, true, true, "ready");

        assertEquals(Status.SUCCESS, first.status());
        assertEquals(Status.OBJECT_NAME_EXISTS, second.status());
        assertNotEquals(first.u32(), second.u32());
        Event event = (Event) entry(first.u32()).object();
        assertSame(event, entry(second.u32()).object());
        assertFalse(event.isManualReset());
        assertFalse(fixture.onLoop(event::isSet));
        assertEquals(Rights.SYNCHRONIZE, entry(second.u32()).access());
    }

    @Test
    public void nameOfAnotherTypeIsAMismatch() throws Exception {
        fixture.onLoop(() -> {
            fixture.thread.setName("taken");
            return null;
        });

        assertEquals(Status.OBJECT_TYPE_MISMATCH,
                create(Rights.EVENT_ALL_ACCESS, 0, true, false, "taken").status());
        assertEquals(Status.OBJECT_TYPE_MISMATCH, open(Rights.SYNCHRONIZE, "taken").status());
    }

    @Test
    public void openFindsANamedEventAndNotAnUnknownName() throws Exception {
        int created = create(Rights.EVENT_ALL_ACCESS, 0, true, false, "go").u32();

        Reply opened = open(Rights.EVENT_MODIFY_STATE, "go");

        assertEquals(Status.SUCCESS, opened.status());
        assertSame(entry(created).object(), entry(opened.u32()).object());
        assertEquals(Rights.EVENT_MODIFY_STATE, entry(opened.u32()).access());
        assertEquals(Status.OBJECT_NAME_NOT_FOUND, open(Rights.SYNCHRONIZE, "gone").status());
        assertEquals(Status.OBJECT_NAME_NOT_FOUND, open(Rights.SYNCHRONIZE, "").status());
    }

    @Test
    public void nameGoesWithTheLastHandle() throws Exception {
        int handle = create(Rights.EVENT_ALL_ACCESS, 0, true, false, "short-lived").u32();

        fixture.onLoop(() -> fixture.process.handles().close(handle));

        KObject named = fixture.onLoop(() -> fixture.kernel.lookupName("short-lived"));
        assertNull(named);
        assertEquals(Status.OBJECT_NAME_NOT_FOUND,
                open(Rights.SYNCHRONIZE, "short-lived").status());
    }

    @Test
    public void eventOpSetsResetsAndPulses() throws Exception {
        int handle = create(Rights.EVENT_ALL_ACCESS, 0, true, false, "").u32();
        Event event = (Event) entry(handle).object();

        assertEquals(Status.SUCCESS, op(handle, Flags.EVENT_SET).status());
        assertTrue(fixture.onLoop(event::isSet));
        assertEquals(Status.SUCCESS, op(handle, Flags.EVENT_RESET).status());
        assertFalse(fixture.onLoop(event::isSet));
        assertEquals(Status.SUCCESS, op(handle, Flags.EVENT_PULSE).status());
        assertFalse(fixture.onLoop(event::isSet));
        assertEquals(Status.INVALID_PARAMETER, op(handle, 3).status());
    }

    @Test
    public void eventOpNeedsModifyStateAndAnEvent() throws Exception {
        int readOnly = create(Rights.SYNCHRONIZE | Rights.EVENT_QUERY_STATE, 0, true, false, "")
                .u32();

        assertEquals(Status.ACCESS_DENIED, op(readOnly, Flags.EVENT_SET).status());
        assertEquals(Status.OBJECT_TYPE_MISMATCH,
                op(Protocol.PSEUDO_THREAD, Flags.EVENT_SET).status());
        assertEquals(Status.INVALID_HANDLE, op(0x400, Flags.EVENT_SET).status());
    }

    private Reply create(int access, int inherit, boolean manual, boolean initial, String name)
            throws Exception {
        return fixture.call(create, new WireWriter().u32(access).u32(inherit)
                .u32(manual ? 1 : 0).u32(initial ? 1 : 0).string(name));
    }

    private Reply open(int access, String name) throws Exception {
        return fixture.call(open, new WireWriter().u32(access).u32(0).string(name));
    }

    private Reply op(int handle, int op) throws Exception {
        return fixture.call(eventOp, new WireWriter().u32(handle).u32(op));
    }

    private HandleEntry entry(int handle) throws Exception {
        return fixture.onLoop(() -> fixture.process.handles().entry(handle));
    }
}

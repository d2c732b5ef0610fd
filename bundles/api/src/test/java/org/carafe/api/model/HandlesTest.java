package org.carafe.api.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.junit.After;
import org.junit.Test;

public class HandlesTest {
    private final ModelFixture fixture = new ModelFixture();
    private final EmuThread caller = fixture.thread;
    private final HandleTable table = fixture.process.handles();

    @After
    public void tearDown() {
        fixture.close();
    }

    @Test
    public void findsTheObjectWithTheRightTypeAndAccess() {
        Event event = new Event(fixture.kernel, true, false);
        int handle = table.alloc(event, Rights.EVENT_ALL_ACCESS, 0);

        Event found = Handles.get(caller, handle, Rights.EVENT_MODIFY_STATE, Event.class);

        assertSame(event, found);
        assertSame(event, Handles.get(caller, handle, 0, KObject.class));
    }

    @Test
    public void unknownHandleIsInvalid() {
        assertStatus(Status.INVALID_HANDLE, () -> Handles.get(caller, 4, 0, KObject.class));
        assertStatus(Status.INVALID_HANDLE, () -> Handles.get(caller, 0, 0, KObject.class));
        assertStatus(Status.INVALID_HANDLE, () -> Handles.get(caller, 7, 0, KObject.class));
    }

    @Test
    public void wrongTypeIsMismatchEvenWithoutTheRight() {
        int handle = table.alloc(new Event(fixture.kernel, true, false), 0, 0);

        assertStatus(Status.OBJECT_TYPE_MISMATCH,
                () -> Handles.get(caller, handle, Rights.PROCESS_DUP_HANDLE, EmuProcess.class));
    }

    @Test
    public void missingRightIsAccessDenied() {
        int handle = table.alloc(new Event(fixture.kernel, true, false),
                Rights.EVENT_QUERY_STATE | Rights.SYNCHRONIZE, 0);

        assertStatus(Status.ACCESS_DENIED,
                () -> Handles.get(caller, handle, Rights.EVENT_MODIFY_STATE, Event.class));
        assertStatus(Status.ACCESS_DENIED, () -> Handles.get(caller, handle,
                Rights.EVENT_QUERY_STATE | Rights.EVENT_MODIFY_STATE, Event.class));
    }

    @Test
    public void pseudoHandlesNameTheCallersProcessAndThreadWithAllRights() {
        assertSame(fixture.process, Handles.get(caller, Protocol.PSEUDO_PROCESS, Rights.ALL,
                EmuProcess.class));
        assertSame(caller, Handles.get(caller, Protocol.PSEUDO_THREAD, Rights.ALL,
                EmuThread.class));
        assertSame(fixture.process, Handles.pseudo(caller, Protocol.PSEUDO_PROCESS));
        assertNull(Handles.pseudo(caller, 4));
        assertStatus(Status.OBJECT_TYPE_MISMATCH, () -> Handles.get(caller,
                Protocol.PSEUDO_THREAD, 0, EmuProcess.class));
    }

    @Test
    public void pseudoHandlesAreTheCallersEvenInAnotherProcessTable() {
        EmuProcess other = fixture.kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, "other");

        assertSame(fixture.process, Handles.get(caller, other, Protocol.PSEUDO_PROCESS, 0,
                EmuProcess.class));
    }

    @Test
    public void lookupInAnotherProcessUsesItsTable() {
        EmuProcess other = fixture.kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, "other");
        Event event = new Event(fixture.kernel, true, false);
        int handle = other.handles().alloc(event, Rights.SYNCHRONIZE, 0);

        assertSame(event, Handles.get(caller, other, handle, Rights.SYNCHRONIZE, Event.class));
        assertStatus(Status.INVALID_HANDLE,
                () -> Handles.get(caller, handle, Rights.SYNCHRONIZE, Event.class));
    }

    private static void assertStatus(int status, Runnable lookup) {
        try {
            lookup.run();
            fail("expected " + Status.describe(status));
        } catch (StatusException e) {
            assertEquals(Status.describe(status), Status.describe(e.status()));
        }
    }
}

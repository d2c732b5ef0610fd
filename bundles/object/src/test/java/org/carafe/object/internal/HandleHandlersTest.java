package org.carafe.object.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import org.carafe.api.model.Event;
import org.carafe.api.model.HandleEntry;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class HandleHandlersTest {
    private static final int INHERIT = Flags.HANDLE_FLAG_INHERIT;
    private static final int PROTECT = Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE;

    private KernelFixture fixture;
    private Event event;

    @Before
    public void setUp() throws Exception {
        fixture = new KernelFixture();
        event = fixture.event(true, false);
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    public void closeHandleClosesOnceThenTheHandleIsInvalid() throws Exception {
        int handle = fixture.handle(event, Rights.SYNCHRONIZE, 0);

        assertEquals(Status.SUCCESS, close(handle).status());

        assertNull(entry(handle));
        assertEquals(Status.INVALID_HANDLE, close(handle).status());
    }

    @Test
    public void protectedHandleIsNotClosable() throws Exception {
        int handle = fixture.handle(event, Rights.SYNCHRONIZE, PROTECT);

        assertEquals(Status.HANDLE_NOT_CLOSABLE, close(handle).status());

        assertNotNull(entry(handle));
    }

    @Test
    public void closingAPseudoHandleDoesNothing() throws Exception {
        assertEquals(Status.SUCCESS, close(Protocol.PSEUDO_PROCESS).status());
        assertEquals(Status.SUCCESS, close(Protocol.PSEUDO_THREAD).status());
    }

    @Test
    public void setHandleInfoChangesMaskedBitsAndAnswersTheOldFlags() throws Exception {
        int handle = fixture.handle(event, Rights.SYNCHRONIZE, INHERIT);

        Reply protect = setInfo(handle, PROTECT, PROTECT);
        Reply clearInherit = setInfo(handle, INHERIT, 0);

        assertEquals(INHERIT, protect.u32());
        assertEquals(INHERIT | PROTECT, clearInherit.u32());
        assertEquals(PROTECT, entry(handle).flags());
        assertEquals(Status.HANDLE_NOT_CLOSABLE, close(handle).status());
        assertEquals(PROTECT, setInfo(handle, 0, INHERIT).u32());
        assertEquals(PROTECT, entry(handle).flags());
    }

    @Test
    public void setHandleInfoOnPseudoHandlesOnlyReads() throws Exception {
        Reply read = setInfo(Protocol.PSEUDO_PROCESS, 0, INHERIT);

        assertEquals(Status.SUCCESS, read.status());
        assertEquals(0, read.u32());
        assertEquals(Status.ACCESS_DENIED, setInfo(Protocol.PSEUDO_THREAD, INHERIT, 0).status());
        assertEquals(Status.INVALID_HANDLE, setInfo(0x400, INHERIT, 0).status());
    }

    @Test
    public void compareObjectsTellsSameFromDifferent() throws Exception {
        int first = fixture.handle(event, Rights.SYNCHRONIZE, 0);
        int second = fixture.handle(event, 0, 0);
        int process = fixture.handle(fixture.process, 0, 0);

        assertEquals(Status.SUCCESS, compare(first, second).status());
        assertEquals(Status.SUCCESS, compare(process, Protocol.PSEUDO_PROCESS).status());
        assertEquals(Status.NOT_SAME_OBJECT, compare(first, process).status());
        assertEquals(Status.INVALID_HANDLE, compare(first, 0x400).status());
    }

    @Test
    public void getObjectInfoReportsAccessCountsAndType() throws Exception {
        int handle = fixture.handle(event, Rights.SYNCHRONIZE | Rights.EVENT_QUERY_STATE, 0);
        fixture.handle(event, Rights.SYNCHRONIZE, 0);

        WireReader info = objectInfo(handle).in();

        assertEquals(Rights.SYNCHRONIZE | Rights.EVENT_QUERY_STATE, info.u32());
        assertEquals(3, info.u32());
        assertEquals(2, info.u32());
        assertEquals("Event", info.string());
    }

    @Test
    public void getObjectInfoOfAPseudoHandleHasAllRights() throws Exception {
        WireReader info = objectInfo(Protocol.PSEUDO_THREAD).in();

        assertEquals(Rights.ALL, info.u32());
        info.u32();
        assertEquals(0, info.u32());
        assertEquals("Thread", info.string());
        assertEquals(Status.INVALID_HANDLE, objectInfo(0x400).status());
    }

    private Reply close(int handle) throws Exception {
        return fixture.call(new CloseHandle(), new WireWriter().u32(handle));
    }

    private Reply setInfo(int handle, int mask, int flags) throws Exception {
        return fixture.call(new SetHandleInfo(), new WireWriter().u32(handle).u32(mask)
                .u32(flags));
    }

    private Reply compare(int first, int second) throws Exception {
        return fixture.call(new CompareObjects(), new WireWriter().u32(first).u32(second));
    }

    private Reply objectInfo(int handle) throws Exception {
        return fixture.call(new GetObjectInfo(), new WireWriter().u32(handle));
    }

    private HandleEntry entry(int handle) throws Exception {
        return fixture.onLoop(() -> fixture.process.handles().entry(handle));
    }
}

package org.carafe.object.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import org.carafe.api.model.EmuProcess;
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

public class DupHandleTest {
    private static final int SELF = Protocol.PSEUDO_PROCESS;
    private static final int SOURCE_ACCESS = Rights.EVENT_QUERY_STATE | Rights.SYNCHRONIZE;
    private static final int SOURCE_FLAGS =
            Flags.HANDLE_FLAG_INHERIT | Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE;

    private final DupHandle handler = new DupHandle();
    private KernelFixture fixture;
    private Event event;
    private int source;

    @Before
    public void setUp() throws Exception {
        fixture = new KernelFixture();
        event = fixture.event(true, false);
        source = fixture.handle(event, SOURCE_ACCESS, Flags.HANDLE_FLAG_INHERIT);
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    public void requestedAccessAndAttributesWithoutOptions() throws Exception {
        Reply reply = dup(SELF, source, SELF, Rights.EVENT_ALL_ACCESS, 0, 0);

        assertEquals(Status.SUCCESS, reply.status());
        HandleEntry copy = entry(reply.u32());
        assertSame(event, copy.object());
        assertEquals(Rights.EVENT_ALL_ACCESS, copy.access());
        assertEquals(0, copy.flags());
        assertNotNull(entry(source));
    }

    @Test
    public void sameAccessCopiesTheSourceAccess() throws Exception {
        Reply reply = dup(SELF, source, SELF, Rights.EVENT_ALL_ACCESS,
                Flags.HANDLE_FLAG_INHERIT, Flags.DUPLICATE_SAME_ACCESS);

        HandleEntry copy = entry(reply.u32());
        assertEquals(SOURCE_ACCESS, copy.access());
        assertEquals(Flags.HANDLE_FLAG_INHERIT, copy.flags());
    }

    @Test
    public void sameAttributesCopiesInheritAndProtect() throws Exception {
        int protectedSource = fixture.handle(event, SOURCE_ACCESS, SOURCE_FLAGS);

        Reply reply = dup(SELF, protectedSource, SELF, Rights.EVENT_MODIFY_STATE, 0,
                Flags.DUPLICATE_SAME_ATTRIBUTES);

        HandleEntry copy = entry(reply.u32());
        assertEquals(SOURCE_FLAGS, copy.flags());
        assertEquals(Rights.EVENT_MODIFY_STATE, copy.access());
    }

    @Test
    public void pseudoSourceWithSameAccessGetsAllRights() throws Exception {
        Reply reply = dup(SELF, Protocol.PSEUDO_THREAD, SELF, 0, 0,
                Flags.DUPLICATE_SAME_ACCESS);

        HandleEntry copy = entry(reply.u32());
        assertSame(fixture.thread, copy.object());
        assertEquals(Rights.ALL, copy.access());
    }

    @Test
    public void closeSourceAfterSuccess() throws Exception {
        Reply reply = dup(SELF, source, SELF, 0, 0,
                Flags.DUPLICATE_SAME_ACCESS | Flags.DUPLICATE_CLOSE_SOURCE);

        assertEquals(Status.SUCCESS, reply.status());
        assertEquals(SOURCE_ACCESS, entry(reply.u32()).access());
        assertNull(entry(source));
        assertEquals(1, (int) fixture.onLoop(event::handleCount));
    }

    @Test
    public void closeSourceEvenWhenTheDestinationLacksDupRight() throws Exception {
        int limited = fixture.handle(fixture.process, Rights.PROCESS_QUERY_INFORMATION, 0);

        Reply reply = dup(SELF, source, limited, 0, 0,
                Flags.DUPLICATE_SAME_ACCESS | Flags.DUPLICATE_CLOSE_SOURCE);

        assertEquals(Status.ACCESS_DENIED, reply.status());
        assertNull(entry(source));
        assertEquals(0, (int) fixture.onLoop(event::handleCount));
    }

    @Test
    public void closeSourceEvenWhenTheDestinationIsNoHandle() throws Exception {
        Reply reply = dup(SELF, source, 0x400, 0, 0, Flags.DUPLICATE_CLOSE_SOURCE);

        assertEquals(Status.INVALID_HANDLE, reply.status());
        assertNull(entry(source));
    }

    @Test
    public void closeSourceEvenWhenTheDestinationIsNotAProcess() throws Exception {
        Reply reply = dup(SELF, source, source, 0, 0, Flags.DUPLICATE_CLOSE_SOURCE);

        assertEquals(Status.OBJECT_TYPE_MISMATCH, reply.status());
        assertNull(entry(source));
    }

    @Test
    public void withoutCloseSourceAFailureLeavesTheSource() throws Exception {
        Reply reply = dup(SELF, source, 0x400, 0, 0, 0);

        assertEquals(Status.INVALID_HANDLE, reply.status());
        assertNotNull(entry(source));
    }

    @Test
    public void sourceProcessNeedsDupRight() throws Exception {
        int limited = fixture.handle(fixture.process, Rights.PROCESS_QUERY_INFORMATION, 0);

        Reply reply = dup(limited, source, SELF, 0, 0, Flags.DUPLICATE_SAME_ACCESS);

        assertEquals(Status.ACCESS_DENIED, reply.status());
    }

    @Test
    public void duplicatesIntoAndOutOfAnotherProcess() throws Exception {
        EmuProcess other = fixture.onLoop(() -> fixture.kernel.createProcess(0,
                Protocol.KIND_EMBEDDED, 0, "other"));
        int otherHandle = fixture.handle(other, Rights.PROCESS_DUP_HANDLE, 0);

        Reply into = dup(SELF, source, otherHandle, 0, 0, Flags.DUPLICATE_SAME_ACCESS);
        int remote = into.u32();
        KObject remoteObject = fixture.onLoop(() -> other.handles().entry(remote).object());
        Reply back = dup(otherHandle, remote, SELF, 0, 0,
                Flags.DUPLICATE_SAME_ACCESS | Flags.DUPLICATE_CLOSE_SOURCE);

        assertEquals(4, remote);
        assertSame(event, remoteObject);
        assertEquals(Status.SUCCESS, back.status());
        assertSame(event, entry(back.u32()).object());
        assertEquals(0, (int) fixture.onLoop(() -> other.handles().count()));
    }

    private Reply dup(int srcProcess, int srcHandle, int dstProcess, int access, int attributes,
            int options) throws Exception {
        return fixture.call(handler, new WireWriter().u32(srcProcess).u32(srcHandle)
                .u32(dstProcess).u32(access).u32(attributes).u32(options));
    }

    private HandleEntry entry(int handle) throws Exception {
        return fixture.onLoop(() -> fixture.process.handles().entry(handle));
    }
}

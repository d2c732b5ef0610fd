package org.carafe.itests.conformance;

import static org.carafe.itests.conformance.ServerFixture.assertStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.ObjectInfo;
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
 * Handle rules driven through the protocol against the real server: values, reuse, pseudo
 * handles, dup_handle options, and the type and access checks with their status codes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HandleConformanceIT {
    private static final int EVENT_ALL = Rights.EVENT_ALL_ACCESS;

    @Inject
    private Kernel kernel;

    private ServerFixture server;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Before
    public void setUp() {
        server = new ServerFixture(kernel);
    }

    @After
    public void tearDown() {
        server.close();
    }

    @Test
    public void firstHandlesAre4And8And12AndTheLowestFreeSlotIsReused() throws Exception {
        EmulatedThread t = server.start("handles").mainThread();

        int a = t.createEvent(EVENT_ALL, false, true, false, "").handle();
        int b = t.createEvent(EVENT_ALL, false, true, false, "").handle();
        int c = t.createEvent(EVENT_ALL, false, true, false, "").handle();
        assertEquals(4, a);
        assertEquals(8, b);
        assertEquals(12, c);

        t.closeHandle(8);
        t.closeHandle(4);
        assertEquals(4, t.createEvent(EVENT_ALL, false, true, false, "").handle());
        assertEquals(8, t.createEvent(EVENT_ALL, false, true, false, "").handle());
        assertEquals(16, t.createEvent(EVENT_ALL, false, true, false, "").handle());
    }

    @Test
    public void pseudoHandlesNameTheCallersOwnProcessAndThread() throws Exception {
        EmulatedProcess p = server.start("pseudo");
        EmulatedThread t = p.mainThread();

        assertEquals(p.pid(), t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
        assertEquals(p.tid(), t.getThreadInfo(Protocol.CURRENT_THREAD).tid());
        assertEquals(0, t.setHandleInfo(Protocol.CURRENT_PROCESS, 0, 0));
        assertStatus(Status.ACCESS_DENIED, () -> t.setHandleInfo(Protocol.CURRENT_PROCESS,
                Flags.HANDLE_FLAG_INHERIT, Flags.HANDLE_FLAG_INHERIT));
        assertStatus(Status.OBJECT_TYPE_MISMATCH,
                () -> t.getProcessInfo(Protocol.CURRENT_THREAD));

        int real = t.dupHandle(Protocol.CURRENT_PROCESS, Protocol.CURRENT_PROCESS,
                Protocol.CURRENT_PROCESS, 0, 0, Flags.DUPLICATE_SAME_ACCESS);
        assertEquals(4, real);
        assertTrue(t.compareObjects(real, Protocol.CURRENT_PROCESS));
        assertEquals(Rights.PROCESS_ALL_ACCESS, t.getObjectInfo(real).access());
    }

    @Test
    public void closeSourceClosesTheSourceEvenWhenTheDuplicationFails() throws Exception {
        EmulatedThread t = server.start("dup-fail").mainThread();
        int event = t.createEvent(EVENT_ALL, false, true, false, "").handle();
        int noDup = t.openProcess(t.pid(), Rights.PROCESS_QUERY_INFORMATION, false);

        assertStatus(Status.ACCESS_DENIED, () -> t.dupHandle(Protocol.CURRENT_PROCESS, event,
                noDup, 0, 0, Flags.DUPLICATE_SAME_ACCESS | Flags.DUPLICATE_CLOSE_SOURCE));

        assertStatus(Status.INVALID_HANDLE, () -> t.getObjectInfo(event));
    }

    @Test
    public void closeSourceMovesAHandleIntoAnotherProcess() throws Exception {
        EmulatedThread a = server.start("dup-src").mainThread();
        EmulatedThread b = server.start("dup-dst").mainThread();
        int event = a.createEvent(EVENT_ALL, false, true, false, "").handle();
        int toB = a.openProcess(b.pid(), Rights.PROCESS_DUP_HANDLE, false);

        int moved = a.dupHandle(Protocol.CURRENT_PROCESS, event, toB, 0, 0,
                Flags.DUPLICATE_SAME_ACCESS | Flags.DUPLICATE_CLOSE_SOURCE);

        assertStatus(Status.INVALID_HANDLE, () -> a.getObjectInfo(event));
        ObjectInfo info = b.getObjectInfo(moved);
        assertEquals("Event", info.type());
        assertEquals(EVENT_ALL, info.access());
        b.setEvent(moved);
    }

    @Test
    public void sameAccessAndSameAttributesCopyTheSourceEntry() throws Exception {
        EmulatedThread t = server.start("dup-same").mainThread();
        int event = t.createEvent(Rights.SYNCHRONIZE | Rights.EVENT_MODIFY_STATE, true, true,
                false, "").handle();
        t.setHandleInfo(event, Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE,
                Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE);

        int same = t.dupHandle(Protocol.CURRENT_PROCESS, event, Protocol.CURRENT_PROCESS,
                Rights.EVENT_QUERY_STATE, 0,
                Flags.DUPLICATE_SAME_ACCESS | Flags.DUPLICATE_SAME_ATTRIBUTES);
        int asked = t.dupHandle(Protocol.CURRENT_PROCESS, event, Protocol.CURRENT_PROCESS,
                Rights.EVENT_QUERY_STATE, 0, 0);

        assertEquals(Rights.SYNCHRONIZE | Rights.EVENT_MODIFY_STATE,
                t.getObjectInfo(same).access());
        int both = Flags.HANDLE_FLAG_INHERIT | Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE;
        assertEquals(both, t.setHandleInfo(same, 0, 0));
        assertStatus(Status.HANDLE_NOT_CLOSABLE, () -> t.closeHandle(same));
        assertEquals(Rights.EVENT_QUERY_STATE, t.getObjectInfo(asked).access());
        assertEquals(0, t.setHandleInfo(asked, 0, 0));
    }

    @Test
    public void everyHandleIsCheckedForExistenceTypeAndAccess() throws Exception {
        EmulatedThread t = server.start("checks").mainThread();
        int event = t.createEvent(Rights.SYNCHRONIZE, false, true, false, "").handle();

        assertStatus(Status.INVALID_HANDLE, () -> t.closeHandle(0x400));
        assertStatus(Status.INVALID_HANDLE, () -> t.eventOp(0x401, Flags.EVENT_SET));
        assertStatus(Status.OBJECT_TYPE_MISMATCH, () -> t.getProcessInfo(event));
        assertStatus(Status.ACCESS_DENIED, () -> t.setEvent(event));
        int process = t.openProcess(t.pid(), Rights.SYNCHRONIZE, false);
        assertStatus(Status.ACCESS_DENIED, () -> t.getProcessInfo(process));
        assertStatus(Status.ACCESS_DENIED, () -> t.suspendProcess(process));
        assertFalse(t.compareObjects(event, process));
    }

    @Test
    public void closingEveryHandleGivesTheObjectsBack() throws Exception {
        int before = server.baseline();
        EmulatedProcess p = server.start("count");
        EmulatedThread t = p.mainThread();
        int event = t.createEvent(EVENT_ALL, false, true, false, "carafe-it-named").handle();
        assertTrue(t.createEvent(EVENT_ALL, false, true, false, "carafe-it-named").existed());
        t.openEvent(EVENT_ALL, false, "carafe-it-named");
        t.dupHandle(Protocol.CURRENT_PROCESS, event, Protocol.CURRENT_PROCESS, 0, 0,
                Flags.DUPLICATE_SAME_ACCESS);

        p.exit(0);

        server.awaitObjectCount(before);
    }
}

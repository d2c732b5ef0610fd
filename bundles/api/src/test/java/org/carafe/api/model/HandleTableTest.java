package org.carafe.api.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;
import org.junit.After;
import org.junit.Test;

public class HandleTableTest {
    private static final int INHERIT = Flags.HANDLE_FLAG_INHERIT;
    private static final int PROTECT = Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE;

    private final ModelFixture fixture = new ModelFixture();
    private final HandleTable table = new HandleTable();

    @After
    public void tearDown() {
        fixture.close();
    }

    @Test
    public void firstHandlesAreFourEightTwelve() {
        assertEquals(4, table.alloc(event(), 1, 0));
        assertEquals(8, table.alloc(event(), 1, 0));
        assertEquals(12, table.alloc(event(), 1, 0));
        assertEquals(3, table.count());
    }

    @Test
    public void lowestFreeSlotIsReused() {
        for (int i = 0; i < 5; i++) {
            table.alloc(event(), 1, 0);
        }

        assertEquals(Status.SUCCESS, table.close(16));
        assertEquals(Status.SUCCESS, table.close(8));

        assertEquals(8, table.alloc(event(), 1, 0));
        assertEquals(16, table.alloc(event(), 1, 0));
        assertEquals(24, table.alloc(event(), 1, 0));
    }

    @Test
    public void tableGrowsPastItsFirstCapacity() {
        for (int i = 1; i <= 100; i++) {
            assertEquals(i * 4, table.alloc(event(), 1, 0));
        }
        assertEquals(100, table.count());
    }

    @Test
    public void entryKeepsAccessAndOnlyTheHandleFlags() {
        Event event = event();
        int handle = table.alloc(event, 0x1234, INHERIT | PROTECT | 0x40);

        HandleEntry entry = table.entry(handle);
        assertSame(event, entry.object());
        assertEquals(0x1234, entry.access());
        assertEquals(INHERIT | PROTECT, entry.flags());
    }

    @Test
    public void handleHoldsAReferenceUntilClosed() {
        Event event = new Event(fixture.kernel, true, false);
        int handle = table.alloc(event, 1, 0);
        event.release();
        assertEquals(1, event.refCount());
        assertEquals(1, event.handleCount());
        int live = fixture.kernel.objectCount();

        assertEquals(Status.SUCCESS, table.close(handle));

        assertEquals(0, event.handleCount());
        assertEquals(live - 1, fixture.kernel.objectCount());
        assertNull(table.entry(handle));
    }

    @Test
    public void protectedHandleIsNotClosable() {
        int handle = table.alloc(event(), 1, PROTECT);

        assertEquals(Status.HANDLE_NOT_CLOSABLE, table.close(handle));

        assertEquals(1, table.count());
        table.entry(handle).setFlags(0);
        assertEquals(Status.SUCCESS, table.close(handle));
        assertEquals(0, table.count());
    }

    @Test
    public void badValuesAreInvalidHandles() {
        table.alloc(event(), 1, 0);

        assertEquals(Status.INVALID_HANDLE, table.close(0));
        assertEquals(Status.INVALID_HANDLE, table.close(5));
        assertEquals(Status.INVALID_HANDLE, table.close(8));
        assertEquals(Status.INVALID_HANDLE, table.close(0x40000));
        assertEquals(Status.INVALID_HANDLE, table.close(Protocol.PSEUDO_PROCESS));
        assertEquals(Status.INVALID_HANDLE, table.close(Protocol.PSEUDO_THREAD));
        assertEquals(1, table.count());
    }

    @Test
    public void copyInheritableKeepsValuesOfInheritableEntriesOnly() {
        Event first = event();
        Event second = event();
        Event third = event();
        table.alloc(first, 0x11, INHERIT);
        table.alloc(second, 0x22, 0);
        table.alloc(third, 0x33, INHERIT | PROTECT);

        HandleTable copy = table.copyInheritable();

        assertEquals(2, copy.count());
        assertSame(first, copy.entry(4).object());
        assertEquals(0x11, copy.entry(4).access());
        assertEquals(INHERIT, copy.entry(4).flags());
        assertNull(copy.entry(8));
        assertSame(third, copy.entry(12).object());
        assertEquals(0x33, copy.entry(12).access());
        assertEquals(INHERIT | PROTECT, copy.entry(12).flags());
        assertEquals(2, first.handleCount());
        assertEquals(1, second.handleCount());
        assertEquals(8, copy.alloc(event(), 1, 0));
    }

    @Test
    public void closeAllClosesProtectedHandlesAndRefusesNewOnes() {
        Event plain = new Event(fixture.kernel, true, false);
        Event kept = new Event(fixture.kernel, true, false);
        table.alloc(plain, 1, 0);
        table.alloc(kept, 1, PROTECT);
        kept.grab();
        plain.release();
        kept.release();

        table.closeAll();

        assertEquals(0, table.count());
        assertTrue(table.isClosed());
        assertEquals(0, kept.handleCount());
        assertEquals(1, kept.refCount());
        try {
            table.alloc(kept, 1, 0);
            fail("allocation in a closed table");
        } catch (StatusException e) {
            assertEquals(Status.PROCESS_IS_TERMINATING, e.status());
        }
    }

    /** An event that the test keeps a reference to, so closing handles never destroys it. */
    private Event event() {
        return new Event(fixture.kernel, true, false);
    }
}

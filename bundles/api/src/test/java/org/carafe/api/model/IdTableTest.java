package org.carafe.api.model;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class IdTableTest {
    private final IdTable ids = new IdTable();

    @Test
    public void idsAreMultiplesOfFourFromThirtyTwo() {
        assertEquals(0x20, ids.allocate());
        assertEquals(0x24, ids.allocate());
        assertEquals(0x28, ids.allocate());
    }

    @Test
    public void freedIdWaitsUntil256AreFreed() {
        for (int i = 0; i < 300; i++) {
            ids.allocate();
        }
        int next = 0x20 + 300 * 4;

        for (int i = 0; i < IdTable.REUSE_THRESHOLD - 1; i++) {
            ids.free(0x20 + i * 4);
        }
        assertEquals(next, ids.allocate());

        ids.free(0x20 + 255 * 4);
        assertEquals(0x20, ids.allocate());
        assertEquals(next + 4, ids.allocate());
    }

    @Test
    public void reusedIdsComeInTheOrderTheyWereFreed() {
        for (int i = 0; i < IdTable.REUSE_THRESHOLD + 2; i++) {
            ids.allocate();
        }
        ids.free(0x40);
        ids.free(0x24);
        for (int i = 0; i < IdTable.REUSE_THRESHOLD; i++) {
            ids.free(0x100 + i * 4);
        }

        assertEquals(0x40, ids.allocate());
        assertEquals(0x24, ids.allocate());
    }
}

package org.carafe.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

public class DirectPoolTest {
    @Test
    public void buffersComeInPowersOfTwoLimitedToTheLength() {
        DirectPool pool = new DirectPool(1 << 20);

        ByteBuffer b = pool.borrow(100_000);
        assertTrue(b.isDirect());
        assertEquals(128 * 1024, b.capacity());
        assertEquals(0, b.position());
        assertEquals(100_000, b.limit());
        assertEquals(64 * 1024, pool.borrow(1).capacity());
        assertEquals(1 << 20, DirectPool.sizeFor(1 << 20));
        assertEquals(2 << 20, DirectPool.sizeFor((1 << 20) + 1));
    }

    @Test
    public void aReturnedBufferIsLentAgainWithinTheIdleLimit() {
        DirectPool pool = new DirectPool(256 * 1024);
        ByteBuffer first = pool.borrow(200_000);
        first.position(7);
        pool.giveBack(first);
        assertEquals(256 * 1024, pool.idleBytes());

        ByteBuffer again = pool.borrow(150_000);
        assertSame(first, again);
        assertEquals(0, again.position());
        assertEquals(150_000, again.limit());
        assertEquals(0, pool.idleBytes());

        pool.giveBack(again);
        pool.giveBack(pool.borrow(70_000));
        assertEquals("over the idle limit: left to the collector", 256 * 1024,
                pool.idleBytes());
        assertNotSame(again, pool.borrow(70_000));
    }
}

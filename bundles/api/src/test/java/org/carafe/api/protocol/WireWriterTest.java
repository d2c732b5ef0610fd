package org.carafe.api.protocol;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;

import org.junit.Test;

public class WireWriterTest {
    @Test
    public void aPayloadEndsTheDataWithoutBeingCopiedIn() {
        ByteBuffer block = ByteBuffer.allocateDirect(3).put(new byte[] {7, 8, 9}).flip();
        WireWriter out = new WireWriter(4).u32(3).payload(block);

        assertEquals(7, out.size());
        assertEquals(4, out.head().remaining());
        assertSame(block, out.payload());
        assertArrayEquals(new byte[] {3, 0, 0, 0, 7, 8, 9}, out.toArray());
        assertEquals(7, out.toBuffer().remaining());
        assertEquals("the payload is not consumed by reading the data", 3, block.remaining());
    }

    @Test
    public void nothingMayFollowThePayloadAndClearDropsIt() {
        WireWriter out = new WireWriter().payload(ByteBuffer.allocate(2));

        assertThrows(IllegalStateException.class, () -> out.u32(1));
        assertThrows(IllegalStateException.class, () -> out.payload(ByteBuffer.allocate(1)));
        out.clear();
        assertNull(out.payload());
        assertEquals(4, out.u32(5).size());
    }
}

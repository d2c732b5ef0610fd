package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/** Unread replies are kept within budget; a client over budget loses its connection. */
public class OutboxTest {
    /** A socket whose peer never reads: it takes {@code room} bytes, then nothing. */
    private static final class StuckChannel implements WritableByteChannel {
        private int room;

        StuckChannel(int room) {
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(room, src.remaining());
            src.position(src.position() + n);
            room -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    public void unreadBytesAreChargedAndGivenBackOnFlush() {
        OutputBudget budget = new OutputBudget();
        StuckChannel channel = new StuckChannel(100);
        Outbox outbox = new Outbox(channel, budget);

        assertTrue(outbox.send(ByteBuffer.allocate(1000)));
        assertEquals(900, budget.total());
        assertTrue(outbox.hasPending());
        channel.room = Integer.MAX_VALUE;
        assertTrue(outbox.flush());

        assertEquals(0, budget.total());
        assertFalse(outbox.overflowed());
    }

    @Test
    public void aHandedOverBufferIsKeptAsItIsAndReportedDoneOnlyOnceWritten() {
        OutputBudget budget = new OutputBudget();
        StuckChannel channel = new StuckChannel(10);
        Outbox outbox = new Outbox(channel, budget);
        AtomicInteger done = new AtomicInteger();
        ByteBuffer payload = ByteBuffer.allocateDirect(100);

        assertTrue(outbox.send(payload, true, done::incrementAndGet));
        assertEquals("kept, not copied: its position shows what was written", 10,
                payload.position());
        assertEquals(0, done.get());
        channel.room = 50;
        assertFalse(outbox.flush());
        assertEquals(60, payload.position());
        assertEquals(0, done.get());
        channel.room = Integer.MAX_VALUE;
        assertTrue(outbox.flush());
        assertEquals(1, done.get());
        assertEquals(0, budget.total());

        assertFalse(outbox.send(ByteBuffer.allocate(5), true, done::incrementAndGet));
        assertEquals("written at once: done at once", 2, done.get());
    }

    @Test
    public void aHandedOverBufferDroppedWithItsConnectionIsReportedDone() {
        OutputBudget budget = new OutputBudget();
        Outbox outbox = new Outbox(new StuckChannel(0), budget);
        AtomicInteger done = new AtomicInteger();

        assertTrue(outbox.send(ByteBuffer.allocate(100), true, done::incrementAndGet));
        assertTrue(outbox.markClosed());
        assertEquals(1, done.get());
        assertFalse(outbox.send(ByteBuffer.allocate(100), true, done::incrementAndGet));
        assertEquals("sent after the close: dropped and done", 2, done.get());
        assertEquals(0, budget.total());
    }

    @Test
    public void aClientOverItsShareLosesTheConnectionNotTheServerItsMemory() {
        OutputBudget budget = new OutputBudget();
        Outbox outbox = new Outbox(new StuckChannel(0), budget);
        int chunk = 1 << 20;

        for (long sent = 0; sent + chunk <= OutputBudget.MAX_PER_CONNECTION; sent += chunk) {
            outbox.send(ByteBuffer.allocate(chunk));
        }
        assertFalse(outbox.overflowed());
        assertTrue(outbox.send(ByteBuffer.allocate(chunk)));

        assertTrue(outbox.overflowed());
        assertTrue(outbox.readyToClose());
        assertEquals(0, budget.total());
    }

    @Test
    public void theTotalIsSharedByAllConnections() {
        OutputBudget budget = new OutputBudget(OutputBudget.MIN_TOTAL);
        int share = (int) OutputBudget.MAX_PER_CONNECTION;
        long full = budget.maxTotal() / share;

        for (int i = 0; i < full; i++) {
            assertTrue(budget.take(0, share));
        }

        assertFalse(budget.take(0, 1));
        budget.give(share);
        assertTrue(budget.take(0, 1));
    }

    @Test
    public void oneReplyLargerThanTheShareIsKeptButNothingMayPileUpBehindIt() {
        OutputBudget budget = new OutputBudget();
        StuckChannel channel = new StuckChannel(0);
        Outbox outbox = new Outbox(channel, budget);
        int big = (int) OutputBudget.MAX_PER_CONNECTION * 4;

        assertTrue(outbox.send(ByteBuffer.allocate(big)));
        assertFalse(outbox.overflowed());
        assertEquals(big, budget.total());
        outbox.send(ByteBuffer.allocate(1));

        assertTrue(outbox.overflowed());
        assertEquals(0, budget.total());
    }

    @Test
    public void aLargeHeapReplyIsWrittenInSlices() {
        int[] largest = new int[1];
        WritableByteChannel channel = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                largest[0] = Math.max(largest[0], src.remaining());
                int n = src.remaining();
                src.position(src.limit());
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        Outbox outbox = new Outbox(channel, new OutputBudget());

        assertFalse(outbox.send(ByteBuffer.allocate(5 * Outbox.WRITE_SLICE + 3)));

        assertEquals(Outbox.WRITE_SLICE, largest[0]);
    }

    @Test
    public void pendingBytesAreTakenForASuccessorInOrderAndNothingIsWrittenAfter() {
        OutputBudget budget = new OutputBudget();
        StuckChannel channel = new StuckChannel(2);
        Outbox outbox = new Outbox(channel, budget);
        boolean[] done = new boolean[1];

        outbox.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        outbox.send(ByteBuffer.wrap(new byte[] {4, 5}), true, () -> done[0] = true);
        ByteBuffer taken = outbox.takePending();

        assertEquals(3, taken.remaining());
        assertEquals(3, taken.get());
        assertEquals(4, taken.get());
        assertEquals(5, taken.get());
        assertTrue("the handed-over buffer is done with", done[0]);
        assertEquals(0, budget.total());
        channel.room = Integer.MAX_VALUE;
        assertFalse(outbox.send(ByteBuffer.wrap(new byte[] {6})));
        assertEquals("nothing written after the take", Integer.MAX_VALUE, channel.room);
    }

    @Test
    public void nothingPendingIsTakenAsNull() {
        Outbox outbox = new Outbox(new StuckChannel(100), new OutputBudget());

        outbox.send(ByteBuffer.wrap(new byte[] {1}));

        assertNull(outbox.takePending());
    }
}

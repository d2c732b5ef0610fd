package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.carafe.api.protocol.Protocol;
import org.junit.Test;

/** The frame reader on streams cut at every awkward place. */
public class FrameReaderTest {
    /** Records what the reader cuts out. */
    private static final class Recorder implements FrameReader.Sink {
        final List<Integer> versions = new ArrayList<>();
        final List<Integer> codes = new ArrayList<>();
        final List<byte[]> data = new ArrayList<>();

        @Override
        public boolean hello(int version) {
            versions.add(version);
            return true;
        }

        @Override
        public boolean request(int code, ByteBuffer src, int offset, int size) {
            byte[] copy = new byte[size];
            src.get(offset, copy, 0, size);
            codes.add(code);
            data.add(copy);
            return true;
        }
    }

    private final Recorder sink = new Recorder();
    private final FrameReader reader = new FrameReader(() -> 100);

    @Test
    public void readsHelloAndFramesFromOneBuffer() {
        byte[] stream = concat(hello(), frame(11, 1, 2, 3, 4), frame(0));

        assertNull(reader.feed(buffer(stream), sink));

        assertEquals(List.of(Protocol.VERSION), sink.versions);
        assertEquals(List.of(11, 0), sink.codes);
        assertEquals(4, sink.data.get(0).length);
        assertEquals(0, sink.data.get(1).length);
        assertNull(reader.endOfStream());
    }

    @Test
    public void joinsHeadersSplitAnywhere() {
        byte[] stream = concat(hello(), frame(7, 9, 8), frame(12, 5));

        for (byte b : stream) {
            assertNull(reader.feed(buffer(new byte[] {b}), sink));
        }

        assertEquals(List.of(7, 12), sink.codes);
        assertEquals(9, sink.data.get(0)[0]);
        assertEquals(5, sink.data.get(1)[0]);
    }

    @Test
    public void joinsDataSplitAcrossReads() {
        byte[] payload = new byte[100];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        byte[] stream = concat(hello(), frame(3, payload));

        assertNull(reader.feed(buffer(Arrays.copyOf(stream, 30)), sink));
        assertTrue(sink.codes.isEmpty());
        assertNull(reader.feed(buffer(Arrays.copyOfRange(stream, 30, 90)), sink));
        assertTrue(sink.codes.isEmpty());
        assertNull(reader.feed(buffer(Arrays.copyOfRange(stream, 90, stream.length)),
                sink));

        assertEquals(List.of(3), sink.codes);
        assertEquals(99, sink.data.get(0)[99]);
    }

    @Test
    public void refusesASizeAboveTheLimitBeforeItsData() {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(11).putInt(101);

        String fault = reader.feed(buffer(concat(hello(), header.array())), sink);

        assertNotNull(fault);
        assertTrue(fault, fault.contains("101"));
        assertTrue(sink.codes.isEmpty());
        assertNull("the stream is ignored after a fault", reader.feed(buffer(frame(1)), sink));
        assertTrue(sink.codes.isEmpty());
    }

    @Test
    public void refusesANegativeSize() {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(11).putInt(-1);

        assertNotNull(reader.feed(buffer(concat(hello(), header.array())), sink));
    }

    @Test
    public void reportsAFrameTruncatedAtEndOfStream() {
        byte[] frame = frame(11, 1, 2, 3, 4);

        assertNull(reader.feed(buffer(concat(hello(), Arrays.copyOf(frame, 10))),
                sink));
        String fault = reader.endOfStream();

        assertNotNull(fault);
        assertTrue(fault, fault.contains("middle of a frame"));
        assertTrue(sink.codes.isEmpty());
    }

    @Test
    public void reportsATruncatedHeaderAtEndOfStream() {
        assertNull(reader.feed(buffer(concat(hello(), new byte[] {1, 0, 0})), sink));

        assertNotNull(reader.endOfStream());
    }

    @Test
    public void refusesAWrongMagic() {
        ByteBuffer hello = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        hello.putInt(0x12345678).putInt(Protocol.VERSION);

        String fault = reader.feed(buffer(hello.array()), sink);

        assertNotNull(fault);
        assertTrue(fault, fault.contains("magic"));
        assertTrue(sink.versions.isEmpty());
    }

    @Test
    public void stopsWhenTheSinkSaysSo() {
        FrameReader.Sink refusing = new FrameReader.Sink() {
            @Override
            public boolean hello(int version) {
                return false;
            }

            @Override
            public boolean request(int code, ByteBuffer src, int offset, int size) {
                throw new AssertionError("no request after a refused hello");
            }
        };

        assertNull(reader.feed(buffer(concat(hello(), frame(1))), refusing));
    }

    private static byte[] hello() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(Protocol.MAGIC).putInt(Protocol.VERSION);
        return b.array();
    }

    private static byte[] frame(int code, int... data) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) data[i];
        }
        return frame(code, bytes);
    }

    private static byte[] frame(int code, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(code).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts)
                .mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** A read buffer as the IO thread hands it over: big-endian until the reader sets it. */
    private static ByteBuffer buffer(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length + 16);
        b.put(bytes).flip();
        return b;
    }

    @Test
    public void aSuccessorReadsOnFromTheCarryWithoutAHello() {
        byte[] stream = concat(hello(), frame(7, 1, 2), frame(9, 3, 4, 5));
        reader.feed(buffer(Arrays.copyOf(stream, stream.length - 2)), sink);

        ByteBuffer carry = reader.takeCarry();
        FrameReader next = new FrameReader(() -> 100);
        next.helloAlreadyDone();
        Recorder after = new Recorder();
        assertNull(next.feed(carry, after));
        assertNull(next.feed(buffer(Arrays.copyOfRange(stream, stream.length - 2,
                stream.length)), after));

        assertEquals(List.of(7), sink.codes);
        assertEquals(List.of(9), after.codes);
        assertEquals(3, after.data.get(0).length);
        assertNull("nothing carried once taken", reader.takeCarry());
        assertTrue(after.versions.isEmpty());
    }

    @Test
    public void incompleteFramesBeyondTheByteBudgetAreAFaultAndGiveTheBytesBack() {
        ByteBudget budget = new ByteBudget(1000);
        FrameReader first = new FrameReader(() -> 100_000, budget);
        FrameReader second = new FrameReader(() -> 100_000, budget);
        byte[] big = concat(hello(), frame(7, new byte[900]));

        assertNull(first.feed(buffer(Arrays.copyOf(big, 800)), sink));
        String fault = second.feed(buffer(Arrays.copyOf(big, 800)), new Recorder());

        assertNotNull("the second client is over the budget", fault);
        assertTrue(fault, fault.contains("input budget"));
        assertTrue(budget.total() > 0 && budget.total() <= 1000);
        first.release();
        assertEquals(0, budget.total());
    }
}

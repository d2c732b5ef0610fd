package org.carafe.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the data of one request: u32, u64 and length-prefixed strings, little-endian, growing
 * as needed. The first {@value Protocol#HEADER_SIZE} bytes of the buffer are kept free for the
 * frame header, so a connection sends header and data with one write. Not thread-safe; a
 * connection's own writer ({@link CarafeConnection#writer()}) is reused for every request.
 */
public final class WireWriter {
    private static final int H = Protocol.HEADER_SIZE;
    private final boolean direct;
    private ByteBuffer buf;

    /** A heap writer with a small initial capacity. */
    public WireWriter() {
        this(64, false);
    }

    WireWriter(int capacity, boolean direct) {
        this.direct = direct;
        this.buf = allocate(Math.max(capacity, 16) + H);
        buf.position(H);
    }

    public WireWriter u32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    public WireWriter u64(long value) {
        ensure(8).putLong(value);
        return this;
    }

    /** A u32 byte length, then the UTF-8 bytes of {@code value} (null is written as ""). */
    public WireWriter str(String value) {
        if (value == null || value.isEmpty()) {
            return u32(0);
        }
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A u32 length, then the bytes. */
    public WireWriter bytes(byte[] value) {
        u32(value.length);
        return raw(value);
    }

    /** Bytes without a length prefix. */
    public WireWriter raw(byte[] value) {
        ensure(value.length).put(value);
        return this;
    }

    /** Number of data bytes written so far. */
    public int size() {
        return buf.position() - H;
    }

    /** Forgets the data written; returns this writer. */
    public WireWriter clear() {
        buf.limit(buf.capacity()).position(H);
        return this;
    }

    /** A copy of the data written (without the header space). */
    public byte[] toArray() {
        byte[] out = new byte[size()];
        buf.get(H, out);
        return out;
    }

    /**
     * Fills in the frame header and returns the buffer ready to be written (position 0, limit
     * at the end of the data). Call {@link #restore(int)} with the returned end afterwards.
     */
    ByteBuffer frame(int code) {
        int end = buf.position();
        buf.putInt(0, code).putInt(4, end - H);
        buf.flip();
        return buf;
    }

    /** Undoes {@link #frame(int)}: the data stays and may be sent again. */
    void restore(int end) {
        buf.limit(buf.capacity()).position(end);
    }

    private ByteBuffer ensure(int n) {
        if (buf.remaining() < n) {
            int capacity = Math.max(buf.capacity() * 2, buf.position() + n);
            ByteBuffer bigger = allocate(capacity);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        return buf;
    }

    private ByteBuffer allocate(int capacity) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }
}

package org.carafe.api.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the data of one request or reply, growing as needed. The layout mirrors
 * {@link WireReader}. Not thread-safe.
 */
public final class WireWriter {
    private ByteBuffer buf;

    public WireWriter() {
        this(64);
    }

    public WireWriter(int initialCapacity) {
        buf = ByteBuffer.allocate(initialCapacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    public WireWriter u32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    public WireWriter u64(long value) {
        ensure(8).putLong(value);
        return this;
    }

    public WireWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public WireWriter bytes(byte[] value) {
        u32(value.length);
        return raw(value);
    }

    /** Bytes without a length prefix. */
    public WireWriter raw(byte[] value) {
        ensure(value.length).put(value);
        return this;
    }

    /** Makes room for {@code bytes} more at once, so a large field is not copied as it grows. */
    public WireWriter reserve(int bytes) {
        ensure(bytes);
        return this;
    }

    public int size() {
        return buf.position();
    }

    /** Forgets everything written, e.g. when a request fails after filling part of a reply. */
    public void clear() {
        buf.clear();
    }

    /** A read-only view of what was written, positioned at 0. */
    public ByteBuffer toBuffer() {
        return buf.duplicate().flip().asReadOnlyBuffer();
    }

    public byte[] toArray() {
        byte[] out = new byte[buf.position()];
        buf.duplicate().flip().get(out);
        return out;
    }

    private ByteBuffer ensure(int n) {
        if (buf.remaining() < n) {
            int capacity = Math.max(buf.capacity() * 2, buf.position() + n);
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(buf.flip());
            buf = bigger;
        }
        return buf;
    }
}

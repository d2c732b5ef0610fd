package org.carafe.api.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the data of one request or reply, growing as needed. The layout mirrors
 * {@link WireReader}. A large block can end the data as a {@link #payload} that is sent as it
 * is, without being copied in. Not thread-safe.
 */
public final class WireWriter {
    private ByteBuffer buf;
    private ByteBuffer payload;
    private Runnable payloadSent;

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

    /**
     * Ends the data with the remaining bytes of {@code block}, without copying them: the
     * transport hands the buffer to the socket as it is (a direct buffer with no copy at all).
     * The buffer belongs to this writer from now on; nothing may be written after it.
     *
     * @since 1.2
     */
    public WireWriter payload(ByteBuffer block) {
        return payload(block, null);
    }

    /**
     * As {@link #payload(ByteBuffer)}; {@code sent} runs once the transport has written the
     * block or dropped it with its connection, so a pooled buffer can be reused from then on.
     * It runs on a server thread, at most once, and never if the reply is not sent at all (the
     * buffer is then left to the garbage collector).
     *
     * @since 1.2
     */
    public WireWriter payload(ByteBuffer block, Runnable sent) {
        if (payload != null) {
            throw new IllegalStateException("a payload is already set");
        }
        payload = block;
        payloadSent = sent;
        return this;
    }

    /** Makes room for {@code bytes} more at once, so a large field is not copied as it grows. */
    public WireWriter reserve(int bytes) {
        ensure(bytes);
        return this;
    }

    /** All the data: what was written and the payload. */
    public int size() {
        return buf.position() + (payload != null ? payload.remaining() : 0);
    }

    /**
     * Forgets everything written and the payload (without running its {@code sent}), e.g.
     * when a request fails half-way.
     */
    public void clear() {
        buf.clear();
        payload = null;
        payloadSent = null;
    }

    /** A read-only view of all the data, positioned at 0 (the payload copied in, if any). */
    public ByteBuffer toBuffer() {
        if (payload == null) {
            return head();
        }
        return ByteBuffer.wrap(toArray()).asReadOnlyBuffer();
    }

    public byte[] toArray() {
        byte[] out = new byte[size()];
        ByteBuffer head = head();
        int n = head.remaining();
        head.get(out, 0, n);
        if (payload != null) {
            payload.duplicate().get(out, n, payload.remaining());
        }
        return out;
    }

    /**
     * A read-only view of what was written before the payload, positioned at 0.
     *
     * @since 1.2
     */
    public ByteBuffer head() {
        return buf.duplicate().flip().asReadOnlyBuffer();
    }

    /**
     * The payload (its remaining bytes are the end of the data), or null.
     *
     * @since 1.2
     */
    public ByteBuffer payload() {
        return payload;
    }

    /**
     * What runs once the payload is written or dropped, or null.
     *
     * @since 1.2
     */
    public Runnable payloadSent() {
        return payloadSent;
    }

    private ByteBuffer ensure(int n) {
        if (payload != null) {
            throw new IllegalStateException("nothing may be written after the payload");
        }
        if (buf.remaining() < n) {
            int capacity = Math.max(buf.capacity() * 2, buf.position() + n);
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(buf.flip());
            buf = bigger;
        }
        return buf;
    }
}

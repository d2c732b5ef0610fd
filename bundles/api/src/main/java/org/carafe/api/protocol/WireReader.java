package org.carafe.api.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one request's or reply's data: u32, u64, and strings and byte blocks
 * prefixed by their u32 length. Not thread-safe; one reader per frame.
 */
public final class WireReader {
    private final ByteBuffer buf;

    public WireReader(ByteBuffer data) {
        this.buf = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public WireReader(byte[] data) {
        this(ByteBuffer.wrap(data));
    }

    public int u32() {
        need(4, "u32");
        return buf.getInt();
    }

    public long u64() {
        need(8, "u64");
        return buf.getLong();
    }

    /** A u32 length followed by that many UTF-8 bytes. */
    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** A u32 length followed by that many bytes. */
    public byte[] bytes() {
        int len = u32();
        if (len < 0 || len > buf.remaining()) {
            throw new WireFormatException("length " + Integer.toUnsignedString(len)
                    + " exceeds the " + buf.remaining() + " bytes left");
        }
        byte[] out = new byte[len];
        buf.get(out);
        return out;
    }

    /** Everything not read yet, without a length prefix. */
    public byte[] rest() {
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    public int remaining() {
        return buf.remaining();
    }

    private void need(int n, String what) {
        if (buf.remaining() < n) {
            throw new WireFormatException("data ends before a " + what + " field");
        }
    }
}

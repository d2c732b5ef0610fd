package org.carafe.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one reply's data in order: u32, u64 and length-prefixed strings,
 * little-endian. A reader handed out by a connection looks into the connection's receive
 * buffer and is valid only until the next request on that connection. Not thread-safe.
 */
public final class WireReader {
    private final ByteBuffer buf;
    private int pos;
    private final int end;

    /** Reads {@code data} from its position to its limit (the buffer is not modified). */
    public WireReader(ByteBuffer data) {
        this(data.duplicate().order(ByteOrder.LITTLE_ENDIAN), data.position(), data.limit());
    }

    public WireReader(byte[] data) {
        this(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN), 0, data.length);
    }

    /** {@code buf} must be little-endian; reads absolute indexes [start, end). */
    WireReader(ByteBuffer buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    public int u32() {
        need(4, "u32");
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    public long u64() {
        need(8, "u64");
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    /** A u32 as a boolean (non-zero is true). */
    public boolean bool() {
        return u32() != 0;
    }

    /** A u32 byte length, then that many UTF-8 bytes. */
    public String str() {
        int len = length();
        if (len == 0) {
            return "";
        }
        byte[] b = new byte[len];
        buf.get(pos, b);
        pos += len;
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A u32 length, then that many bytes. */
    public byte[] bytes() {
        int len = length();
        byte[] b = new byte[len];
        buf.get(pos, b);
        pos += len;
        return b;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return end - pos;
    }

    private int length() {
        int len = u32();
        if (len < 0 || len > end - pos) {
            throw new WireFormatException("length " + Integer.toUnsignedString(len)
                    + " exceeds the " + (end - pos) + " bytes left");
        }
        return len;
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw new WireFormatException("data ends before a " + what + " field");
        }
    }
}

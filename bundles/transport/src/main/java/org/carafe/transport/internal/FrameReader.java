package org.carafe.transport.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntSupplier;

import org.carafe.api.protocol.Protocol;

/**
 * Cuts one connection's byte stream into the hello and request frames. Bytes of an incomplete
 * hello or frame are kept in a small carry buffer until the rest arrives; the buffer goes away
 * once empty if it grew large. Confined to the IO thread (or a test).
 */
final class FrameReader {
    /** Receives what the reader cuts out; return false to stop reading the stream. */
    interface Sink {
        /** The client's hello had the right magic; {@code version} is the client's. */
        boolean hello(int version);

        /**
         * A complete request: its data is {@code size} bytes of {@code src} from {@code offset}
         * (absolute), valid only during the call.
         */
        boolean request(int code, ByteBuffer src, int offset, int size);
    }

    private static final int CARRY_KEEP = 4096;

    private final IntSupplier maxRequestBytes;
    private final ByteBudget budget;
    private ByteBuffer carry;
    private boolean helloDone;
    private boolean stopped;

    FrameReader(IntSupplier maxRequestBytes) {
        this(maxRequestBytes, new ByteBudget(Long.MAX_VALUE));
    }

    /** A reader whose carry buffer is charged to {@code budget}. */
    FrameReader(IntSupplier maxRequestBytes, ByteBudget budget) {
        this.maxRequestBytes = maxRequestBytes;
        this.budget = budget;
    }

    /**
     * Consumes every readable byte of {@code src} (read mode; its byte order becomes
     * little-endian) and calls the sink for each complete unit. Returns the reason of a protocol
     * fault, after which the reader ignores the stream, or null.
     */
    String feed(ByteBuffer src, Sink sink) {
        if (stopped) {
            src.position(src.limit());
            return null;
        }
        src.order(ByteOrder.LITTLE_ENDIAN);
        if (carry == null || carry.position() == 0) {
            String fault = parse(src, sink);
            if (src.hasRemaining() && !stopped && !stash(src)) {
                return overBudget();
            }
            return fault;
        }

        if (!stash(src)) {
            return overBudget();
        }
        carry.flip();
        String fault = parse(carry, sink);
        carry.compact();
        if (carry.position() == 0 && carry.capacity() > CARRY_KEEP) {
            release();
        }
        return fault;
    }

    /** Gives the carry buffer back to the budget (the connection closes, or it is empty). */
    void release() {
        if (carry != null) {
            budget.give(carry.capacity());
            carry = null;
        }
    }

    private String overBudget() {
        stopped = true;
        release();
        return "incomplete frames of all clients hold more than " + budget.maxTotal()
                + " bytes (input budget)";
    }

    /** The peer closed its side: the fault if it left inside the hello or a frame, else null. */
    String endOfStream() {
        int partial = carry != null ? carry.position() : 0;
        if (stopped || partial == 0) {
            return null;
        }
        stopped = true;
        return "connection closed in the middle of " + (helloDone ? "a frame" : "the hello")
                + " (" + partial + " bytes of it received)";
    }

    /**
     * Takes the bytes of an incomplete hello or frame, for a successor to feed first; they
     * are no longer this reader's. Null when there are none.
     */
    ByteBuffer takeCarry() {
        if (carry == null || carry.position() == 0) {
            return null;
        }
        carry.flip();
        ByteBuffer out = carry;
        release();
        return out;
    }

    /** The hello was read by a departing revision: the stream goes on with frames. */
    void helloAlreadyDone() {
        helloDone = true;
    }

    /** Whether the hello has been read. */
    boolean helloDone() {
        return helloDone;
    }

    private String parse(ByteBuffer in, Sink sink) {
        while (!stopped) {
            int pos = in.position();
            int avail = in.remaining();
            if (avail < (helloDone ? Protocol.REQUEST_HEADER_SIZE : Protocol.HELLO_SIZE)) {
                return null;
            }
            if (!helloDone) {
                helloDone = true;
                in.position(pos + Protocol.HELLO_SIZE);
                int magic = in.getInt(pos);
                if (magic != Protocol.MAGIC) {
                    stopped = true;
                    return String.format("wrong hello magic 0x%08X", magic);
                }
                stopped = !sink.hello(in.getInt(pos + 4));
                continue;
            }

            int code = in.getInt(pos);
            int size = in.getInt(pos + 4);
            int max = maxRequestBytes.getAsInt();
            if (size < 0 || size > max) {
                stopped = true;
                return "request size " + Integer.toUnsignedString(size) + " above the limit of "
                        + max + " bytes";
            }
            if (avail - Protocol.REQUEST_HEADER_SIZE < size) {
                return null;
            }
            in.position(pos + Protocol.REQUEST_HEADER_SIZE + size);
            stopped = !sink.request(code, in, pos + Protocol.REQUEST_HEADER_SIZE, size);
        }
        return null;
    }

    /**
     * Appends the rest of {@code src} to the carry buffer (write mode), growing it; false if
     * the budget refuses the growth.
     */
    private boolean stash(ByteBuffer src) {
        int need = src.remaining();
        int used = carry != null ? carry.position() : 0;
        if (carry == null || carry.remaining() < need) {
            // once its header is in, the pending frame gets its whole size at once: no
            // doubling, so a large frame never needs twice its size while it grows
            int capacity = Math.max(Math.max(used + need, 256), pendingFrameLength(src, used));
            int more = capacity - (carry != null ? carry.capacity() : 0);
            if (!budget.take(more)) {
                return false;
            }
            ByteBuffer bigger;
            try {
                bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            } catch (OutOfMemoryError e) {
                // a client's frame the heap cannot hold: that client goes, not the server
                budget.give(more);
                return false;
            }
            if (carry != null) {
                carry.flip();
                bigger.put(carry);
            }
            carry = bigger;
        }
        carry.put(src);
        return true;
    }

    /**
     * The length (header and data) of the frame that the carried bytes, then {@code src},
     * begin with, once its header is there; 0 before that or before the hello.
     */
    private int pendingFrameLength(ByteBuffer src, int used) {
        if (!helloDone || used + src.remaining() < Protocol.REQUEST_HEADER_SIZE) {
            return 0;
        }
        int size = 0;
        for (int i = 7; i >= 4; i--) {
            byte b = i < used ? carry.get(i) : src.get(src.position() + i - used);
            size = size << 8 | b & 0xFF;
        }
        return size < 0 || size > maxRequestBytes.getAsInt() ? 0
                : Protocol.REQUEST_HEADER_SIZE + size;
    }
}

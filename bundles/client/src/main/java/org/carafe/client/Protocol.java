package org.carafe.client;

/**
 * Framing constants of the Carafe wire protocol (version {@value #VERSION}), as described in
 * {@code docs/protocol.md}. All integers on the wire are little-endian.
 */
public final class Protocol {
    /** "CRFE" read as a little-endian u32; first field of both hellos. */
    public static final int MAGIC = 0x45465243;
    /** The protocol version this client speaks. */
    public static final int VERSION = 1;
    /** Size of a request header (code, size) and of a reply header (status, size). */
    public static final int HEADER_SIZE = 8;

    /** Pseudo handle naming the caller's own process. */
    public static final int CURRENT_PROCESS = 0xFFFFFFFF;
    /** Pseudo handle naming the caller's own thread. */
    public static final int CURRENT_THREAD = 0xFFFFFFFE;

    /** Exit code of a process or thread that is still running. */
    public static final int STILL_ACTIVE = 259;
    /** Timeout meaning "wait forever". */
    public static final long INFINITE = -1;

    /** init_thread kind: the emulated process lives in the peer's own process. */
    public static final int KIND_EMBEDDED = 0;
    /** init_thread kind: the emulated process stands for a real Linux process. */
    public static final int KIND_OWNED = 1;

    private Protocol() {
    }
}

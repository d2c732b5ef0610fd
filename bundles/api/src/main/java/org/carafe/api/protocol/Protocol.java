package org.carafe.api.protocol;

/**
 * Framing constants of the Carafe protocol; {@code docs/protocol.md} describes the layouts.
 *
 * <p>Every integer on the wire is little-endian. A connection opens with a hello from the client
 * ({@link #MAGIC}, {@link #VERSION}) answered by the server's hello (magic, version, status,
 * message). Then each request is a {@link #REQUEST_HEADER_SIZE}-byte header (code, data size)
 * followed by its data, and each reply a {@link #REPLY_HEADER_SIZE}-byte header (status, data
 * size) followed by its data.
 */
public final class Protocol {
    /** "CRFE" read as a little-endian u32. */
    public static final int MAGIC = 0x45465243;
    /** Bumped on every incompatible change of a layout or of the request table. */
    public static final int VERSION = 1;

    public static final int HELLO_SIZE = 8;
    public static final int REQUEST_HEADER_SIZE = 8;
    public static final int REPLY_HEADER_SIZE = 8;

    /** Default upper bound of a request's data; larger sizes are a protocol fault. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

    public static final int PSEUDO_PROCESS = 0xFFFFFFFF;
    public static final int PSEUDO_THREAD = 0xFFFFFFFE;
    /** The "no handle" value in replies (e.g. no init event). */
    public static final int NO_HANDLE = 0;

    /** Exit code of a process or thread that has not ended (same value as STATUS_PENDING). */
    public static final int STILL_ACTIVE = 259;
    /** Timeout value meaning "wait forever", in milliseconds. */
    public static final long INFINITE = -1;

    /** init_thread kind: the peer's JVM hosts the emulated process, never signal it. */
    public static final int KIND_EMBEDDED = 0;
    /** init_thread kind: the emulated process owns a Linux process (e.g. carafe run). */
    public static final int KIND_OWNED = 1;

    private Protocol() {
    }
}

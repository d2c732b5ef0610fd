package org.carafe.api.protocol;

import java.util.Map;
import java.util.TreeMap;

/**
 * NTSTATUS values Carafe replies with, and their names for messages. Values are the Windows
 * ones; only the codes the server produces are listed.
 */
public final class Status {
    public static final int SUCCESS = 0;
    public static final int TIMEOUT = 0x102;
    public static final int PENDING = 0x103;
    public static final int OBJECT_NAME_EXISTS = 0x40000000;
    public static final int PARTIAL_COPY = 0x8000000D;
    public static final int NO_MORE_ENTRIES = 0x8000001A;
    public static final int NOT_IMPLEMENTED = 0xC0000002;
    public static final int INVALID_HANDLE = 0xC0000008;
    public static final int INVALID_CID = 0xC000000B;
    public static final int INVALID_PARAMETER = 0xC000000D;
    public static final int ACCESS_DENIED = 0xC0000022;
    public static final int BUFFER_TOO_SMALL = 0xC0000023;
    public static final int OBJECT_TYPE_MISMATCH = 0xC0000024;
    public static final int OBJECT_NAME_NOT_FOUND = 0xC0000034;
    public static final int OBJECT_NAME_COLLISION = 0xC0000035;
    public static final int SUSPEND_COUNT_EXCEEDED = 0xC000004A;
    public static final int THREAD_IS_TERMINATING = 0xC000004B;
    public static final int REVISION_MISMATCH = 0xC0000059;
    public static final int INSUFFICIENT_RESOURCES = 0xC000009A;
    public static final int INTERNAL_ERROR = 0xC00000E5;
    public static final int PROCESS_IS_TERMINATING = 0xC000010A;
    public static final int NOT_SAME_OBJECT = 0xC00001AC;
    public static final int HANDLE_NOT_CLOSABLE = 0xC0000235;
    public static final int DEBUGGER_INACTIVE = 0xC0000354;

    private static final Map<Integer, String> NAMES = new TreeMap<>();

    static {
        for (var field : Status.class.getFields()) {
            if (field.getType() == int.class) {
                try {
                    NAMES.put(field.getInt(null), "STATUS_" + field.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    private Status() {
    }

    /** The symbolic name, e.g. {@code STATUS_ACCESS_DENIED}, or the hex value if unknown. */
    public static String name(int status) {
        String name = NAMES.get(status);
        return name != null ? name : String.format("STATUS_0x%08X", status);
    }

    /** {@code STATUS_ACCESS_DENIED (0xC0000022)}: the form used in messages. */
    public static String describe(int status) {
        return String.format("%s (0x%08X)", name(status), status);
    }

    /** True for the error severity (top two bits set), false for success and warnings. */
    public static boolean isError(int status) {
        return (status & 0xC0000000) == 0xC0000000;
    }
}

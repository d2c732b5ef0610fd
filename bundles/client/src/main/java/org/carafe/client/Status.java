package org.carafe.client;

import java.util.HashMap;
import java.util.Map;

/**
 * NTSTATUS values the Carafe protocol uses, with their names for messages. Severity follows
 * Windows: the top two bits set ({@code 0xC...}) is an error, which carries no reply data.
 */
public final class Status {
    public static final int SUCCESS = 0x00000000;
    public static final int TIMEOUT = 0x00000102;
    public static final int PENDING = 0x00000103;
    public static final int OBJECT_NAME_EXISTS = 0x40000000;
    public static final int PARTIAL_COPY = 0x8000000D;
    public static final int NO_MORE_ENTRIES = 0x8000001A;
    public static final int NOT_IMPLEMENTED = 0xC0000002;
    public static final int INVALID_HANDLE = 0xC0000008;
    public static final int INVALID_CID = 0xC000000B;
    public static final int INVALID_PARAMETER = 0xC000000D;
    public static final int ACCESS_DENIED = 0xC0000022;
    public static final int OBJECT_TYPE_MISMATCH = 0xC0000024;
    public static final int OBJECT_NAME_NOT_FOUND = 0xC0000034;
    public static final int SUSPEND_COUNT_EXCEEDED = 0xC000004A;
    public static final int THREAD_IS_TERMINATING = 0xC000004B;
    public static final int REVISION_MISMATCH = 0xC0000059;
    public static final int INSUFFICIENT_RESOURCES = 0xC000009A;
    public static final int INTERNAL_ERROR = 0xC00000E5;
    public static final int PROCESS_IS_TERMINATING = 0xC000010A;
    public static final int NOT_SAME_OBJECT = 0xC00001AC;
    public static final int HANDLE_NOT_CLOSABLE = 0xC0000235;
    public static final int DEBUGGER_INACTIVE = 0xC0000354;

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        NAMES.put(SUCCESS, "STATUS_SUCCESS");
        NAMES.put(TIMEOUT, "STATUS_TIMEOUT");
        NAMES.put(PENDING, "STATUS_PENDING");
        NAMES.put(OBJECT_NAME_EXISTS, "STATUS_OBJECT_NAME_EXISTS");
        NAMES.put(PARTIAL_COPY, "STATUS_PARTIAL_COPY");
        NAMES.put(NO_MORE_ENTRIES, "STATUS_NO_MORE_ENTRIES");
        NAMES.put(NOT_IMPLEMENTED, "STATUS_NOT_IMPLEMENTED");
        NAMES.put(INVALID_HANDLE, "STATUS_INVALID_HANDLE");
        NAMES.put(INVALID_CID, "STATUS_INVALID_CID");
        NAMES.put(INVALID_PARAMETER, "STATUS_INVALID_PARAMETER");
        NAMES.put(ACCESS_DENIED, "STATUS_ACCESS_DENIED");
        NAMES.put(OBJECT_TYPE_MISMATCH, "STATUS_OBJECT_TYPE_MISMATCH");
        NAMES.put(OBJECT_NAME_NOT_FOUND, "STATUS_OBJECT_NAME_NOT_FOUND");
        NAMES.put(SUSPEND_COUNT_EXCEEDED, "STATUS_SUSPEND_COUNT_EXCEEDED");
        NAMES.put(THREAD_IS_TERMINATING, "STATUS_THREAD_IS_TERMINATING");
        NAMES.put(REVISION_MISMATCH, "STATUS_REVISION_MISMATCH");
        NAMES.put(INSUFFICIENT_RESOURCES, "STATUS_INSUFFICIENT_RESOURCES");
        NAMES.put(INTERNAL_ERROR, "STATUS_INTERNAL_ERROR");
        NAMES.put(PROCESS_IS_TERMINATING, "STATUS_PROCESS_IS_TERMINATING");
        NAMES.put(NOT_SAME_OBJECT, "STATUS_NOT_SAME_OBJECT");
        NAMES.put(HANDLE_NOT_CLOSABLE, "STATUS_HANDLE_NOT_CLOSABLE");
        NAMES.put(DEBUGGER_INACTIVE, "STATUS_DEBUGGER_INACTIVE");
    }

    private Status() {
    }

    /** True for error statuses (severity bits 11), which carry no reply data. */
    public static boolean isError(int status) {
        return (status >>> 30) == 3;
    }

    /** The status's name such as {@code STATUS_INVALID_CID}, or null if unknown. */
    public static String name(int status) {
        return NAMES.get(status);
    }

    /** The status as hex, {@code 0xC000000B}. */
    public static String hex(int status) {
        return String.format("0x%08X", status);
    }

    /** Name and value, {@code STATUS_INVALID_CID (0xC000000B)}; just the hex if unknown. */
    public static String format(int status) {
        String name = NAMES.get(status);
        return name == null ? hex(status) : name + " (" + hex(status) + ")";
    }
}

package org.carafe.client;

/**
 * Flag values of the protocol: process creation, startup, handle flags, dup_handle options,
 * snapshot kinds, info masks, select and event operations.
 */
public final class Flags {
    public static final int DEBUG_PROCESS = 0x1;
    public static final int DEBUG_ONLY_THIS_PROCESS = 0x2;
    public static final int CREATE_SUSPENDED = 0x4;
    public static final int DETACHED_PROCESS = 0x8;
    public static final int CREATE_NEW_CONSOLE = 0x10;

    public static final int STARTF_USESTDHANDLES = 0x100;

    public static final int HANDLE_FLAG_INHERIT = 0x1;
    public static final int HANDLE_FLAG_PROTECT_FROM_CLOSE = 0x2;

    public static final int DUPLICATE_CLOSE_SOURCE = 0x1;
    public static final int DUPLICATE_SAME_ACCESS = 0x2;
    public static final int DUPLICATE_SAME_ATTRIBUTES = 0x4;

    public static final int SNAP_PROCESS = 0x1;
    public static final int SNAP_THREAD = 0x2;
    public static final int SNAP_MODULE = 0x4;

    /** set_process_info / set_thread_info mask bits. */
    public static final int SET_PRIORITY = 0x1;
    public static final int SET_AFFINITY = 0x2;

    /** select flag: wait until all objects are signaled. */
    public static final int SELECT_ALL = 0x1;

    public static final int EVENT_SET = 0;
    public static final int EVENT_RESET = 1;
    public static final int EVENT_PULSE = 2;

    private Flags() {
    }
}

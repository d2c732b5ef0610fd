package org.carafe.client;

/** Access rights with their Windows values (protocol.md section 9). */
public final class Rights {
    public static final int SYNCHRONIZE = 0x100000;

    public static final int PROCESS_TERMINATE = 0x1;
    public static final int PROCESS_CREATE_THREAD = 0x2;
    public static final int PROCESS_VM_OPERATION = 0x8;
    public static final int PROCESS_VM_READ = 0x10;
    public static final int PROCESS_VM_WRITE = 0x20;
    public static final int PROCESS_DUP_HANDLE = 0x40;
    public static final int PROCESS_CREATE_PROCESS = 0x80;
    public static final int PROCESS_SET_INFORMATION = 0x200;
    public static final int PROCESS_QUERY_INFORMATION = 0x400;
    public static final int PROCESS_SUSPEND_RESUME = 0x800;
    public static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
    public static final int PROCESS_ALL_ACCESS = 0x1FFFFF;

    public static final int THREAD_TERMINATE = 0x1;
    public static final int THREAD_SUSPEND_RESUME = 0x2;
    public static final int THREAD_SET_INFORMATION = 0x20;
    public static final int THREAD_QUERY_INFORMATION = 0x40;
    public static final int THREAD_ALL_ACCESS = 0x1FFFFF;

    public static final int EVENT_QUERY_STATE = 0x1;
    public static final int EVENT_MODIFY_STATE = 0x2;
    public static final int EVENT_ALL_ACCESS = 0x1F0003;

    private Rights() {
    }
}

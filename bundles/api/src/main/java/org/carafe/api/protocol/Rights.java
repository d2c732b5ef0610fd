package org.carafe.api.protocol;

/** Access rights of handles, with the Windows values. */
public final class Rights {
    public static final int SYNCHRONIZE = 0x100000;
    public static final int STANDARD_RIGHTS_REQUIRED = 0xF0000;
    public static final int GENERIC_READ = 0x80000000;
    public static final int GENERIC_WRITE = 0x40000000;

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
    public static final int PROCESS_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF;

    public static final int THREAD_TERMINATE = 0x1;
    public static final int THREAD_SUSPEND_RESUME = 0x2;
    public static final int THREAD_SET_INFORMATION = 0x20;
    public static final int THREAD_QUERY_INFORMATION = 0x40;
    public static final int THREAD_QUERY_LIMITED_INFORMATION = 0x800;
    public static final int THREAD_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF;

    public static final int EVENT_QUERY_STATE = 0x1;
    public static final int EVENT_MODIFY_STATE = 0x2;
    public static final int EVENT_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x3;

    /** Rights a pseudo handle carries, and SAME_ACCESS copies from one. */
    public static final int ALL = 0x1FFFFF;

    private Rights() {
    }
}

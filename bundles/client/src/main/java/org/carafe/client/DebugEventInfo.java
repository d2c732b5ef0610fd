package org.carafe.client;

import java.util.List;

/**
 * Reply of {@code wait_debug_event}: the event's code (1..8, 0 on a timeout), its process and
 * thread ids, the handles it gave the debugger (0 when none) and its data, decoded by the
 * accessors of its code. Immutable.
 */
public record DebugEventInfo(int status, int code, int pid, int tid, int processHandle,
        int threadHandle, byte[] data) {
    public static final int EXCEPTION = 1;
    public static final int CREATE_THREAD = 2;
    public static final int CREATE_PROCESS = 3;
    public static final int EXIT_THREAD = 4;
    public static final int EXIT_PROCESS = 5;
    public static final int LOAD_DLL = 6;
    public static final int UNLOAD_DLL = 7;
    public static final int OUTPUT_DEBUG_STRING = 8;

    /** Continue statuses for continue_debug_event. */
    public static final int DBG_CONTINUE = 0x00010002;
    public static final int DBG_EXCEPTION_HANDLED = 0x00010001;
    public static final int DBG_EXCEPTION_NOT_HANDLED = 0x80010001;

    private static final List<String> NAMES = List.of("NONE", "EXCEPTION", "CREATE_THREAD",
            "CREATE_PROCESS", "EXIT_THREAD", "EXIT_PROCESS", "LOAD_DLL", "UNLOAD_DLL",
            "OUTPUT_DEBUG_STRING");

    /** True when the wait timed out (no event). */
    public boolean timedOut() {
        return status == Status.TIMEOUT;
    }

    /** The name of the code, e.g. {@code EXIT_PROCESS}. */
    public String codeName() {
        return code >= 0 && code < NAMES.size() ? NAMES.get(code) : "EVENT_" + code;
    }

    /** EXIT_THREAD, EXIT_PROCESS: the exit code; EXCEPTION: the exception code. */
    public int value() {
        return new WireReader(data).u32();
    }

    /** EXCEPTION: the address; LOAD_DLL, UNLOAD_DLL: the module base. */
    public long address() {
        WireReader r = new WireReader(data);
        if (code == EXCEPTION) {
            r.u32();
        }
        return r.u64();
    }

    /** EXCEPTION: whether it is the first chance. */
    public boolean firstChance() {
        WireReader r = new WireReader(data);
        r.u32();
        r.u64();
        return r.bool();
    }

    /** LOAD_DLL: the module size. */
    public long size() {
        WireReader r = new WireReader(data);
        r.u64();
        return r.u64();
    }

    /** CREATE_PROCESS: the command; LOAD_DLL: the module name; OUTPUT_DEBUG_STRING: text. */
    public String text() {
        WireReader r = new WireReader(data);
        if (code == LOAD_DLL) {
            r.u64();
            r.u64();
        }
        return r.str();
    }

    /** One line: name, ids and the details of the code, e.g. {@code EXIT_PROCESS pid=40 ...}. */
    public String describe() {
        String head = String.format("%s pid=%d tid=%d", codeName(), pid, tid);
        switch (code) {
            case EXCEPTION:
                return String.format("%s code=0x%08X address=0x%x first_chance=%d", head,
                        value(), address(), firstChance() ? 1 : 0);
            case CREATE_PROCESS:
                return head + " command=\"" + text() + "\"";
            case EXIT_THREAD:
            case EXIT_PROCESS:
                return head + " exit_code=" + value();
            case LOAD_DLL:
                return String.format("%s base=0x%x size=%d name=\"%s\"", head, address(),
                        size(), text());
            case UNLOAD_DLL:
                return String.format("%s base=0x%x", head, address());
            case OUTPUT_DEBUG_STRING:
                return head + " text=\"" + text() + "\"";
            default:
                return head;
        }
    }
}

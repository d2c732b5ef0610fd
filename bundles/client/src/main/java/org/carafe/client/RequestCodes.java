package org.carafe.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed request name-to-code table of protocol version 1. Requests not listed here are
 * resolved at run time with {@code get_request_code} (see {@link CarafeConnection#code}).
 */
public final class RequestCodes {
    /** Code 0: learn the code of a request by name. */
    public static final int GET_REQUEST_CODE = 0;

    /** Built-in names; each one's code is its index. */
    public static final List<String> BUILT_IN = List.of(
            "get_request_code",
            "init_thread", "new_process", "init_process", "wait_process", "init_process_done",
            "new_thread", "terminate_process", "terminate_thread", "open_process",
            "open_thread", "get_process_info", "set_process_info", "get_thread_info",
            "set_thread_info", "suspend_thread", "resume_thread", "suspend_process",
            "resume_process", "load_dll", "unload_dll", "wait_input_idle",
            "create_snapshot", "next_process", "next_thread", "next_module",
            "list_processes", "list_handles",
            "close_handle", "set_handle_info", "dup_handle", "compare_objects",
            "get_object_info", "select", "create_event", "open_event", "event_op",
            "read_process_memory", "write_process_memory", "list_memory_regions",
            "alloc_console", "free_console", "open_console", "get_console_mode",
            "set_console_mode", "get_console_info", "set_console_info",
            "write_console_input", "read_console_input", "write_console_output",
            "read_console_output",
            "debug_process", "wait_debug_event", "continue_debug_event", "exception_event",
            "output_debug_string", "set_debugger_kill_on_exit",
            "list_handlers");

    public static final int INIT_THREAD = 1;
    public static final int NEW_PROCESS = 2;
    public static final int INIT_PROCESS = 3;
    public static final int WAIT_PROCESS = 4;
    public static final int INIT_PROCESS_DONE = 5;
    public static final int NEW_THREAD = 6;
    public static final int TERMINATE_PROCESS = 7;
    public static final int TERMINATE_THREAD = 8;
    public static final int OPEN_PROCESS = 9;
    public static final int OPEN_THREAD = 10;
    public static final int GET_PROCESS_INFO = 11;
    public static final int SET_PROCESS_INFO = 12;
    public static final int GET_THREAD_INFO = 13;
    public static final int SET_THREAD_INFO = 14;
    public static final int SUSPEND_THREAD = 15;
    public static final int RESUME_THREAD = 16;
    public static final int SUSPEND_PROCESS = 17;
    public static final int RESUME_PROCESS = 18;
    public static final int LOAD_DLL = 19;
    public static final int UNLOAD_DLL = 20;
    public static final int WAIT_INPUT_IDLE = 21;
    public static final int CREATE_SNAPSHOT = 22;
    public static final int NEXT_PROCESS = 23;
    public static final int NEXT_THREAD = 24;
    public static final int NEXT_MODULE = 25;
    public static final int LIST_PROCESSES = 26;
    public static final int LIST_HANDLES = 27;
    public static final int CLOSE_HANDLE = 28;
    public static final int SET_HANDLE_INFO = 29;
    public static final int DUP_HANDLE = 30;
    public static final int COMPARE_OBJECTS = 31;
    public static final int GET_OBJECT_INFO = 32;
    public static final int SELECT = 33;
    public static final int CREATE_EVENT = 34;
    public static final int OPEN_EVENT = 35;
    public static final int EVENT_OP = 36;

    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        for (int i = 0; i < BUILT_IN.size(); i++) {
            CODES.put(BUILT_IN.get(i), i);
        }
    }

    private RequestCodes() {
    }

    /** The fixed code of a built-in request, or -1 for a name to resolve at run time. */
    public static int builtIn(String name) {
        Integer code = CODES.get(name);
        return code == null ? -1 : code;
    }

    /** The name of a fixed code, or null. */
    public static String name(int code) {
        return code >= 0 && code < BUILT_IN.size() ? BUILT_IN.get(code) : null;
    }
}

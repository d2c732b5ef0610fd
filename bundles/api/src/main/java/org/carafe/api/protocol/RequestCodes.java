package org.carafe.api.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed part of the request name-to-code table. Code 0 is {@code get_request_code}, which
 * any client may send to learn the code of a request by name; codes of requests added by third
 * parties are handed out at run time from {@link #FIRST_DYNAMIC_CODE} on.
 */
public final class RequestCodes {
    public static final String GET_REQUEST_CODE = "get_request_code";
    public static final int FIRST_DYNAMIC_CODE = 0x1000;

    /** Built-in request names; the code of each is its position in this list. */
    public static final List<String> BUILT_IN = List.of(
            GET_REQUEST_CODE,
            "init_thread", "new_process", "init_process", "wait_process", "init_process_done",
            "new_thread", "terminate_process", "terminate_thread", "open_process", "open_thread",
            "get_process_info", "set_process_info", "get_thread_info", "set_thread_info",
            "suspend_thread", "resume_thread", "suspend_process", "resume_process",
            "load_dll", "unload_dll", "wait_input_idle",
            "create_snapshot", "next_process", "next_thread", "next_module",
            "list_processes", "list_handles",
            "close_handle", "set_handle_info", "dup_handle", "compare_objects",
            "get_object_info", "select", "create_event", "open_event", "event_op",
            "read_process_memory", "write_process_memory", "list_memory_regions",
            "alloc_console", "free_console", "open_console", "get_console_mode",
            "set_console_mode", "get_console_info", "set_console_info", "write_console_input",
            "read_console_input", "write_console_output", "read_console_output",
            "debug_process", "wait_debug_event", "continue_debug_event", "exception_event",
            "output_debug_string", "set_debugger_kill_on_exit",
            "list_handlers");

    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        for (int i = 0; i < BUILT_IN.size(); i++) {
            CODES.put(BUILT_IN.get(i), i);
        }
    }

    private RequestCodes() {
    }

    /** The fixed code of a built-in request, or -1. */
    public static int builtInCode(String name) {
        return CODES.getOrDefault(name, -1);
    }

    /** The name of a fixed code, or null. */
    public static String builtInName(int code) {
        return code >= 0 && code < BUILT_IN.size() ? BUILT_IN.get(code) : null;
    }
}

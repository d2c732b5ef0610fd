package org.carafe.api.debug;

/**
 * What a debug event says beyond its code, pid and tid: an exit or exception code
 * ({@code value}), an address or module base, a module size, the first-chance flag of an
 * exception, and a text (the command of a new process, a module name, a debug string).
 * Immutable; fields that an event code does not use are 0, false or empty.
 */
public record DebugDetails(int value, long address, long size, boolean firstChance,
        String text) {
    public DebugDetails {
        text = text != null ? text : "";
    }

    /** CREATE_PROCESS: the command of the process. */
    public static DebugDetails process(String command) {
        return new DebugDetails(0, 0, 0, false, command);
    }

    /** Events that carry nothing (CREATE_THREAD). */
    public static DebugDetails none() {
        return new DebugDetails(0, 0, 0, false, "");
    }

    /** EXIT_THREAD and EXIT_PROCESS: the exit code. */
    public static DebugDetails exit(int exitCode) {
        return new DebugDetails(exitCode, 0, 0, false, "");
    }

    /** EXCEPTION: its NTSTATUS code, address and whether it is the first chance. */
    public static DebugDetails exception(int code, long address, boolean firstChance) {
        return new DebugDetails(code, address, 0, firstChance, "");
    }

    /** LOAD_DLL: base, size and name of the module. */
    public static DebugDetails module(long base, long size, String name) {
        return new DebugDetails(0, base, size, false, name);
    }

    /** UNLOAD_DLL: the base of the module. */
    public static DebugDetails unload(long base) {
        return new DebugDetails(0, base, 0, false, "");
    }

    /** OUTPUT_DEBUG_STRING: the string. */
    public static DebugDetails text(String text) {
        return new DebugDetails(0, 0, 0, false, text);
    }
}

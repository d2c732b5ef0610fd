package org.carafe.client;

/**
 * Console values of the protocol (protocol.md, "Consoles"): access rights of console handles,
 * the parts open_console names, the set_console_info mask and the mode bits.
 */
public final class ConsoleAccess {
    /** GENERIC_READ: read records, contents, mode, information. */
    public static final int READ = 0x80000000;
    /** GENERIC_WRITE: write records or text, set mode and information. */
    public static final int WRITE = 0x40000000;
    /** Read, write and SYNCHRONIZE, as the std handles of a new console carry. */
    public static final int ALL = READ | WRITE | Rights.SYNCHRONIZE;

    /** open_console part: the console's input. */
    public static final int PART_INPUT = 0;
    /** open_console part: the console's screen buffer. */
    public static final int PART_OUTPUT = 1;

    /** set_console_info mask bits. */
    public static final int SET_TITLE = 0x1;
    public static final int SET_SIZE = 0x2;
    public static final int SET_CURSOR = 0x4;

    /** Output mode bits. */
    public static final int ENABLE_PROCESSED_OUTPUT = 0x1;
    public static final int ENABLE_WRAP_AT_EOL_OUTPUT = 0x2;

    private ConsoleAccess() {
    }
}

package org.carafe.api.console;

import org.carafe.api.protocol.Rights;

/** Access rights and mode bits of console handles, with the Windows values. */
public final class ConsoleRights {
    /** Read records, contents, mode and information. */
    public static final int READ = Rights.GENERIC_READ;
    /** Write records or text, set mode and information. */
    public static final int WRITE = Rights.GENERIC_WRITE;
    /** What the std handles of a new console carry. */
    public static final int STD_ACCESS = READ | WRITE | Rights.SYNCHRONIZE;

    /** Input mode: ENABLE_PROCESSED_INPUT | ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT. */
    public static final int DEFAULT_INPUT_MODE = 0x7;
    /** Output mode bit: control characters (\n, \r, \t, \b) move the cursor. */
    public static final int ENABLE_PROCESSED_OUTPUT = 0x1;
    /** Output mode bit: text reaching the last column goes on at the start of the next row. */
    public static final int ENABLE_WRAP_AT_EOL_OUTPUT = 0x2;

    private ConsoleRights() {
    }
}

package org.carafe.memory.internal;

/**
 * One line of {@code /proc/PID/maps}: [base, end) with its protection bits as the protocol
 * sends them and the file (a path, a pseudo name such as {@code [stack]}, or empty). Immutable.
 */
record Region(long base, long end, int protection, String file) {
    static final int READ = 1;
    static final int WRITE = 2;
    static final int EXECUTE = 4;
    static final int PRIVATE = 8;

    long size() {
        return end - base;
    }

    boolean isReadable() {
        return (protection & READ) != 0;
    }

    /**
     * Whether /proc/PID/mem can write it: a private mapping always (copy on write, as a
     * debugger writes a breakpoint into code), a shared one only when it is writable.
     */
    boolean acceptsWrites() {
        return (protection & (PRIVATE | WRITE)) != 0;
    }
}

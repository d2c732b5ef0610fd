package org.carafe.client.cli;

import java.util.Map;

/**
 * The NT exception code a debugger sees for a Linux program killed by a signal: SIGSEGV and
 * SIGBUS access violation, SIGILL illegal instruction, SIGFPE integer divide by zero, SIGTRAP
 * breakpoint, SIGABRT fail-fast (STATUS_STACK_BUFFER_OVERRUN, what an abort raises on
 * Windows). Other signals (SIGKILL, SIGTERM, ...) end a program without an exception.
 */
final class SignalExceptions {
    private static final Map<Integer, Integer> CODES = Map.of(
            11, 0xC0000005,  // SIGSEGV: STATUS_ACCESS_VIOLATION
            7, 0xC0000005,   // SIGBUS: STATUS_ACCESS_VIOLATION
            4, 0xC000001D,   // SIGILL: STATUS_ILLEGAL_INSTRUCTION
            8, 0xC0000094,   // SIGFPE: STATUS_INTEGER_DIVIDE_BY_ZERO
            5, 0x80000003,   // SIGTRAP: STATUS_BREAKPOINT
            6, 0xC0000409);  // SIGABRT: STATUS_STACK_BUFFER_OVERRUN

    private SignalExceptions() {
    }

    /**
     * The exception code for an exit status of 128 + signal, or 0 if it is none. A program
     * that exits with such a status by itself cannot be told apart.
     */
    static int forExitStatus(int status) {
        if (status <= 128) {
            return 0;
        }
        return CODES.getOrDefault(status - 128, 0);
    }
}

package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.carafe.client.DebugEventInfo;
import org.carafe.client.EmulatedThread;

/**
 * A debugger's loop: waits for each debug event on one emulated thread, prints it on one line,
 * closes the handles it brought and continues it, until the EXIT_PROCESS of the watched
 * process or {@link #stop()}. Exceptions are continued as not handled. Runs on one Java thread;
 * {@link #stop()} may come from another.
 */
final class DebugLoop {
    /** How long one wait_debug_event lasts before the loop looks at its stop flag. */
    private static final long POLL_MS = 250;

    private final EmulatedThread thread;
    private final int pid;
    private final PrintWriter out;
    private volatile boolean stopped;

    DebugLoop(EmulatedThread thread, int pid, PrintWriter out) {
        this.thread = thread;
        this.pid = pid;
        this.out = out;
    }

    /** Runs until the watched process's EXIT_PROCESS; returns its exit code, or -1 if stopped. */
    int run() throws IOException {
        while (!stopped) {
            DebugEventInfo event = thread.waitDebugEvent(POLL_MS);
            if (event.timedOut()) {
                continue;
            }
            out.println(event.describe());
            out.flush();
            closeHandles(event);
            int status = event.code() == DebugEventInfo.EXCEPTION
                    ? DebugEventInfo.DBG_EXCEPTION_NOT_HANDLED : DebugEventInfo.DBG_CONTINUE;
            thread.continueDebugEvent(event.pid(), event.tid(), status);
            if (event.code() == DebugEventInfo.EXIT_PROCESS && event.pid() == pid) {
                return event.value();
            }
        }
        return -1;
    }

    void stop() {
        stopped = true;
    }

    private void closeHandles(DebugEventInfo event) throws IOException {
        if (event.processHandle() != 0) {
            thread.closeHandle(event.processHandle());
        }
        if (event.threadHandle() != 0) {
            thread.closeHandle(event.threadHandle());
        }
    }
}

package org.carafe.api.debug;

import java.util.ArrayList;
import java.util.List;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/**
 * One debug event of a debuggee: its code (1..8), the thread it is about, its details, its
 * state and, once continued, the debugger's continue status. From the moment it is queued
 * until it is continued (or dropped) it holds one suspension of every thread the debuggee had
 * then, so the whole debuggee stands still while the event waits. Waitable: signaled once
 * continued, which is what an exception_event sender waits for. Holds references on the
 * process and the thread. Confined to the loop; outlives an update of the debugger bundle.
 */
public final class DebugEvent extends KObject {
    public static final int EXCEPTION = 1;
    public static final int CREATE_THREAD = 2;
    public static final int CREATE_PROCESS = 3;
    public static final int EXIT_THREAD = 4;
    public static final int EXIT_PROCESS = 5;
    public static final int LOAD_DLL = 6;
    public static final int UNLOAD_DLL = 7;
    public static final int OUTPUT_DEBUG_STRING = 8;

    /** Continue statuses a debugger may give. */
    public static final int DBG_CONTINUE = 0x00010002;
    public static final int DBG_EXCEPTION_HANDLED = 0x00010001;
    public static final int DBG_EXCEPTION_NOT_HANDLED = 0x80010001;

    private static final List<String> NAMES = List.of("NONE", "EXCEPTION", "CREATE_THREAD",
            "CREATE_PROCESS", "EXIT_THREAD", "EXIT_PROCESS", "LOAD_DLL", "UNLOAD_DLL",
            "OUTPUT_DEBUG_STRING");

    /** Where an event is: waiting in the queue, handed to the debugger, answered. */
    public enum State {
        QUEUED, SENT, CONTINUED
    }

    private final int code;
    private final EmuThread thread;
    private final EmuProcess process;
    private final DebugDetails details;
    private final List<EmuThread> suspended = new ArrayList<>();
    private State state = State.QUEUED;
    private int continueStatus = Status.PENDING;

    /** An event about {@code thread} (which may have ended); not queued yet. */
    public DebugEvent(int code, EmuThread thread, DebugDetails details) {
        super(thread.kernel());
        if (code < EXCEPTION || code > OUTPUT_DEBUG_STRING) {
            throw new IllegalArgumentException("debug event code " + code);
        }
        this.code = code;
        this.thread = (EmuThread) thread.grab();
        this.process = (EmuProcess) thread.process().grab();
        this.details = details;
    }

    /** The name of an event code, e.g. {@code EXIT_PROCESS}. */
    public static String codeName(int code) {
        return code >= 0 && code < NAMES.size() ? NAMES.get(code) : "EVENT_" + code;
    }

    @Override
    public String typeName() {
        return "DebugEvent";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    /** Signaled once the debugger has continued it (or it was dropped). */
    @Override
    public boolean isSignaled(EmuThread waiter) {
        return state == State.CONTINUED;
    }

    @Override
    protected void destroy() {
        resumeDebuggee();
        thread.release();
        process.release();
    }

    @Override
    public String dump() {
        return String.format("DebugEvent %s pid=%d tid=%d %s", codeName(code), process.pid(),
                thread.tid(), state);
    }

    public int code() {
        return code;
    }

    public EmuThread thread() {
        return thread;
    }

    public EmuProcess process() {
        return process;
    }

    public int pid() {
        return process.pid();
    }

    public int tid() {
        return thread.tid();
    }

    public DebugDetails details() {
        return details;
    }

    public State state() {
        return state;
    }

    /** The debugger's continue status; STATUS_PENDING until continued. */
    public int continueStatus() {
        return continueStatus;
    }

    /** Suspends every live thread of the debuggee once; {@link #markContinued} undoes it. */
    void suspendDebuggee() {
        for (EmuThread t : process.threads()) {
            try {
                t.suspend();
                suspended.add((EmuThread) t.grab());
            } catch (StatusException e) {
                // at the suspend limit or ending: that thread is held by other means already
            }
        }
    }

    void markSent() {
        state = State.SENT;
    }

    /** Records the status, lets the debuggee run on and wakes whoever waits for the event. */
    void markContinued(int status) {
        if (state == State.CONTINUED) {
            return;
        }

        state = State.CONTINUED;
        continueStatus = status;
        resumeDebuggee();
        wakeUp();
    }

    private void resumeDebuggee() {
        List<EmuThread> threads = List.copyOf(suspended);
        suspended.clear();

        for (EmuThread t : threads) {
            t.resume();
            t.release();
        }
    }
}

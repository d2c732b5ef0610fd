package org.carafe.api.debug;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/**
 * The debug context of one debugger process: its debuggees, the queue of their events and the
 * kill-on-exit flag. The debugger keeps it in its attributes under {@link #ATTRIBUTE} (that
 * entry holds the creation reference); each debuggee names it under {@link #DEBUGGER} and the
 * session holds a reference on each debuggee while attached. Events are handed out oldest
 * first, at most one outstanding (SENT) per debuggee. Waitable: signaled while an event can be
 * handed out. Confined to the loop; outlives an update of the debugger bundle.
 */
public final class DebugSession extends KObject {
    /** Key, on the debugger process, of its own session. */
    public static final String ATTRIBUTE = "carafe.debug.session";
    /** Key, on a debuggee, of the session debugging it. */
    public static final String DEBUGGER = "carafe.debug.debugger";
    /** Key, on a debuggee, present when its children are debugged by the same session. */
    public static final String CHILDREN = "carafe.debug.children";
    /** Key, on a debuggee, present once its startup events were queued. */
    public static final String STARTED = "carafe.debug.started";

    private final int debuggerPid;
    private final List<DebugEvent> events = new ArrayList<>();
    private final List<EmuProcess> debuggees = new ArrayList<>();
    private boolean killOnExit = true;
    private boolean closed;

    private DebugSession(EmuProcess debugger) {
        super(debugger.kernel());
        debuggerPid = debugger.pid();
    }

    /** The session of {@code debugger}, or null if it never debugged anything. */
    public static DebugSession of(EmuProcess debugger) {
        Object value = debugger.attributes().get(ATTRIBUTE);
        return value instanceof DebugSession ? (DebugSession) value : null;
    }

    /** The session of {@code debugger}, made on first use; an ended one: access denied. */
    public static DebugSession obtain(EmuProcess debugger) {
        DebugSession session = of(debugger);
        if (session != null) {
            return session;
        }
        if (debugger.hasEnded()) {
            throw new StatusException(Status.ACCESS_DENIED);
        }

        session = new DebugSession(debugger);
        debugger.attributes().put(ATTRIBUTE, session);
        return session;
    }

    /** The session debugging {@code process}, or null. */
    public static DebugSession debuggerOf(EmuProcess process) {
        Object value = process.attributes().get(DEBUGGER);
        return value instanceof DebugSession ? (DebugSession) value : null;
    }

    /** Whether the startup events of {@code process} have been queued. */
    public static boolean isStarted(EmuProcess process) {
        return process.attributes().containsKey(STARTED);
    }

    /** Whether children of {@code process} are debugged by its debugger. */
    public static boolean debugsChildren(EmuProcess process) {
        return process.attributes().containsKey(CHILDREN);
    }

    @Override
    public String typeName() {
        return "DebugSession";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    @Override
    public boolean isSignaled(EmuThread waiter) {
        return ready() != null;
    }

    @Override
    protected void destroy() {
        for (DebugEvent event : List.copyOf(events)) {
            event.markContinued(DebugEvent.DBG_CONTINUE);
            event.release();
        }
        events.clear();
        for (EmuProcess p : List.copyOf(debuggees)) {
            forget(p);
        }
    }

    @Override
    public String dump() {
        return String.format("DebugSession debugger=%d debuggees=%d events=%d kill_on_exit=%b",
                debuggerPid, debuggees.size(), events.size(), killOnExit);
    }

    public int debuggerPid() {
        return debuggerPid;
    }

    public boolean killOnExit() {
        return killOnExit;
    }

    public void setKillOnExit(boolean kill) {
        killOnExit = kill;
    }

    public boolean isClosed() {
        return closed;
    }

    public List<EmuProcess> debuggees() {
        return Collections.unmodifiableList(debuggees);
    }

    /** Queued and outstanding events, oldest first. */
    public List<DebugEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Makes {@code process} a debuggee of this session; with {@code children} its children
     * will be too. Already debugged or a closed session: STATUS_ACCESS_DENIED.
     */
    public void attach(EmuProcess process, boolean children) {
        if (closed || debuggerOf(process) != null || process.hasEnded()) {
            throw new StatusException(Status.ACCESS_DENIED);
        }

        process.grab();
        debuggees.add(process);
        process.attributes().put(DEBUGGER, this);
        if (children) {
            process.attributes().put(CHILDREN, Boolean.TRUE);
        }
    }

    /** Marks the startup events of {@code process} queued: later events follow from here. */
    public void markStarted(EmuProcess process) {
        process.attributes().put(STARTED, Boolean.TRUE);
    }

    /**
     * Detaches {@code process}: its pending events are continued with DBG_CONTINUE (so it
     * runs on) and dropped. Not a debuggee of this session: STATUS_ACCESS_DENIED.
     */
    public void detach(EmuProcess process) {
        if (debuggerOf(process) != this) {
            throw new StatusException(Status.ACCESS_DENIED);
        }

        for (DebugEvent event : List.copyOf(events)) {
            if (event.process() == process) {
                finish(event, DebugEvent.DBG_CONTINUE);
            }
        }
        forget(process);
    }

    /**
     * Drops {@code process} from the debuggees, leaving its queued events (an ended process's
     * EXIT_PROCESS is still to be handed out).
     */
    public void forget(EmuProcess process) {
        if (!debuggees.remove(process)) {
            return;
        }

        process.attributes().remove(DEBUGGER, this);
        process.attributes().remove(CHILDREN);
        process.attributes().remove(STARTED);
        process.release();
    }

    /** Queues {@code event} (taking a reference) and suspends its debuggee until continued. */
    public void queue(DebugEvent event) {
        if (closed) {
            return;
        }

        event.grab();
        events.add(event);
        event.suspendDebuggee();
        wakeUp();
    }

    /**
     * The oldest queued event of a debuggee that has none outstanding, marked SENT, or null.
     */
    public DebugEvent take() {
        DebugEvent event = ready();
        if (event != null) {
            event.markSent();
        }
        return event;
    }

    /** The outstanding event of thread {@code tid} of process {@code pid}, or null. */
    public DebugEvent sent(int pid, int tid) {
        for (DebugEvent event : events) {
            if (event.state() == DebugEvent.State.SENT && event.pid() == pid
                    && event.tid() == tid) {
                return event;
            }
        }
        return null;
    }

    /** Continues {@code event} with {@code status}, lets its debuggee run and drops it. */
    public void finish(DebugEvent event, int status) {
        if (!events.remove(event)) {
            return;
        }

        event.markContinued(status);
        wakeUp();
        event.release();
    }

    /**
     * The debugger has ended: takes no more events and returns the debuggees, still attached,
     * for the caller to kill or detach.
     */
    public List<EmuProcess> close() {
        closed = true;
        return List.copyOf(debuggees);
    }

    private DebugEvent ready() {
        for (DebugEvent event : events) {
            if (event.state() == DebugEvent.State.QUEUED && !hasSent(event.process())) {
                return event;
            }
        }
        return null;
    }

    private boolean hasSent(EmuProcess process) {
        for (DebugEvent event : events) {
            if (event.process() == process && event.state() == DebugEvent.State.SENT) {
                return true;
            }
        }
        return false;
    }
}

package org.carafe.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;

/**
 * An emulated process: its threads, handle table, exit code, priority, affinity, modules, the
 * Linux process it may own, and attributes other bundles keep on it (console, debugger). Lives
 * while it runs or anything refers to it. Confined to the loop.
 */
public final class EmuProcess extends KObject {
    /** NORMAL_PRIORITY_CLASS. */
    public static final int NORMAL_PRIORITY = 0x20;

    private final int pid;
    private final int ppid;
    private final int kind;
    private final int linuxPid;
    private final long linuxStartTime;
    private final String command;
    private final long startTime = System.currentTimeMillis();
    private final List<EmuThread> threads = new ArrayList<>(1);
    private final List<Module> modules = new ArrayList<>();
    private final List<ThreadStart> pendingStarts = new ArrayList<>(0);
    private final Map<String, Object> attributes = new HashMap<>();
    private HandleTable handles = new HandleTable();
    private int exitCode = Protocol.STILL_ACTIVE;
    private int priority = NORMAL_PRIORITY;
    private long affinity;
    private int createFlags;
    private int stoppedThreads;
    private boolean ended;
    private boolean initDone;
    private long endTime;
    private Event initEvent;
    private StartupInfo startupInfo;
    private int[] stdHandles;

    EmuProcess(Kernel kernel, int pid, int ppid, int kind, int linuxPid, String command) {
        super(kernel);
        this.pid = pid;
        this.ppid = ppid;
        this.kind = kind;
        this.linuxPid = linuxPid;
        this.linuxStartTime = kind == Protocol.KIND_OWNED ? LinuxProcesses.startTime(linuxPid) : -1;
        this.command = command;
        this.affinity = kernel.machineAffinity();
    }

    @Override
    public String typeName() {
        return "Process";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    /** A process is signaled once its last thread has ended. */
    @Override
    public boolean isSignaled(EmuThread waiter) {
        return ended;
    }

    @Override
    protected void destroy() {
        handles.closeAll();
        dropInitEvent();
        kernel().processDestroyed(this);
    }

    @Override
    public String dump() {
        return String.format("Process pid=%d ppid=%d threads=%d handles=%d %s", pid, ppid,
                threads.size(), handles.count(), ended ? "exited " + exitCode : "running");
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    /** {@link Protocol#KIND_OWNED} or {@link Protocol#KIND_EMBEDDED}. */
    public int kind() {
        return kind;
    }

    public boolean ownsLinuxProcess() {
        return kind == Protocol.KIND_OWNED;
    }

    public int linuxPid() {
        return linuxPid;
    }

    public String command() {
        return command;
    }

    /** Start time of the owned Linux process when it was claimed (see LinuxProcesses), or -1. */
    public long linuxStartTime() {
        return linuxStartTime;
    }

    public long startTime() {
        return startTime;
    }

    public long endTime() {
        return endTime;
    }

    public List<EmuThread> threads() {
        return Collections.unmodifiableList(threads);
    }

    public HandleTable handles() {
        return handles;
    }

    /** Replaces the (still empty) table, e.g. by an inherited copy at init_process. */
    public void setHandles(HandleTable table) {
        if (handles.count() != 0) {
            throw new IllegalStateException("handle table of pid " + pid + " already in use");
        }
        handles = table;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean hasEnded() {
        return ended;
    }

    public int priority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public long affinity() {
        return affinity;
    }

    public void setAffinity(long affinity) {
        this.affinity = affinity;
    }

    public int createFlags() {
        return createFlags;
    }

    public void setCreateFlags(int createFlags) {
        this.createFlags = createFlags;
    }

    public boolean isInitDone() {
        return initDone;
    }

    public void setInitDone() {
        initDone = true;
    }

    /**
     * Whether the process shows as suspended: an owned process as soon as one thread is (its
     * Linux process is then stopped), an embedded one when every thread is.
     */
    public boolean isSuspended() {
        if (threads.isEmpty()) {
            return false;
        }
        return ownsLinuxProcess() ? stoppedThreads > 0 : stoppedThreads == threads.size();
    }

    /** The event the creator may wait on until init_process_done, or null. */
    public Event initEvent() {
        return initEvent;
    }

    public void setInitEvent(Event event) {
        dropInitEvent();
        initEvent = event;
    }

    /**
     * The startup record this process was created from, held from init_thread until
     * init_process picks it up (or the process ends), else null.
     */
    public StartupInfo startupInfo() {
        return startupInfo;
    }

    /** Holds {@code info} (taking a reference) instead of the current record, or none. */
    public void setStartupInfo(StartupInfo info) {
        if (info != null) {
            info.grab();
        }
        StartupInfo old = startupInfo;
        startupInfo = info;
        if (old != null) {
            old.release();
        }
    }

    /** Keeps a thread start's creation reference until it is used or the process ends. */
    public void addPendingStart(ThreadStart start) {
        pendingStarts.add(start);
    }

    /** Takes a pending thread start; the caller then owns its creation reference. */
    public boolean takePendingStart(ThreadStart start) {
        return pendingStarts.remove(start);
    }

    /** Modules in load order. */
    public List<Module> modules() {
        return Collections.unmodifiableList(modules);
    }

    /** Adds a module; a second module at the same base is STATUS_INVALID_PARAMETER. */
    public void addModule(Module module) {
        if (findModule(module.base()) != null) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        modules.add(module);
        kernel().announce(l -> l.moduleLoaded(this, module), this);
    }

    /** Removes the module at {@code base}; none there is STATUS_INVALID_PARAMETER. */
    public Module removeModule(long base) {
        Module module = findModule(base);
        if (module == null) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        modules.remove(module);
        kernel().announce(l -> l.moduleUnloaded(this, module), this);
        return module;
    }

    public Module findModule(long base) {
        for (Module m : modules) {
            if (m.base() == base) {
                return m;
            }
        }
        return null;
    }

    /**
     * The stdin, stdout and stderr handle values init_process replies with, or null before it
     * ran. Lifecycle listeners may replace them while the process initialises.
     */
    public int[] stdHandles() {
        return stdHandles != null ? stdHandles.clone() : null;
    }

    /** Sets the three std handle values (see {@link #stdHandles()}). */
    public void setStdHandles(int[] handles) {
        if (handles.length != 3) {
            throw new IllegalArgumentException("three std handles, not " + handles.length);
        }
        stdHandles = handles.clone();
    }

    /** State other bundles keep on the process; values must be api types to outlive updates. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    void addThread(EmuThread thread) {
        threads.add(thread);
    }

    void removeThread(EmuThread thread) {
        threads.remove(thread);
    }

    void markEnded(int code) {
        ended = true;
        exitCode = code;
        endTime = System.currentTimeMillis();
        handles.closeAll();
        modules.clear();
        dropInitEvent();
        setStartupInfo(null);
        List<ThreadStart> unused = List.copyOf(pendingStarts);
        pendingStarts.clear();
        unused.forEach(ThreadStart::release);
    }

    void threadStopped() {
        if (stoppedThreads++ == 0 && ownsLinuxProcess() && !ended) {
            kernel().linux().stop(linuxPid, linuxStartTime);
        }
    }

    void threadContinued() {
        if (--stoppedThreads == 0 && ownsLinuxProcess() && !ended) {
            kernel().linux().resume(linuxPid, linuxStartTime);
        }
    }

    private void dropInitEvent() {
        if (initEvent != null) {
            initEvent.release();
            initEvent = null;
        }
    }
}

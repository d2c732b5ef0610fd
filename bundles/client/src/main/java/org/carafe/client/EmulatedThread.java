package org.carafe.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.carafe.client.RequestCodes.*;

/**
 * An emulated thread: typed methods for every request of {@code docs/protocol.md} section 7,
 * over one {@link CarafeConnection} which it owns (closing the thread closes it).
 *
 * <p>Error statuses throw {@link CarafeException}; statuses that are a normal outcome are
 * returned instead: {@code select} and {@code wait_process} report a timeout in their result,
 * the {@code next_*} walks return null at the end, {@code compare_objects} returns a boolean,
 * {@code create_event} says whether the name existed. When the server ends the thread, any
 * method throws {@link ThreadTerminatedException}. I/O failures throw {@link IOException}.
 *
 * <p>Not thread-safe: one thread uses an emulated thread at a time.
 */
public final class EmulatedThread implements AutoCloseable {
    private final CarafeConnection conn;
    private int pid;
    private int tid;

    public EmulatedThread(CarafeConnection conn) {
        this.conn = conn;
    }

    /** Connects to {@code socket} (hello included); the next call must be initThread. */
    public static EmulatedThread connect(Path socket) throws IOException {
        return new EmulatedThread(CarafeConnection.connect(socket));
    }

    /** The underlying connection, e.g. for requests added by third parties. */
    public CarafeConnection connection() {
        return conn;
    }

    /** The process id from init_thread (0 before). */
    public int pid() {
        return pid;
    }

    /** The thread id from init_thread (0 before). */
    public int tid() {
        return tid;
    }

    private WireWriter w() {
        return conn.writer();
    }

    private WireReader ok(int code, WireWriter data) throws IOException {
        return conn.call(code, data).orThrow().data();
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    // --- connection and threads ---------------------------------------------------------------

    /** get_request_code: the code of a request name (built-in names give their fixed code). */
    public int getRequestCode(String name) throws IOException {
        return ok(GET_REQUEST_CODE, w().str(name)).u32();
    }

    /** init_thread: must be the first request. {@code kind}: Protocol.KIND_EMBEDDED / OWNED. */
    public InitThreadResult initThread(int kind, int linuxPid, String token, String command)
            throws IOException {
        WireReader r = ok(INIT_THREAD, w().u32(kind).u32(linuxPid).str(token).str(command));
        InitThreadResult res = new InitThreadResult(r.u32(), r.u32(), r.bool());
        pid = res.pid();
        tid = res.tid();
        return res;
    }

    /** new_thread: a token for a new connection's init_thread. */
    public String newThread(int createFlags) throws IOException {
        return ok(NEW_THREAD, w().u32(createFlags)).str();
    }

    /** terminate_thread (on {@link Protocol#CURRENT_THREAD} it records the exit code). */
    public TerminateThreadResult terminateThread(int handle, int exitCode) throws IOException {
        WireReader r = ok(TERMINATE_THREAD, w().u32(handle).u32(exitCode));
        return new TerminateThreadResult(r.bool(), r.bool());
    }

    // --- process creation ---------------------------------------------------------------------

    /** new_process: records a startup record for a child. */
    public NewProcessResult newProcess(boolean inheritAll, int createFlags, int startFlags,
            int hstdin, int hstdout, int hstderr, String command) throws IOException {
        WireWriter d = w().u32(bit(inheritAll)).u32(createFlags).u32(startFlags)
                .u32(hstdin).u32(hstdout).u32(hstderr).str(command);
        WireReader r = ok(NEW_PROCESS, d);
        return new NewProcessResult(r.u32(), r.str());
    }

    /** init_process: fetches the startup data (first thread, once). */
    public StartupInfo initProcess() throws IOException {
        WireReader r = ok(INIT_PROCESS, w());
        return new StartupInfo(r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.str());
    }

    /** wait_process: waits until the child called init_process, or the timeout (ms, -1). */
    public WaitProcessResult waitProcess(int infoHandle, long timeout, boolean pinherit,
            boolean tinherit) throws IOException {
        WireWriter d = w().u32(infoHandle).u64(timeout).u32(bit(pinherit)).u32(bit(tinherit));
        Reply reply = conn.call(WAIT_PROCESS, d).orThrow();
        WireReader r = reply.data();
        if (reply.status() == Status.TIMEOUT || r.remaining() < 20) {
            return new WaitProcessResult(reply.status(), 0, 0, 0, 0, 0);
        }
        return new WaitProcessResult(reply.status(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32());
    }

    /** init_process_done: returns true if the thread is now suspended (CREATE_SUSPENDED). */
    public boolean initProcessDone() throws IOException {
        return ok(INIT_PROCESS_DONE, w()).bool();
    }

    // --- process and thread control -----------------------------------------------------------

    /** terminate_process: returns true if it named the caller's own process. */
    public boolean terminateProcess(int handle, int exitCode) throws IOException {
        return ok(TERMINATE_PROCESS, w().u32(handle).u32(exitCode)).bool();
    }

    /** open_process: a handle to a process by id. */
    public int openProcess(int pid, int access, boolean inherit) throws IOException {
        return ok(OPEN_PROCESS, w().u32(pid).u32(access).u32(bit(inherit))).u32();
    }

    /** open_thread: a handle to a thread by id. */
    public int openThread(int tid, int access, boolean inherit) throws IOException {
        return ok(OPEN_THREAD, w().u32(tid).u32(access).u32(bit(inherit))).u32();
    }

    /** get_process_info. */
    public ProcessInfo getProcessInfo(int handle) throws IOException {
        WireReader r = ok(GET_PROCESS_INFO, w().u32(handle));
        return new ProcessInfo(r.u32(), r.u32(), r.u32(), r.u32(), r.u64(), r.u32(), r.u32(),
                r.u32(), r.u64(), r.u64(), r.str());
    }

    /** set_process_info; {@code mask}: Flags.SET_PRIORITY | Flags.SET_AFFINITY. */
    public void setProcessInfo(int handle, int mask, int priority, long affinity)
            throws IOException {
        ok(SET_PROCESS_INFO, w().u32(handle).u32(mask).u32(priority).u64(affinity));
    }

    /** get_thread_info. */
    public ThreadInfo getThreadInfo(int handle) throws IOException {
        WireReader r = ok(GET_THREAD_INFO, w().u32(handle));
        return new ThreadInfo(r.u32(), r.u32(), r.u32(), r.u32(), r.u64(), r.u32());
    }

    /** set_thread_info; {@code mask}: Flags.SET_PRIORITY | Flags.SET_AFFINITY. */
    public void setThreadInfo(int handle, int mask, int priority, long affinity)
            throws IOException {
        ok(SET_THREAD_INFO, w().u32(handle).u32(mask).u32(priority).u64(affinity));
    }

    /** suspend_thread: returns the previous suspend count. */
    public int suspendThread(int handle) throws IOException {
        return ok(SUSPEND_THREAD, w().u32(handle)).u32();
    }

    /** resume_thread: returns the previous suspend count. */
    public int resumeThread(int handle) throws IOException {
        return ok(RESUME_THREAD, w().u32(handle)).u32();
    }

    /** suspend_process: suspends every thread of the process. */
    public void suspendProcess(int handle) throws IOException {
        ok(SUSPEND_PROCESS, w().u32(handle));
    }

    /** resume_process: resumes every thread of the process once. */
    public void resumeProcess(int handle) throws IOException {
        ok(RESUME_PROCESS, w().u32(handle));
    }

    /** load_dll: records a module of the caller's process. */
    public void loadDll(long base, long size, String name) throws IOException {
        ok(LOAD_DLL, w().u64(base).u64(size).str(name));
    }

    /** unload_dll: forgets the module at {@code base}. */
    public void unloadDll(long base) throws IOException {
        ok(UNLOAD_DLL, w().u64(base));
    }

    /** wait_input_idle: returns the idle event handle (always 0 on Carafe). */
    public int waitInputIdle(int handle, long timeout) throws IOException {
        return ok(WAIT_INPUT_IDLE, w().u32(handle).u64(timeout)).u32();
    }

    // --- snapshots and listings ---------------------------------------------------------------

    /** create_snapshot; {@code flags}: Flags.SNAP_*; {@code pid} 0 = own process. */
    public int createSnapshot(int flags, int pid, boolean inherit) throws IOException {
        return ok(CREATE_SNAPSHOT, w().u32(flags).u32(pid).u32(bit(inherit))).u32();
    }

    /** next_process: the next entry, or null at the end. */
    public SnapshotProcess nextProcess(int handle, boolean reset) throws IOException {
        WireReader r = next(NEXT_PROCESS, handle, reset);
        return r == null ? null
                : new SnapshotProcess(r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.str());
    }

    /** next_thread: the next entry, or null at the end. */
    public SnapshotThread nextThread(int handle, boolean reset) throws IOException {
        WireReader r = next(NEXT_THREAD, handle, reset);
        return r == null ? null : new SnapshotThread(r.u32(), r.u32(), r.u32());
    }

    /** next_module: the next entry, or null at the end. */
    public ModuleEntry nextModule(int handle, boolean reset) throws IOException {
        WireReader r = next(NEXT_MODULE, handle, reset);
        return r == null ? null : new ModuleEntry(r.u64(), r.u64(), r.str());
    }

    private WireReader next(int code, int handle, boolean reset) throws IOException {
        Reply reply = conn.call(code, w().u32(handle).u32(bit(reset)));
        if (reply.status() == Status.NO_MORE_ENTRIES) {
            return null;
        }
        return reply.orThrow().data();
    }

    /** list_processes: every process the server knows, oldest first. */
    public List<ProcessEntry> listProcesses() throws IOException {
        WireReader r = ok(LIST_PROCESSES, w());
        int n = r.u32();
        List<ProcessEntry> out = new ArrayList<>(Math.min(Math.max(n, 0), 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(new ProcessEntry(r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32(),
                    r.str()));
        }
        return out;
    }

    /** list_handles: the handle table of process {@code pid}. */
    public List<HandleEntry> listHandles(int pid) throws IOException {
        WireReader r = ok(LIST_HANDLES, w().u32(pid));
        int n = r.u32();
        List<HandleEntry> out = new ArrayList<>(Math.min(Math.max(n, 0), 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(new HandleEntry(r.u32(), r.u32(), r.u32(), r.str(), r.str()));
        }
        return out;
    }

    // --- objects and handles ------------------------------------------------------------------

    /** close_handle. */
    public void closeHandle(int handle) throws IOException {
        ok(CLOSE_HANDLE, w().u32(handle));
    }

    /** set_handle_info: sets the flag bits selected by {@code mask}; returns the old flags. */
    public int setHandleInfo(int handle, int mask, int flags) throws IOException {
        return ok(SET_HANDLE_INFO, w().u32(handle).u32(mask).u32(flags)).u32();
    }

    /** dup_handle: returns the new handle in {@code dstProcess} (0 if none was made). */
    public int dupHandle(int srcProcess, int srcHandle, int dstProcess, int access,
            int attributes, int options) throws IOException {
        WireWriter d = w().u32(srcProcess).u32(srcHandle).u32(dstProcess).u32(access)
                .u32(attributes).u32(options);
        return ok(DUP_HANDLE, d).u32();
    }

    /** compare_objects: true if both handles name the same object. */
    public boolean compareObjects(int handle1, int handle2) throws IOException {
        Reply reply = conn.call(COMPARE_OBJECTS, w().u32(handle1).u32(handle2));
        if (reply.status() == Status.NOT_SAME_OBJECT) {
            return false;
        }
        reply.orThrow();
        return true;
    }

    /** get_object_info. */
    public ObjectInfo getObjectInfo(int handle) throws IOException {
        WireReader r = ok(GET_OBJECT_INFO, w().u32(handle));
        return new ObjectInfo(r.u32(), r.u32(), r.u32(), r.str());
    }

    /** select: waits for any (or, with Flags.SELECT_ALL, all) of the handles. */
    public SelectResult select(int flags, long timeout, int... handles) throws IOException {
        WireWriter d = w().u32(flags).u64(timeout).u32(handles.length);
        for (int h : handles) {
            d.u32(h);
        }
        Reply reply = conn.call(SELECT, d).orThrow();
        WireReader r = reply.data();
        int index = reply.status() != Status.TIMEOUT && r.remaining() >= 4 ? r.u32() : -1;
        return new SelectResult(reply.status(), index);
    }

    /** create_event; an empty name makes an unnamed event. */
    public CreateEventResult createEvent(int access, boolean inherit, boolean manualReset,
            boolean initialState, String name) throws IOException {
        WireWriter d = w().u32(access).u32(bit(inherit)).u32(bit(manualReset))
                .u32(bit(initialState)).str(name);
        Reply reply = conn.call(CREATE_EVENT, d).orThrow();
        return new CreateEventResult(reply.data().u32(),
                reply.status() == Status.OBJECT_NAME_EXISTS);
    }

    /** open_event: a handle to an existing named event. */
    public int openEvent(int access, boolean inherit, String name) throws IOException {
        return ok(OPEN_EVENT, w().u32(access).u32(bit(inherit)).str(name)).u32();
    }

    /** event_op; {@code op}: Flags.EVENT_SET, EVENT_RESET, EVENT_PULSE. */
    public void eventOp(int handle, int op) throws IOException {
        ok(EVENT_OP, w().u32(handle).u32(op));
    }

    /** event_op set. */
    public void setEvent(int handle) throws IOException {
        eventOp(handle, Flags.EVENT_SET);
    }

    /** event_op reset. */
    public void resetEvent(int handle) throws IOException {
        eventOp(handle, Flags.EVENT_RESET);
    }

    /** event_op pulse. */
    public void pulseEvent(int handle) throws IOException {
        eventOp(handle, Flags.EVENT_PULSE);
    }

    // --- memory access (carafe-memory) ---------------------------------------------------------

    /**
     * read_process_memory: {@code length} bytes from {@code address}. Unmapped memory ends the
     * read early with {@link Status#PARTIAL_COPY}; error statuses throw. Needs PROCESS_VM_READ.
     */
    public MemoryRead readProcessMemory(int handle, long address, int length)
            throws IOException {
        Reply reply = conn.call("read_process_memory",
                w().u32(handle).u64(address).u32(length)).orThrow();
        return new MemoryRead(reply.status(), reply.data().bytes());
    }

    /**
     * write_process_memory: all of {@code data} at {@code address}, or nothing. Returns
     * {@link Status#SUCCESS}, or {@link Status#PARTIAL_COPY} when part of the range is not
     * mapped (nothing was written); error statuses throw. Needs PROCESS_VM_WRITE.
     */
    public int writeProcessMemory(int handle, long address, byte[] data) throws IOException {
        return conn.call("write_process_memory", w().u32(handle).u64(address).bytes(data))
                .orThrow().status();
    }

    /** list_memory_regions: the mappings, ascending. Needs PROCESS_QUERY_INFORMATION. */
    public List<MemoryRegion> listMemoryRegions(int handle) throws IOException {
        WireReader r = conn.call("list_memory_regions", w().u32(handle)).orThrow().data();
        int n = r.u32();
        List<MemoryRegion> regions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            regions.add(new MemoryRegion(r.u64(), r.u64(), r.u32(), r.str()));
        }
        return regions;
    }

    // --- end of memory access -----------------------------------------------------------------

    // --- consoles (served by the console bundle; codes 40-50) ----------------------------------

    private WireReader okNamed(String name, WireWriter data) throws IOException {
        return conn.call(name, data).orThrow().data();
    }

    /** alloc_console: a new console for the caller's process; already attached: denied. */
    public ConsoleHandles allocConsole(int access, boolean inherit) throws IOException {
        WireReader r = okNamed("alloc_console", w().u32(access).u32(bit(inherit)));
        return new ConsoleHandles(r.u32(), r.u32());
    }

    /** free_console: detaches the caller's process from its console. */
    public void freeConsole() throws IOException {
        okNamed("free_console", w());
    }

    /** open_console: a handle to a part (ConsoleAccess.PART_*) of a process's console. */
    public int openConsole(int process, int part, int access, boolean inherit)
            throws IOException {
        WireWriter d = w().u32(process).u32(part).u32(access).u32(bit(inherit));
        return okNamed("open_console", d).u32();
    }

    /** get_console_mode of an input or screen buffer handle. */
    public int getConsoleMode(int handle) throws IOException {
        return okNamed("get_console_mode", w().u32(handle)).u32();
    }

    /** set_console_mode of an input or screen buffer handle. */
    public void setConsoleMode(int handle, int mode) throws IOException {
        okNamed("set_console_mode", w().u32(handle).u32(mode));
    }

    /** get_console_info of a screen buffer. */
    public ConsoleInfo getConsoleInfo(int handle) throws IOException {
        WireReader r = okNamed("get_console_info", w().u32(handle));
        return new ConsoleInfo(r.u32(), r.u32(), r.u32(), r.u32(), r.str());
    }

    /** set_console_info; {@code mask}: ConsoleAccess.SET_TITLE | SET_SIZE | SET_CURSOR. */
    public void setConsoleInfo(int handle, int mask, int width, int height, int cursorX,
            int cursorY, String title) throws IOException {
        WireWriter d = w().u32(handle).u32(mask).u32(width).u32(height).u32(cursorX)
                .u32(cursorY).str(title);
        okNamed("set_console_info", d);
    }

    /** write_console_input: returns how many records the queue took. */
    public int writeConsoleInput(int handle, List<ConsoleRecord> records) throws IOException {
        WireWriter d = w().u32(handle).u32(records.size());
        for (ConsoleRecord rec : records) {
            d.u32(rec.ch()).u32(bit(rec.keyDown()));
        }
        return okNamed("write_console_input", d).u32();
    }

    /** read_console_input: up to {@code max} records; with {@code wait} blocks for some. */
    public List<ConsoleRecord> readConsoleInput(int handle, int max, boolean wait)
            throws IOException {
        WireReader r = okNamed("read_console_input", w().u32(handle).u32(max).u32(bit(wait)));
        int n = r.u32();
        List<ConsoleRecord> out = new ArrayList<>(Math.min(Math.max(n, 0), 4096));
        for (int i = 0; i < n; i++) {
            out.add(new ConsoleRecord((char) r.u32(), r.bool()));
        }
        return out;
    }

    /** write_console_output: writes text at the cursor; returns the UTF-16 units written. */
    public int writeConsoleOutput(int handle, String text) throws IOException {
        return okNamed("write_console_output", w().u32(handle).str(text)).u32();
    }

    /** read_console_output: the screen buffer's rows, size, cursor and scroll count. */
    public ConsoleScreen readConsoleOutput(int handle) throws IOException {
        WireReader r = okNamed("read_console_output", w().u32(handle));
        int width = r.u32();
        int height = r.u32();
        int x = r.u32();
        int y = r.u32();
        long scrolled = r.u64();
        int n = r.u32();
        List<String> lines = new ArrayList<>(Math.min(Math.max(n, 0), 4096));
        for (int i = 0; i < n; i++) {
            lines.add(r.str());
        }
        return new ConsoleScreen(width, height, x, y, scrolled, lines);
    }

    // --- debugging (served by the debugger bundle; codes 51-56) --------------------------------

    /** debug_process: attaches the caller's process as debugger of {@code pid}. */
    public void debugProcess(int pid) throws IOException {
        okNamed("debug_process", w().u32(pid).u32(1));
    }

    /** debug_process with attach 0: detaches from {@code pid}, which runs on. */
    public void detachProcess(int pid) throws IOException {
        okNamed("debug_process", w().u32(pid).u32(0));
    }

    /** wait_debug_event: the next event, or one with {@code timedOut()} after the timeout. */
    public DebugEventInfo waitDebugEvent(long timeout) throws IOException {
        Reply reply = conn.call("wait_debug_event", w().u64(timeout)).orThrow();
        WireReader r = reply.data();
        return new DebugEventInfo(reply.status(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32(),
                r.bytes());
    }

    /** continue_debug_event: answers the event of {@code pid}/{@code tid} with a DBG_ status. */
    public void continueDebugEvent(int pid, int tid, int status) throws IOException {
        okNamed("continue_debug_event", w().u32(pid).u32(tid).u32(status));
    }

    /** exception_event: blocks until the debugger continues; returns its continue status. */
    public int exceptionEvent(int code, long address, boolean firstChance) throws IOException {
        return okNamed("exception_event", w().u32(code).u64(address).u32(bit(firstChance)))
                .u32();
    }

    /** output_debug_string: an OUTPUT_DEBUG_STRING event for the caller's debugger. */
    public void outputDebugString(String text) throws IOException {
        okNamed("output_debug_string", w().str(text));
    }

    /** set_debugger_kill_on_exit: whether our debuggees die with us (the default) or run on. */
    public void setDebuggerKillOnExit(boolean kill) throws IOException {
        okNamed("set_debugger_kill_on_exit", w().u32(bit(kill)));
    }

    // --- end of debugging ---------------------------------------------------------------------

    // --- handlers (served by the transport itself; code 57) -----------------------------------

    /** list_handlers: per request name, the bundle and version serving it, by name. */
    public List<HandlerInfo> listHandlers() throws IOException {
        WireReader r = conn.call("list_handlers", w()).orThrow().data();
        int n = r.u32();
        List<HandlerInfo> out = new ArrayList<>(Math.min(Math.max(n, 0), 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(new HandlerInfo(r.str(), r.str(), r.str(), r.u32()));
        }
        return out;
    }

    // --- end of handlers ----------------------------------------------------------------------

    /** Closes the connection: the server ends the thread with its reported code, else 1. */
    @Override
    public void close() {
        conn.close();
    }
}

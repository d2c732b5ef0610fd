package org.carafe.itests.upgrade;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.carafe.client.ConsoleAccess;
import org.carafe.client.ConsoleRecord;
import org.carafe.client.DebugEventInfo;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Flags;
import org.carafe.client.NewProcessResult;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.Status;
import org.carafe.client.WaitProcessResult;

/**
 * One client thread of the load: its own top-level process (with a console), and a debugger
 * with one debuggee. It cycles through process creation and ending, handle duplication,
 * process queries, memory reads of the shared owned process, console output and input, and a
 * debug event round plus a short wait_debug_event, until told to stop. Each check of a reply
 * that does not hold counts as a failed request.
 */
final class Worker implements Runnable {
    private static final long WAIT_MS = 10_000;
    private static final int CHILD_EXIT = 7;

    private final Load load;
    private final int index;
    private final int memoryPid;
    private final long memoryAddress;
    private final byte[] memoryBytes;
    private EmulatedProcess main;
    private EmulatedProcess debugger;
    private EmulatedProcess debuggee;
    private int consoleIn;
    private int consoleOut;
    private int memoryHandle;
    private long iterations;

    Worker(Load load, int index, int memoryPid, long memoryAddress, byte[] memoryBytes) {
        this.load = load;
        this.index = index;
        this.memoryPid = memoryPid;
        this.memoryAddress = memoryAddress;
        this.memoryBytes = memoryBytes;
    }

    /** Connects the worker's processes; run before the swaps start. */
    void setUp() throws IOException {
        main = EmulatedProcess.start(load.socket, "worker-" + index);
        EmulatedThread t = main.mainThread();
        consoleIn = t.openConsole(Protocol.CURRENT_PROCESS, ConsoleAccess.PART_INPUT,
                ConsoleAccess.ALL, false);
        consoleOut = t.openConsole(Protocol.CURRENT_PROCESS, ConsoleAccess.PART_OUTPUT,
                ConsoleAccess.ALL, false);
        memoryHandle = t.openProcess(memoryPid,
                Rights.PROCESS_VM_READ | Rights.PROCESS_QUERY_INFORMATION, false);

        debugger = EmulatedProcess.start(load.socket, "debugger-" + index);
        EmulatedThread d = debugger.mainThread();
        NewProcessResult created = d.newProcess(false, Flags.DEBUG_ONLY_THIS_PROCESS, 0, 0, 0,
                0, "debuggee-" + index);
        debuggee = EmulatedProcess.startChild(load.socket, created.token());
        d.waitProcess(created.infoHandle(), WAIT_MS, false, false);
        DebugEventInfo e = d.waitDebugEvent(WAIT_MS);
        if (e.code() != DebugEventInfo.CREATE_PROCESS) {
            throw new IllegalStateException("worker " + index + ": " + e.describe());
        }
        d.continueDebugEvent(e.pid(), e.tid(), DebugEventInfo.DBG_CONTINUE);
    }

    @Override
    public void run() {
        while (!load.stop.get()) {
            int op = (int) ((iterations++ + index) % 5);
            try {
                switch (op) {
                    case 0 -> createAndEndChild();
                    case 1 -> duplicateAndClose();
                    case 2 -> readMemory();
                    case 3 -> console();
                    default -> debugRound();
                }
            } catch (IOException | RuntimeException e) {
                // counted and noted by Load.request; the worker goes on with the next step
            }
        }
    }

    /** new_process, the child joins and exits, wait_process, select on it, exit code, close. */
    private void createAndEndChild() throws IOException {
        EmulatedThread t = main.mainThread();
        NewProcessResult created = load.request("new_process",
                () -> t.newProcess(false, 0, 0, 0, 0, 0, "child-" + index));
        EmulatedProcess child = load.request("startChild",
                () -> EmulatedProcess.startChild(load.socket, created.token()));
        WaitProcessResult waited = load.request("wait_process",
                () -> t.waitProcess(created.infoHandle(), WAIT_MS, false, false));
        if (waited.status() != Status.SUCCESS || waited.pid() != child.pid()) {
            load.wrong("wait_process " + waited);
        }
        load.request("exit", () -> {
            child.exit(CHILD_EXIT);
            return null;
        });
        if (load.request("select", () -> t.select(0, WAIT_MS, waited.processHandle()))
                .timedOut()) {
            load.wrong("child " + child.pid() + " did not end");
        }
        int code = load.request("get_process_info",
                () -> t.getProcessInfo(waited.processHandle())).exitCode();
        if (code != CHILD_EXIT) {
            load.wrong("child exit code " + code);
        }
        for (int h : new int[] {waited.processHandle(), waited.threadHandle(),
                waited.initEvent(), created.infoHandle()}) {
            if (h != 0) {
                load.request("close_handle", () -> {
                    t.closeHandle(h);
                    return null;
                });
            }
        }
    }

    /** dup_handle of the own process with less access, its info, close; own process info. */
    private void duplicateAndClose() throws IOException {
        EmulatedThread t = main.mainThread();
        int dup = load.request("dup_handle", () -> t.dupHandle(Protocol.CURRENT_PROCESS,
                Protocol.CURRENT_PROCESS, Protocol.CURRENT_PROCESS,
                Rights.PROCESS_QUERY_INFORMATION, 0, 0));
        int pid = load.request("get_process_info", () -> t.getProcessInfo(dup)).pid();
        if (pid != main.pid()) {
            load.wrong("dup names pid " + pid);
        }
        load.request("close_handle", () -> {
            t.closeHandle(dup);
            return null;
        });
        int tid = load.request("get_thread_info",
                () -> t.getThreadInfo(Protocol.CURRENT_THREAD)).tid();
        if (tid != main.tid()) {
            load.wrong("own tid " + tid);
        }
    }

    private void readMemory() throws IOException {
        EmulatedThread t = main.mainThread();
        byte[] read = load.request("read_process_memory",
                () -> t.readProcessMemory(memoryHandle, memoryAddress, memoryBytes.length))
                .data();
        if (!Arrays.equals(memoryBytes, read)) {
            load.wrong("memory read differs");
        }
    }

    /** A line written and read back from the screen, two keys typed and read back. */
    private void console() throws IOException {
        EmulatedThread t = main.mainThread();
        String line = "w" + index + " i" + iterations;
        load.request("write_console_output", () -> t.writeConsoleOutput(consoleOut,
                line + "\n"));
        List<String> rows = load.request("read_console_output",
                () -> t.readConsoleOutput(consoleOut)).lines();
        if (!rows.contains(line)) {
            load.wrong("console row " + line + " missing");
        }
        List<ConsoleRecord> typed = ConsoleRecord.typing("ok");
        load.request("write_console_input", () -> t.writeConsoleInput(consoleIn, typed));
        List<ConsoleRecord> read = load.request("read_console_input",
                () -> t.readConsoleInput(consoleIn, typed.size(), true));
        if (!typed.equals(read)) {
            load.wrong("console input " + read);
        }
    }

    /** output_debug_string, the debugger waits for it and continues, then a short empty wait. */
    private void debugRound() throws IOException {
        EmulatedThread d = debugger.mainThread();
        load.request("output_debug_string", () -> {
            debuggee.mainThread().outputDebugString("ping " + index);
            return null;
        });
        DebugEventInfo e = load.request("wait_debug_event", () -> d.waitDebugEvent(WAIT_MS));
        if (e.code() != DebugEventInfo.OUTPUT_DEBUG_STRING || e.pid() != debuggee.pid()) {
            load.wrong("debug event " + e.describe());
            return;
        }
        load.request("continue_debug_event", () -> {
            d.continueDebugEvent(e.pid(), e.tid(), DebugEventInfo.DBG_CONTINUE);
            return null;
        });
        if (!load.request("wait_debug_event", () -> d.waitDebugEvent(5)).timedOut()) {
            load.wrong("an unexpected debug event");
        }
    }

    /** Ends the worker's processes: the debuggee before its debugger. */
    void close() {
        if (debuggee != null) {
            debuggee.close();
        }
        if (debugger != null) {
            debugger.close();
        }
        if (main != null) {
            main.close();
        }
    }
}

package org.carafe.api.model;

import java.util.List;

/**
 * A snapshot taken by create_snapshot: copies of the process, thread and module lists at that
 * moment, walked with next_process, next_thread and next_module. Confined to the loop.
 */
public final class Snapshot extends KObject {
    /** A process as it was when the snapshot was taken. */
    public record ProcessRow(int pid, int ppid, int threads, int priority, int handles,
            String command) {
    }

    /** A thread as it was when the snapshot was taken. */
    public record ThreadRow(int tid, int pid, int priority) {
    }

    private final List<ProcessRow> processes;
    private final List<ThreadRow> threads;
    private final List<Module> modules;
    private int processCursor;
    private int threadCursor;
    private int moduleCursor;

    public Snapshot(Kernel kernel, List<ProcessRow> processes, List<ThreadRow> threads,
            List<Module> modules) {
        super(kernel);
        this.processes = List.copyOf(processes);
        this.threads = List.copyOf(threads);
        this.modules = List.copyOf(modules);
    }

    @Override
    public String typeName() {
        return "Snapshot";
    }

    /** The next process, or null at the end; {@code reset} starts over. */
    public ProcessRow nextProcess(boolean reset) {
        if (reset) {
            processCursor = 0;
        }
        return processCursor < processes.size() ? processes.get(processCursor++) : null;
    }

    public ThreadRow nextThread(boolean reset) {
        if (reset) {
            threadCursor = 0;
        }
        return threadCursor < threads.size() ? threads.get(threadCursor++) : null;
    }

    public Module nextModule(boolean reset) {
        if (reset) {
            moduleCursor = 0;
        }
        return moduleCursor < modules.size() ? modules.get(moduleCursor++) : null;
    }
}

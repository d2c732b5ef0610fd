package org.carafe.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded emulated process: its first thread's connection, the ids and startup data the
 * server gave it, and the extra threads started through {@link #newThread(int)}. Closing it
 * closes every thread's connection (the process then ends, with the exit code reported by
 * {@link #exit(int)}, else 1).
 *
 * <p>Each {@link EmulatedThread} is used by one thread at a time; the list of threads kept
 * here is synchronized, so threads may be added from several Java threads.
 */
public final class EmulatedProcess implements AutoCloseable {
    private final Path socket;
    private final EmulatedThread main;
    private final InitThreadResult ids;
    private final StartupInfo startup;
    private final boolean suspended;
    private final List<EmulatedThread> threads = new ArrayList<>();

    private EmulatedProcess(Path socket, EmulatedThread main, InitThreadResult ids,
            StartupInfo startup, boolean suspended) {
        this.socket = socket;
        this.main = main;
        this.ids = ids;
        this.startup = startup;
        this.suspended = suspended;
        threads.add(main);
    }

    /**
     * A new top-level embedded process: connect, init_thread (kind embedded, no token),
     * init_process, init_process_done.
     */
    public static EmulatedProcess start(Path socket, String command) throws IOException {
        return join(socket, "", command);
    }

    /**
     * A child joining the startup record that its parent's new_process made: connect,
     * init_thread with the token, init_process (inherits handles), init_process_done.
     */
    public static EmulatedProcess startChild(Path socket, String token) throws IOException {
        return join(socket, token, "");
    }

    private static EmulatedProcess join(Path socket, String token, String command)
            throws IOException {
        EmulatedThread t = EmulatedThread.connect(socket);
        try {
            InitThreadResult ids = t.initThread(Protocol.KIND_EMBEDDED, 0, token, command);
            StartupInfo startup = t.initProcess();
            boolean suspended = t.initProcessDone();
            return new EmulatedProcess(socket, t, ids, startup, suspended);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** The socket this process's threads connect to. */
    public Path socket() {
        return socket;
    }

    /** The process id. */
    public int pid() {
        return ids.pid();
    }

    /** The first thread's id. */
    public int tid() {
        return ids.tid();
    }

    /** The first thread. */
    public EmulatedThread mainThread() {
        return main;
    }

    /** What init_process returned. */
    public StartupInfo startup() {
        return startup;
    }

    /** True if init_process_done left the first thread suspended (CREATE_SUSPENDED). */
    public boolean startedSuspended() {
        return suspended;
    }

    /**
     * Starts another thread of this process: new_thread on the first thread, then a new
     * connection that presents the token in init_thread.
     */
    public EmulatedThread newThread(int createFlags) throws IOException {
        String token = main.newThread(createFlags);
        EmulatedThread t = EmulatedThread.connect(socket);
        try {
            t.initThread(Protocol.KIND_EMBEDDED, 0, token, "");
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        synchronized (threads) {
            threads.add(t);
        }
        return t;
    }

    /**
     * Reports {@code exitCode} for the first thread (terminate_thread on itself) and closes
     * every connection, which ends the process with that code.
     */
    public void exit(int exitCode) throws IOException {
        try {
            main.terminateThread(Protocol.CURRENT_THREAD, exitCode);
        } finally {
            close();
        }
    }

    /** Closes every thread's connection. */
    @Override
    public void close() {
        List<EmulatedThread> all;
        synchronized (threads) {
            all = new ArrayList<>(threads);
        }
        // the first thread last, so that its exit code is the process's
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }
}

package org.carafe.api.model;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.protocol.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root of the server's state: processes and threads by id, live objects by type, names,
 * startup tokens and lifecycle listeners, together with the loop they are confined to. One
 * instance per server, created by the object core bundle and shared as a service. Everything
 * except {@link #loop()} and the listener registration must be called on the loop.
 */
public final class Kernel {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    private final ServerLoop loop;
    private final LinuxProcesses linux;
    private final IdTable ids = new IdTable();
    private final Map<Integer, EmuProcess> processes = new LinkedHashMap<>();
    private final Map<Integer, EmuThread> threads = new HashMap<>();
    private final Map<String, Integer> liveByType = new TreeMap<>();
    private final Map<String, KObject> names = new HashMap<>();
    private final Map<String, KObject> tokens = new HashMap<>();
    private final List<ProcessListener> listeners = new CopyOnWriteArrayList<>();
    private final ListenerReplay replay = new ListenerReplay();
    /** Successors added but not yet told their replayed events (see addListener). */
    private final Set<ProcessListener> arriving = new HashSet<>();
    private final SecureRandom random = new SecureRandom();
    private final long machineAffinity;
    private int liveObjects;
    private int runningProcesses;

    public Kernel(ServerLoop loop, LinuxProcesses linux) {
        this.loop = loop;
        this.linux = linux;
        int cpus = Math.min(Runtime.getRuntime().availableProcessors(), 64);
        this.machineAffinity = cpus == 64 ? -1L : (1L << cpus) - 1;
    }

    public ServerLoop loop() {
        return loop;
    }

    public LinuxProcesses linux() {
        return linux;
    }

    /** The mask of the machine's CPUs; process affinities must be a non-empty subset. */
    public long machineAffinity() {
        return machineAffinity;
    }

    // ---- listeners (any thread) ----

    /**
     * Adds a listener. One that succeeds a removed listener of the same class (its bundle was
     * updated) first hears, on the loop, the events announced meanwhile.
     */
    public void addListener(ProcessListener listener) {
        if (listeners.contains(listener)) {
            return; // kept through an update of the object core, bound again by its successor
        }
        if (!replay.isAwaited(listener)) {
            listeners.add(listener);
            return;
        }
        synchronized (arriving) {
            arriving.add(listener);
        }
        loop.execute(() -> {
            synchronized (arriving) {
                if (!arriving.remove(listener)) {
                    return; // removed again before it arrived (a refresh restarts the bundle)
                }
            }
            replay.replay(listener, event -> tell(listener, event));
            listeners.add(listener);
        });
    }

    /** Removes a listener; events are kept for a successor of its class for a while. */
    public void removeListener(ProcessListener listener) {
        synchronized (arriving) {
            if (arriving.remove(listener)) {
                return;
            }
        }
        if (listeners.remove(listener)) {
            replay.departed(listener, loop);
        }
    }

    /**
     * Removes, as {@link #removeListener} does, every listener not in {@code current}: the
     * successor of an updated object core drops those that went away while no one was there
     * to unbind them. Since 1.5.
     */
    public void retainListeners(Collection<ProcessListener> current) {
        List<ProcessListener> gone = new ArrayList<>(listeners);
        gone.removeAll(current);
        gone.forEach(this::removeListener);
    }

    /** Tells every listener; a failing listener is logged and the others still hear of it. */
    public void announce(Consumer<ProcessListener> event) {
        announce(event, new KObject[0]);
    }

    /**
     * As {@link #announce(Consumer)}, naming the objects the event refers to: they are kept
     * alive while the event waits for the successor of a listener whose bundle is being
     * updated. Since 1.3.
     */
    public void announce(Consumer<ProcessListener> event, KObject... subjects) {
        replay.record(event, subjects);
        for (ProcessListener listener : listeners) {
            tell(listener, () -> event.accept(listener));
        }
    }

    private static void tell(ProcessListener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("process listener {} failed", listener, e);
        }
    }

    // ---- processes and threads ----

    /** Creates a running process with no threads yet; the kernel holds it until it ends. */
    public EmuProcess createProcess(int ppid, int kind, int linuxPid, String command) {
        EmuProcess process = new EmuProcess(this, ids.allocate(), ppid, kind, linuxPid, command);
        processes.put(process.pid(), process);
        runningProcesses++;
        return process;
    }

    /** Creates a thread of {@code process} served by {@code connection}. */
    public EmuThread createThread(EmuProcess process, Connection connection) {
        if (process.hasEnded()) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        }
        EmuThread thread = new EmuThread(this, ids.allocate(), process, connection);
        threads.put(thread.tid(), thread);
        process.addThread(thread);
        announce(l -> l.threadStarted(thread), thread, process);
        return thread;
    }

    /**
     * Ends a thread with {@code exitCode}: its wait is dropped, waiters on it wake, and the
     * process ends with it if it was the last. With {@code tellPeer} the connection gets the
     * exit code and is closed (the server ended the thread); otherwise the peer already left.
     */
    public void endThread(EmuThread thread, int exitCode, boolean tellPeer) {
        if (thread.isTerminated()) {
            return;
        }
        EmuProcess process = thread.process();

        thread.markTerminated(exitCode);
        process.removeThread(thread);
        announce(l -> l.threadEnded(thread), thread, process);
        if (tellPeer && thread.connection() != null) {
            thread.connection().terminate(exitCode);
        }
        thread.wakeUp();
        if (process.threads().isEmpty()) {
            endProcess(process, exitCode);
        }

        thread.release();
    }

    /**
     * Ends every thread of {@code process} except {@code spare} (the caller ending its own
     * process replies first and leaves by itself) and kills an owned Linux process. A process
     * that has already ended is left alone: its Linux pid may belong to another process now.
     */
    public void terminateProcess(EmuProcess process, int exitCode, EmuThread spare) {
        if (process.hasEnded()) {
            return;
        }
        for (EmuThread thread : List.copyOf(process.threads())) {
            if (thread != spare) {
                thread.reportExit(exitCode);
                endThread(thread, exitCode, true);
            }
        }
        if (spare != null && spare.process() == process) {
            spare.reportExit(exitCode);
        }
        if (process.ownsLinuxProcess()) {
            linux.kill(process.linuxPid(), process.linuxStartTime());
        }
    }

    private void endProcess(EmuProcess process, int exitCode) {
        StartupInfo info = process.startupInfo();
        if (info != null && !info.isPicked()) {
            info.markAbandoned();
        }
        process.markEnded(exitCode);
        runningProcesses--;
        announce(l -> l.processEnded(process), process);
        process.wakeUp();
        process.release();
    }

    public EmuProcess process(int pid) {
        return processes.get(pid);
    }

    public EmuThread thread(int tid) {
        return threads.get(tid);
    }

    /** Every process the server still knows, ended ones that are referenced too, oldest first. */
    public Collection<EmuProcess> processes() {
        return Collections.unmodifiableCollection(processes.values());
    }

    public Collection<EmuThread> threads() {
        return Collections.unmodifiableCollection(threads.values());
    }

    /** Processes that have not ended. */
    public int runningProcesses() {
        return runningProcesses;
    }

    void processDestroyed(EmuProcess process) {
        processes.remove(process.pid());
        ids.free(process.pid());
    }

    void threadDestroyed(EmuThread thread) {
        threads.remove(thread.tid());
        ids.free(thread.tid());
    }

    // ---- startup records ----

    /** A fresh unguessable token (128 random bits, hex). */
    public String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Makes {@code record} (a {@link StartupInfo} or {@link ThreadStart}) findable by its token
     * until the record is destroyed. The kernel takes no reference.
     */
    public void registerToken(String token, KObject record) {
        tokens.put(token, record);
    }

    /** The startup record or thread start registered under {@code token}, or null. */
    public KObject tokenRecord(String token) {
        return tokens.get(token);
    }

    void forgetToken(String token) {
        tokens.remove(token);
    }

    // ---- objects and names ----

    /** Count of live objects of every type. */
    public int objectCount() {
        return liveObjects;
    }

    /** Live objects by type name. */
    public Map<String, Integer> objectCounts() {
        return Collections.unmodifiableMap(liveByType);
    }

    /** The object registered under {@code name}, or null. */
    public KObject lookupName(String name) {
        return names.get(name);
    }

    void objectCreated(KObject object) {
        liveObjects++;
        liveByType.merge(object.typeName(), 1, Integer::sum);
    }

    void objectDestroyed(KObject object) {
        liveObjects--;
        liveByType.computeIfPresent(object.typeName(), (k, n) -> n > 1 ? n - 1 : null);
    }

    void registerName(String name, KObject object) {
        if (names.putIfAbsent(name, object) != null) {
            throw new StatusException(Status.OBJECT_NAME_COLLISION);
        }
    }

    void unregisterName(String name, KObject object) {
        names.remove(name, object);
    }

    /** Ends every thread (their peers are told) and stops the signal thread. */
    public void shutdown() {
        for (EmuThread thread : List.copyOf(threads.values())) {
            endThread(thread, 1, true);
        }
        linux.shutdown();
    }
}

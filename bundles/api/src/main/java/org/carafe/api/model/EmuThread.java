package org.carafe.api.model;

import java.util.ArrayDeque;

import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;

/**
 * An emulated thread: one connection, its exit code, suspend count, priority and affinity, the
 * wait it is parked in and the requests held while it is suspended. Confined to the loop.
 */
public final class EmuThread extends KObject {
    /** Wine's MAXIMUM_SUSPEND_COUNT. */
    public static final int MAX_SUSPEND_COUNT = 127;

    private final int tid;
    private final EmuProcess process;
    private Connection connection;
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private int exitCode = Protocol.STILL_ACTIVE;
    private boolean exitReported;
    private boolean terminated;
    private int suspendCount;
    private int priority;
    private long affinity;
    private Waiter wait;

    EmuThread(Kernel kernel, int tid, EmuProcess process, Connection connection) {
        super(kernel);
        this.tid = tid;
        this.process = process;
        this.connection = connection;
        this.affinity = process.affinity();
        process.grab();
    }

    @Override
    public String typeName() {
        return "Thread";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    /** A thread is signaled once it has ended. */
    @Override
    public boolean isSignaled(EmuThread waiter) {
        return terminated;
    }

    @Override
    protected void destroy() {
        kernel().threadDestroyed(this);
        process.release();
    }

    @Override
    public String dump() {
        return String.format("Thread tid=%d pid=%d %s suspend=%d", tid, process.pid(),
                terminated ? "exited " + exitCode : "running", suspendCount);
    }

    public int tid() {
        return tid;
    }

    public EmuProcess process() {
        return process;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * The front-end was updated in place and its successor adopted this thread's connection:
     * from now on {@code next} describes and ends it. Since 1.5.
     */
    public void rebind(Connection next) {
        this.connection = next;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean isTerminated() {
        return terminated;
    }

    /** Whether the thread itself reported an exit code (terminate_thread on itself). */
    public boolean exitReported() {
        return exitReported;
    }

    /** Records the exit code the thread will end with when its connection closes. */
    public void reportExit(int code) {
        exitCode = code;
        exitReported = true;
    }

    public int suspendCount() {
        return suspendCount;
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

    /**
     * Raises the suspend count and returns the previous one. The thread stops when the count
     * leaves 0: an owned process's Linux process gets SIGSTOP, an embedded thread's next requests
     * are held.
     */
    public int suspend() {
        if (terminated) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
        if (suspendCount >= MAX_SUSPEND_COUNT) {
            throw new StatusException(Status.SUSPEND_COUNT_EXCEEDED);
        }

        int previous = suspendCount++;
        if (previous == 0) {
            process.threadStopped();
        }
        return previous;
    }

    /** Lowers the suspend count (not below 0) and returns the previous one. */
    public int resume() {
        int previous = suspendCount;
        if (previous == 0 || terminated) {
            return previous;
        }

        suspendCount--;
        if (suspendCount == 0) {
            process.threadContinued();
            kernel().loop().execute(this::releaseHeld);
        }
        return previous;
    }

    public boolean isSuspended() {
        return suspendCount > 0;
    }

    /**
     * Runs {@code request} now, or later when the thread is resumed. Only embedded threads are
     * held: an owned process is stopped by SIGSTOP, and its launcher must still be able to
     * report the program's end.
     */
    public void runOrHold(Runnable request) {
        if (process.ownsLinuxProcess()) {
            request.run();
        } else if (suspendCount > 0 || !held.isEmpty()) {
            held.add(request);
        } else {
            request.run();
        }
    }

    /**
     * Takes {@code request} out of the requests held while the thread is suspended, so that a
     * front-end's successor can hold it again in its own form; returns whether it was held.
     * Since 1.5.
     */
    public boolean unhold(Runnable request) {
        return held.remove(request);
    }

    /** The wait the thread is parked in, cancelled if the thread ends. */
    public void setWait(Waiter wait) {
        this.wait = wait;
    }

    public Waiter currentWait() {
        return wait;
    }

    private void releaseHeld() {
        while (suspendCount == 0 && !terminated && !held.isEmpty()) {
            held.poll().run();
        }
    }

    /** Marks the thread ended; the kernel does the rest. */
    void markTerminated(int code) {
        if (suspendCount > 0) {
            suspendCount = 0;
            process.threadContinued();
        }
        terminated = true;
        exitCode = code;
        held.clear();
        Waiter parked = wait;
        wait = null;
        if (parked != null) {
            parked.cancel();
        }
    }
}

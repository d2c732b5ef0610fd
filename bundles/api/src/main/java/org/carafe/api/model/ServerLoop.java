package org.carafe.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one serialising executor on which every state change runs, like wineserver's main loop:
 * one thread at a time, tasks in submission order, plus timers. Thread-safe to submit to.
 *
 * <p>By default the loop's own thread ({@code carafe-loop}) runs the tasks. A {@link Driver}
 * (the transport's IO thread) may {@link #attach} itself instead: from then on that thread is
 * the loop, and it runs the tasks and due timers itself between its own work by calling
 * {@link #runPending}, as wineserver's one thread polls and handles. This saves a thread hop per
 * request. Whichever thread runs the loop holds its turn for as long as it does, so two threads
 * never run tasks at once; when the driver {@link #detach detaches}, the own thread takes over
 * the tasks still queued.
 */
public final class ServerLoop implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLoop.class);

    /**
     * A thread that runs the loop's tasks itself, between its own work; see {@link #attach}.
     *
     * @since 1.1
     */
    @FunctionalInterface
    public interface Driver {
        /**
         * Called from another thread when a task or an earlier timer arrives: the driver must
         * call {@link ServerLoop#runPending} soon (for a selector thread: wake the selector).
         */
        void wakeup();
    }

    /** The result of {@link #runPending} when no timer is set. */
    public static final long NO_TIMER = Long.MAX_VALUE;

    private static final int BATCH = 1024;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong timerSequence = new AtomicLong();
    private final ReentrantLock turn = new ReentrantLock();
    private final Thread ownThread;
    private volatile Driver driver;
    private volatile Thread driverThread;
    private volatile boolean sleeping;
    private volatile boolean driverWaiting;
    private volatile boolean stopped;
    private int cancelledTimers;

    public ServerLoop() {
        ownThread = new Thread(this::ownLoop, "carafe-loop");
        ownThread.setDaemon(true);
        ownThread.start();
    }

    @Override
    public void execute(Runnable task) {
        if (stopped) {
            throw new RejectedExecutionException("the server loop is shut down");
        }
        tasks.add(task);
        wake();
    }

    /** Runs {@code task} on the loop after {@code delayMillis}; cancel the result to drop it. */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        if (stopped) {
            throw new RejectedExecutionException("the server loop is shut down");
        }
        Timer timer = new Timer(task,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis)),
                timerSequence.getAndIncrement());
        boolean first;
        synchronized (timers) {
            timers.add(timer);
            first = timers.peek() == timer;
        }
        if (first) {
            wake();
        }
        return timer;
    }

    /** True when called from the thread that runs the loop (its own, or an attached driver). */
    public boolean inLoop() {
        return turn.isHeldByCurrentThread();
    }

    /**
     * Runs {@code task} on the loop and waits for its result, for callers outside the loop (shell
     * commands, tests). Must not be called from the loop itself.
     */
    public <T> T call(Callable<T> task) throws ExecutionException, InterruptedException {
        if (inLoop()) {
            throw new IllegalStateException("ServerLoop.call from the loop would deadlock");
        }
        FutureTask<T> future = new FutureTask<>(task);
        execute(future);
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new ExecutionException("the server loop did not answer in 30 s", e);
        }
    }

    /**
     * Makes the calling thread the loop: waits until the own thread has finished the task it
     * runs, then the calling thread runs every task and timer, through {@link #runPending},
     * until it calls {@link #detach}. One driver at a time.
     *
     * @since 1.1
     */
    public void attach(Driver d) {
        if (d == null) {
            throw new NullPointerException("driver");
        }
        if (turn.isHeldByCurrentThread()) {
            throw new IllegalStateException("the calling thread already runs the loop");
        }
        driverWaiting = true;
        LockSupport.unpark(ownThread);
        turn.lock();
        driverWaiting = false;
        if (driver != null) {
            turn.unlock();
            throw new IllegalStateException("the server loop already has a driver");
        }
        driverThread = Thread.currentThread();
        driver = d;
    }

    /**
     * Gives the loop back to its own thread, which runs what is still queued. Called by the
     * attached driver's thread.
     *
     * @since 1.1
     */
    public void detach() {
        if (!turn.isHeldByCurrentThread() || Thread.currentThread() != driverThread) {
            throw new IllegalStateException("detach from a thread that is not the driver");
        }
        driver = null;
        driverThread = null;
        turn.unlock();
        LockSupport.unpark(ownThread);
    }

    /**
     * Runs the due timers and the queued tasks (the driver, between its own work). Returns 0 if
     * more work is already due, else the nanoseconds until the next timer, or {@link #NO_TIMER}.
     *
     * @since 1.1
     */
    public long runPending() {
        if (!turn.isHeldByCurrentThread() || Thread.currentThread() != driverThread) {
            throw new IllegalStateException("runPending from a thread that is not the driver");
        }
        runBatch(false);
        return nextWait();
    }

    public void shutdown() {
        stopped = true;
        tasks.clear();
        synchronized (timers) {
            // a copy: cancelling a timer removes it from the queue
            for (Timer t : timers.toArray(new Timer[0])) {
                t.cancel(false);
            }
            timers.clear();
        }
        LockSupport.unpark(ownThread);
        ownThread.interrupt();
    }

    // ---- the own thread ----

    private void ownLoop() {
        while (!stopped) {
            turn.lock();
            try {
                while (!stopped && !driverWaiting) {
                    if (runBatch(true)) {
                        continue;
                    }
                    sleeping = true;
                    try {
                        long wait = nextWait();
                        if (wait == 0 || stopped || driverWaiting) {
                            continue;
                        }
                        if (wait == NO_TIMER) {
                            LockSupport.park(this);
                        } else {
                            LockSupport.parkNanos(this, wait);
                        }
                    } finally {
                        sleeping = false;
                    }
                }
            } finally {
                turn.unlock();
            }
            // a driver asked for the loop: lock() above waits until it detaches
            Thread.interrupted();
        }
    }

    // ---- running (the thread holding the turn) ----

    /**
     * Runs the due timers, then queued tasks, at most {@link #BATCH} of them so that a driver
     * gets back to its own work. The own thread stops early when a driver waits for the turn.
     * Returns whether it ran anything.
     */
    private boolean runBatch(boolean yieldToDriver) {
        boolean ran = false;
        if (hasDueTimer()) {
            List<Timer> due = takeDueTimers();
            for (Timer t : due) {
                if (stopped) {
                    return true;
                }
                t.run();
                ran = true;
            }
        }
        for (int n = 0; n < BATCH && !stopped; n++) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            runLogged(task);
            ran = true;
            if (yieldToDriver && driverWaiting) {
                break;
            }
        }
        return ran;
    }

    private boolean hasDueTimer() {
        synchronized (timers) {
            Timer head = timers.peek();
            return head != null && head.deadline - System.nanoTime() <= 0;
        }
    }

    private List<Timer> takeDueTimers() {
        List<Timer> due = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (timers) {
            for (Timer head; (head = timers.peek()) != null && head.deadline - now <= 0;) {
                timers.poll();
                if (head.isCancelled()) {
                    cancelledTimers = Math.max(0, cancelledTimers - 1);
                } else {
                    due.add(head);
                }
            }
        }
        return due;
    }

    /** 0 if work is due, else nanoseconds until the next timer, or {@link #NO_TIMER}. */
    private long nextWait() {
        if (!tasks.isEmpty()) {
            return 0;
        }
        synchronized (timers) {
            Timer head = timers.peek();
            return head == null ? NO_TIMER : Math.max(0, head.deadline - System.nanoTime());
        }
    }

    private void wake() {
        if (turn.isHeldByCurrentThread()) {
            return; // the loop's own thread: it looks at the queue before it sleeps
        }
        Driver d = driver;
        if (d != null) {
            d.wakeup();
        } else if (sleeping) {
            LockSupport.unpark(ownThread);
        }
    }

    private void timerCancelled() {
        synchronized (timers) {
            cancelledTimers++;
            if (cancelledTimers > 64 && cancelledTimers > timers.size() / 2) {
                timers.removeIf(Timer::isCancelled);
                cancelledTimers = 0;
            }
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | AssertionError e) {
            LOG.error("task on the server loop failed", e);
        } catch (Throwable e) {
            // the loop goes on, as the executor it replaces did
            LOG.error("task on the server loop failed", e);
        }
    }

    /** A timer's task; cancel it to drop the task if it has not run yet. */
    private final class Timer extends FutureTask<Void> implements ScheduledFuture<Void> {
        final long deadline;
        final long sequence;

        Timer(Runnable task, long deadline, long sequence) {
            super(() -> runLogged(task), null);
            this.deadline = deadline;
            this.sequence = sequence;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other == this) {
                return 0;
            }
            if (other instanceof Timer) {
                Timer t = (Timer) other;
                long d = deadline - t.deadline;
                if (d != 0) {
                    return d < 0 ? -1 : 1;
                }
                return Long.compare(sequence, t.sequence);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS),
                    other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                timerCancelled();
            }
            return cancelled;
        }
    }
}

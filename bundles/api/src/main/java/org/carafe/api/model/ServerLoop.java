package org.carafe.api.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one serialising executor on which every state change runs, like wineserver's main loop:
 * one thread, tasks in submission order, plus timers. Thread-safe to submit to.
 */
public final class ServerLoop implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLoop.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    public ServerLoop() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "carafe-loop");
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(() -> runLogged(task));
    }

    /** Runs {@code task} on the loop after {@code delayMillis}; cancel the result to drop it. */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return executor.schedule(() -> runLogged(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** True when called from the loop thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code task} on the loop and waits for its result, for callers outside the loop (shell
     * commands, tests). Must not be called from the loop itself.
     */
    public <T> T call(Callable<T> task) throws ExecutionException, InterruptedException {
        if (inLoop()) {
            throw new IllegalStateException("ServerLoop.call from the loop would deadlock");
        }
        Future<T> future = executor.submit(task);
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new ExecutionException("the server loop did not answer in 30 s", e);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | AssertionError e) {
            LOG.error("task on the server loop failed", e);
        }
    }
}

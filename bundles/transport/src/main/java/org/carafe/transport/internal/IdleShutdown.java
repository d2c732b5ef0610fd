package org.carafe.transport.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.function.IntSupplier;

import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exits the server once no process has been running for the grace period, unless it is
 * persistent. Armed when the last running process ends (never before a first process ended),
 * disarmed by any thread starting. Registered as a {@link ProcessListener}, so it hears events
 * on the loop; its timer and state are confined to the loop too.
 */
final class IdleShutdown implements ProcessListener {
    private static final Logger LOG = LoggerFactory.getLogger(IdleShutdown.class);

    private final Kernel kernel;
    private final IntSupplier openConnections;
    private final Runnable shutdown;
    private boolean persistent;
    private int graceSeconds;
    private boolean anyEnded;
    private ScheduledFuture<?> timer;

    /** {@code shutdown} stops the server; it is called on the loop and must not block. */
    IdleShutdown(Kernel kernel, IntSupplier openConnections, Runnable shutdown) {
        this.kernel = kernel;
        this.openConnections = openConnections;
        this.shutdown = shutdown;
    }

    /** Applies new settings (loop): persistence disarms, a new grace period re-arms. */
    void configure(boolean persistent, int graceSeconds) {
        this.persistent = persistent;
        this.graceSeconds = graceSeconds;
        disarm();
        if (anyEnded) {
            armIfIdle(graceSeconds);
        }
    }

    @Override
    public void threadStarted(EmuThread thread) {
        disarm();
    }

    @Override
    public void processEnded(EmuProcess process) {
        anyEnded = true;
        armIfIdle(graceSeconds);
    }

    /** Whether the grace timer runs (loop). */
    boolean isArmed() {
        return timer != null;
    }

    /** Drops the timer (loop); used when the transport goes away. */
    void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void armIfIdle(int seconds) {
        if (persistent || timer != null || kernel.runningProcesses() > 0) {
            return;
        }
        timer = kernel.loop().schedule(this::expire, seconds * 1000L);
    }

    private void expire() {
        timer = null;
        if (persistent || kernel.runningProcesses() > 0) {
            return;
        }
        if (openConnections.getAsInt() > 0) {
            // a client is connected without a process yet: look again in a while
            armIfIdle(Math.max(1, graceSeconds));
            return;
        }

        LOG.info("no processes left for {} s; shutting down", graceSeconds);
        shutdown.run();
    }
}

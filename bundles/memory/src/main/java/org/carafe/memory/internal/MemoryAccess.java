package org.carafe.memory.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.handler.Request;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the copy threads of the memory handlers, their limit and the pool of direct buffers
 * that large reads are sent from. A handler checks its request on the loop, then
 * {@link #offLoop parks} the reply: the copy runs on one of {@link #THREADS}
 * threads ({@code carafe-memory-N}) and its outcome is written into the parked reply back on
 * the loop, so a large copy never holds other clients up. SCR calls the lifecycle methods; the
 * limit is read on the loop. Nothing here outlives the component: on deactivate the queued
 * copies still finish (they are bounded by the limit); their replies are ignored, as the
 * transport has taken the requests back from the departing handlers and serves them again.
 */
@Component(name = MemoryAccess.PID, service = MemoryAccess.class,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MemoryConfig.class)
public final class MemoryAccess {
    static final String PID = "org.carafe.memory";
    /** Copies at once; the machines we run on have few CPUs and /proc/PID/mem is CPU-bound. */
    static final int THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryAccess.class);
    private static final long STOP_SECONDS = 10;

    /** Idle direct buffers kept for reuse: one largest read per copy thread. */
    static final long POOL_IDLE_BYTES = THREADS * 64L * 1024 * 1024;

    private final ExecutorService copies;
    private final DirectPool pool = new DirectPool(POOL_IDLE_BYTES);
    private volatile long maxTransferBytes;

    @Activate
    public MemoryAccess(MemoryConfig config) {
        this(config.max_transfer_bytes());
        LOG.info("memory access: at most {} bytes per transfer", maxTransferBytes);
    }

    /** Without ConfigAdmin (tests): the given limit. */
    MemoryAccess(long maxTransferBytes) {
        AtomicInteger count = new AtomicInteger();
        copies = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "carafe-memory-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.maxTransferBytes = Math.max(0, maxTransferBytes);
    }

    @Modified
    void modified(MemoryConfig config) {
        maxTransferBytes = Math.max(0, config.max_transfer_bytes());
        LOG.info("memory access: at most {} bytes per transfer", maxTransferBytes);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        copies.shutdown();
        if (!copies.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("memory copies still running after {} s; interrupting them", STOP_SECONDS);
            copies.shutdownNow();
        }
    }

    /** The direct buffers of large reads. */
    DirectPool pool() {
        return pool;
    }

    /** The most bytes one read or write may move. */
    long maxTransferBytes() {
        return maxTransferBytes;
    }

    /**
     * Parks {@code request}'s reply and runs {@code copy} on a copy thread; its outcome fills
     * and completes the reply on the loop, unless the caller's thread has ended meanwhile.
     * Call on the loop, as the handler's last step.
     */
    void offLoop(Request request, Supplier<Outcome> copy) {
        ServerLoop loop = request.kernel().loop();
        ParkedReply parked = request.park();
        Runnable task = () -> deliver(loop, parked, run(copy));
        try {
            copies.execute(task);
        } catch (RejectedExecutionException e) {
            // cannot happen while a handler is registered: SCR unregisters the handlers (and
            // the transport takes their parked requests back) before this component stops
            LOG.error("memory copy refused: the memory component has stopped");
            parked.complete(Status.INTERNAL_ERROR);
        }
    }

    private static Outcome run(Supplier<Outcome> copy) {
        try {
            return copy.get();
        } catch (RuntimeException e) {
            LOG.error("memory copy failed", e);
            return Outcome.bare(Status.INTERNAL_ERROR);
        }
    }

    private static void deliver(ServerLoop loop, ParkedReply parked, Outcome outcome) {
        try {
            loop.execute(() -> {
                if (parked.isDone()) {
                    return;
                }
                if (!Status.isError(outcome.status())) {
                    outcome.fill(parked.out());
                }
                parked.complete(outcome.status());
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("server loop is stopped; dropped a memory reply");
        }
    }
}

package org.carafe.api.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the one {@link Kernel} across an update of the bundle that made it (the object core).
 * That bundle {@linkplain #publish publishes} its kernel as a service registered in the name
 * of the api bundle, so the service, and every consumer bound to it (the transport, the
 * shell), stays while the object bundle is stopped, updated and refreshed. A departing
 * revision {@linkplain #leave leaves} the kernel here; its successor {@linkplain #adopt adopts}
 * it within the grace time, or the kernel is withdrawn and shut down as if no handover had
 * been tried. This class lives in the api bundle, which is never updated in place; it is the
 * only static state of the api and is safe to call from any thread.
 *
 * @since 1.4
 */
public final class KernelHandover {
    /** How long a left kernel waits for a successor before it is shut down. */
    public static final long GRACE_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(KernelHandover.class);

    private static Kernel published;
    private static ServiceRegistration<Kernel> registration;
    /** The left kernel's ending, while it waits for a successor; null otherwise. */
    private static Runnable pendingEnd;

    private KernelHandover() {
    }

    /**
     * Registers {@code kernel} as the Kernel service, in the name of the api bundle when it
     * runs in a framework (else of {@code creator}), so that it outlives its creator's bundle.
     */
    public static synchronized void publish(Kernel kernel, BundleContext creator) {
        if (published != null) {
            throw new IllegalStateException("a kernel is already published");
        }
        BundleContext owner = apiContext();
        published = kernel;
        registration = (owner != null ? owner : creator).registerService(Kernel.class, kernel,
                null);
    }

    /**
     * Takes back the kernel a departing revision left, cancelling its shutdown; null if
     * there is none (the first start, or the grace time ran out).
     */
    public static synchronized Kernel adopt() {
        if (pendingEnd == null) {
            return null;
        }
        pendingEnd = null;
        return published;
    }

    /**
     * Leaves the published kernel for a successor. If none adopts it within {@code
     * graceMillis}, it is {@linkplain #end ended}, on a thread of its own.
     */
    public static synchronized void leave(long graceMillis) {
        if (published == null) {
            throw new IllegalStateException("no kernel is published");
        }
        Runnable end = new Runnable() {
            @Override
            public void run() {
                if (claimEnd(this)) {
                    LOG.warn("no successor took the Carafe kernel within {} ms; shutting it down",
                            graceMillis);
                    end();
                }
            }
        };
        pendingEnd = end;
        CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS).execute(end);
    }

    /**
     * Ends the published kernel: withdraws its service (its consumers stop before that
     * returns, the transport ending its connections), ends every thread on the loop, then
     * stops the loop. Runs only api code, so it is safe after its creator's bundle is gone.
     * Does nothing if no kernel is published.
     */
    public static void end() {
        Kernel kernel;
        ServiceRegistration<Kernel> reg;
        synchronized (KernelHandover.class) {
            kernel = published;
            reg = registration;
            published = null;
            registration = null;
            pendingEnd = null;
        }
        if (kernel == null) {
            return;
        }

        try {
            reg.unregister();
        } catch (IllegalStateException e) {
            // the api bundle stopped first and took the registration with it
        }

        try {
            kernel.loop().call(() -> {
                kernel.shutdown();
                return null;
            });
        } catch (ExecutionException e) {
            LOG.error("Carafe kernel shutdown failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        kernel.loop().shutdown();
    }

    /** Whether a left kernel waits for a successor. */
    public static synchronized boolean isLeft() {
        return pendingEnd != null;
    }

    private static synchronized boolean claimEnd(Runnable end) {
        if (pendingEnd != end) {
            return false;
        }
        pendingEnd = null;
        return true;
    }

    /** The api bundle's context, if this class was loaded by an active api bundle. */
    private static BundleContext apiContext() {
        Bundle api = FrameworkUtil.getBundle(KernelHandover.class);
        return api != null && api.getState() == Bundle.ACTIVE ? api.getBundleContext() : null;
    }
}

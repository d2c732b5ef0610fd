package org.carafe.api.transport;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a front-end's sockets and connections from its departing revision to its successor,
 * as {@link org.carafe.api.model.KernelHandover} does for the kernel. The departing revision
 * {@linkplain #leave leaves} a {@link HandedTransport}; the successor {@linkplain #adopt adopts}
 * it within the grace time, or it is abandoned: every connection is closed, the threads it
 * served end with exit code 1, and the socket and lock are released. Lives in the api bundle,
 * which is never updated in place; safe to call from any thread.
 *
 * @since 1.0
 */
public final class TransportHandover {
    /** How long a left transport waits for a successor. */
    public static final long GRACE_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TransportHandover.class);

    private static HandedTransport left;

    private TransportHandover() {
    }

    /** Leaves {@code state} for a successor; without one in {@code graceMillis} it is ended. */
    public static synchronized void leave(HandedTransport state, Kernel owner,
            long graceMillis) {
        if (left != null) {
            throw new IllegalStateException("a transport is already left");
        }
        left = state;
        CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS).execute(() -> {
            if (take(state)) {
                LOG.warn("no successor took the Carafe transport within {} ms; its {} "
                        + "connections are closed", graceMillis, state.connections().size());
                abandon(state, owner);
            }
        });
    }

    /** The transport a departing revision left, or null; it is the caller's from now on. */
    public static synchronized HandedTransport adopt() {
        HandedTransport state = left;
        left = null;
        return state;
    }

    /** Whether a left transport waits for a successor. */
    public static synchronized boolean isLeft() {
        return left != null;
    }

    /**
     * Ends what {@code state} holds, for a successor that cannot adopt it (or when none came):
     * closes every connection and the listening socket, removes the socket, drops the lock, and
     * ends on the kernel's loop each thread still running with exit code 1.
     */
    public static void abandon(HandedTransport state, Kernel owner) {
        for (HandedConnection conn : state.connections()) {
            closeQuietly(conn.channel());
        }
        closeQuietly(state.master());
        try {
            Files.deleteIfExists(state.socketDir().resolve("socket"));
        } catch (IOException e) {
            LOG.debug("removing the socket failed", e);
        }
        try {
            state.lock().release();
        } catch (IOException e) {
            LOG.debug("releasing the lock failed", e);
        }
        closeQuietly(state.lockFile());

        try {
            owner.loop().call(() -> {
                for (HandedConnection conn : state.connections()) {
                    EmuThread thread = conn.thread();
                    if (thread != null && !thread.isTerminated()) {
                        owner.endThread(thread, 1, false);
                    }
                }
                return null;
            });
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("could not end the threads of an abandoned transport: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized boolean take(HandedTransport state) {
        if (left != state) {
            return false;
        }
        left = null;
        return true;
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a handed-over channel failed", e);
        }
    }
}

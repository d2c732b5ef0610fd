package org.carafe.transport.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections whose request has a parked reply, and taking those requests back when the
 * handler that parked them goes away: the caller's wait is cancelled (it only held references
 * and its place among the waited objects), the old reply is dropped and the request is served
 * again, from its data, by whichever handler serves its name then. So no code of an updated
 * bundle runs after its update, and no parked request is lost with it. Confined to the loop.
 */
final class ParkedRequests {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedRequests.class);

    private final Set<ClientConnection> parked = new LinkedHashSet<>();
    private final Consumer<ClientConnection> serveAgain;
    private BooleanSupplier loud = () -> true;

    /** {@code serveAgain} runs a restarted request as if it had just arrived. */
    ParkedRequests(Consumer<ClientConnection> serveAgain) {
        this.serveAgain = serveAgain;
    }

    /**
     * Makes take-backs INFO lines while {@code loud} holds (the framework runs) and DEBUG lines
     * otherwise, so that stopping the server does not read like a swap of every handler.
     */
    void logAtInfo(BooleanSupplier loud) {
        this.loud = loud;
    }

    void add(ClientConnection conn) {
        parked.add(conn);
    }

    void remove(ClientConnection conn) {
        parked.remove(conn);
    }

    int size() {
        return parked.size();
    }

    /** Takes back every request {@code handler} parked; returns how many. */
    int takeBack(RequestHandler handler) {
        List<ClientConnection> mine = new ArrayList<>();
        for (ClientConnection conn : parked) {
            if (conn.request().servedBy() == handler) {
                mine.add(conn);
            }
        }

        for (ClientConnection conn : mine) {
            String format = "{}: parked {} taken back from its departing handler, served again";
            if (loud.getAsBoolean()) {
                LOG.info(format, conn.describe(), conn.request().name());
            } else {
                LOG.debug(format, conn.describe(), conn.request().name());
            }
            cancelWait(conn.thread());
            conn.request().restart();
            serveAgain.accept(conn);
        }
        return mine.size();
    }

    /** Ends the thread's current wait without a reply; the wait's code may already be gone. */
    static void cancelWait(EmuThread thread) {
        Waiter wait = thread != null ? thread.currentWait() : null;
        if (wait == null) {
            return;
        }
        try {
            wait.cancel();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("cancelling the wait of thread {} failed; its references may leak: {}",
                    Integer.toHexString(thread.tid()), e.toString());
        }
        if (thread.currentWait() == wait) {
            thread.setWait(null);
        }
    }
}

package org.carafe.api.handler;

import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request being served: who sent it, its data, and the reply being built. Valid on the
 * loop until the handler returns, or, once parked, until the parked reply completes.
 */
@ProviderType
public interface Request {
    String name();

    Kernel kernel();

    /** The sending thread; null only during init_thread, which creates it. */
    EmuThread caller();

    /** The connection the request came on. */
    Connection connection();

    /** Makes {@code thread} the caller of this connection; only init_thread may. */
    void bindCaller(EmuThread thread);

    WireReader in();

    /** The reply data; discarded if the request fails with an error status. */
    WireWriter out();

    /** Sets a status other than success to send with the reply data (e.g. a warning). */
    void setStatus(int status);

    /**
     * When the server first took this request ({@link System#nanoTime()}). A request served
     * again, because the handler that parked it went away (see {@link ParkedReply}), keeps its
     * first time, so a wait resumed by the successor does not start its timeout afresh.
     *
     * @since 1.1
     */
    long startNanos();

    /**
     * What is left of a wait of {@code timeoutMillis} counted from {@link #startNanos}: a
     * negative timeout (forever) as it is, otherwise at least 0 (poll).
     *
     * @since 1.1
     */
    default long remainingMillis(long timeoutMillis) {
        if (timeoutMillis < 0) {
            return timeoutMillis;
        }
        long elapsed = (System.nanoTime() - startNanos()) / 1_000_000;
        return Math.max(0, timeoutMillis - elapsed);
    }

    /**
     * Keeps the reply back until {@link ParkedReply#complete} is called on the loop; the handler
     * returns at once and the connection sends nothing meanwhile.
     */
    ParkedReply park();
}

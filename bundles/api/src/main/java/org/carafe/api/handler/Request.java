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
     * Keeps the reply back until {@link ParkedReply#complete} is called on the loop; the handler
     * returns at once and the connection sends nothing meanwhile.
     */
    ParkedReply park();
}

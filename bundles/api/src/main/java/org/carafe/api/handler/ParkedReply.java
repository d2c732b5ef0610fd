package org.carafe.api.handler;

import org.carafe.api.protocol.WireWriter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A reply held back by a blocking request (select, wait_process). Use on the loop only.
 * <p>
 * A parked request belongs to the handler service that parked it. When that service is
 * unregistered (its bundle is updated or stopped) before the reply completes, the server
 * takes the request back: it cancels the caller's {@linkplain
 * org.carafe.api.model.EmuThread#currentWait current wait}, marks this reply done (so a late
 * {@link #complete} from the old code is ignored) and serves the request again, from its
 * data, with whichever handler then serves its name. A handler that parks must therefore
 * keep its wait's state in the model (not in the wait object) and be safe to run twice for
 * one request; a timeout should be taken through {@link Request#remainingMillis}.
 */
@ProviderType
public interface ParkedReply {
    /** The reply data to fill before completing. */
    WireWriter out();

    /** Sends the reply with {@code status}; later calls are ignored. */
    void complete(int status);

    /** Whether it was completed, or dropped because the thread ended. */
    boolean isDone();
}

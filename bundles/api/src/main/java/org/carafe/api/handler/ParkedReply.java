package org.carafe.api.handler;

import org.carafe.api.protocol.WireWriter;
import org.osgi.annotation.versioning.ProviderType;

/** A reply held back by a blocking request (select, wait_process). Use on the loop only. */
@ProviderType
public interface ParkedReply {
    /** The reply data to fill before completing. */
    WireWriter out();

    /** Sends the reply with {@code status}; later calls are ignored. */
    void complete(int status);

    /** Whether it was completed, or dropped because the thread ended. */
    boolean isDone();
}

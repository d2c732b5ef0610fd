package org.carafe.transport.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the callbacks that say a handed-over buffer is written or dropped. They come from
 * handler bundles, so a failing one (or one whose bundle was refreshed away) is logged and
 * never reaches the IO thread or the loop.
 */
final class Done {
    static final Runnable NOTHING = () -> { };

    private static final Logger LOG = LoggerFactory.getLogger(Done.class);

    private Done() {
    }

    static void run(Runnable done) {
        if (done == null) {
            return;
        }
        try {
            done.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("a sent-buffer callback failed: {}", e.toString());
        }
    }
}

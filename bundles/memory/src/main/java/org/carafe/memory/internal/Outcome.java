package org.carafe.memory.internal;

import java.util.function.Consumer;

import org.carafe.api.protocol.WireWriter;

/**
 * What a copy thread hands back to the loop: the reply's status and how to fill its data. Made
 * off the loop, applied on it; immutable apart from the bytes it refers to, which nobody else
 * holds.
 */
record Outcome(int status, Consumer<WireWriter> body) {
    /** A status with no reply data (errors, and requests that reply nothing). */
    static Outcome bare(int status) {
        return new Outcome(status, out -> { });
    }

    void fill(WireWriter out) {
        body.accept(out);
    }
}

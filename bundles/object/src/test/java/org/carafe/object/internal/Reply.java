package org.carafe.object.internal;

import org.carafe.api.protocol.WireReader;

/**
 * What a handler answered in a test: the status, the reply data (empty for errors, as the
 * dispatcher sends it) and the parked reply if it parked. Immutable.
 */
record Reply(int status, byte[] data, FakeRequest.Parked parked) {
    WireReader in() {
        return new WireReader(data);
    }

    /** The first u32 of the reply data, e.g. a handle or an index. */
    int u32() {
        return in().u32();
    }
}

package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugDetails;
import org.carafe.api.debug.DebugEvent;
import org.carafe.api.protocol.WireWriter;

/**
 * The wire layout of an event's data in wait_debug_event: {@code u32 size}, then the fields of
 * its code (see docs/protocol.md, "Debugging"). Stateless.
 */
final class EventData {
    private EventData() {
    }

    static void write(DebugEvent event, WireWriter out) {
        WireWriter data = new WireWriter();
        DebugDetails d = event.details();
        switch (event.code()) {
            case DebugEvent.EXCEPTION:
                data.u32(d.value()).u64(d.address()).u32(d.firstChance() ? 1 : 0);
                break;
            case DebugEvent.CREATE_PROCESS:
            case DebugEvent.OUTPUT_DEBUG_STRING:
                data.string(d.text());
                break;
            case DebugEvent.EXIT_THREAD:
            case DebugEvent.EXIT_PROCESS:
                data.u32(d.value());
                break;
            case DebugEvent.LOAD_DLL:
                data.u64(d.address()).u64(d.size()).string(d.text());
                break;
            case DebugEvent.UNLOAD_DLL:
                data.u64(d.address());
                break;
            default:
                break;
        }
        out.bytes(data.toArray());
    }
}

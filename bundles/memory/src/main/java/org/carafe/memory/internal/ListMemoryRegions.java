package org.carafe.memory.internal;

import java.util.List;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * list_memory_regions: the mappings of the process's Linux process, from /proc/PID/maps (read
 * on a copy thread, since a large process has thousands of lines).
 */
@Component(name = "list_memory_regions",
        property = RequestHandler.REQUEST + "=list_memory_regions",
        service = RequestHandler.class)
public final class ListMemoryRegions implements RequestHandler {
    private final MemoryAccess memory;

    @Activate
    public ListMemoryRegions(@Reference MemoryAccess memory) {
        this.memory = memory;
    }

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        Target target = Target.of(request, handle, Rights.PROCESS_QUERY_INFORMATION);

        memory.offLoop(request, () -> list(target));
    }

    /** On a copy thread. */
    static Outcome list(Target target) {
        List<Region> regions;
        try {
            regions = MemoryMaps.read(target);
        } catch (StatusException e) {
            return Outcome.bare(e.status());
        }
        return new Outcome(Status.SUCCESS, out -> write(out, regions));
    }

    private static void write(WireWriter out, List<Region> regions) {
        out.u32(regions.size());
        for (Region r : regions) {
            out.u64(r.base()).u64(r.size()).u32(r.protection()).string(r.file());
        }
    }
}

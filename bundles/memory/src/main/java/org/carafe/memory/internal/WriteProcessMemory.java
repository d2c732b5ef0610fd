package org.carafe.memory.internal;

import java.io.IOException;
import java.util.List;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * write_process_memory: all or nothing. Checks the handle and the range on the loop; on a copy
 * thread, checks that every byte of the range is mapped (else STATUS_PARTIAL_COPY, nothing
 * written) and accepts writes, then writes.
 */
@Component(name = "write_process_memory",
        property = RequestHandler.REQUEST + "=write_process_memory",
        service = RequestHandler.class)
public final class WriteProcessMemory implements RequestHandler {
    private final MemoryAccess memory;

    @Activate
    public WriteProcessMemory(@Reference MemoryAccess memory) {
        this.memory = memory;
    }

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        long address = request.in().u64();
        byte[] data = request.in().bytes();
        Target target = Target.of(request, handle, Rights.PROCESS_VM_WRITE);
        Transfer.check(address, data.length, memory.maxTransferBytes());
        if (data.length == 0) {
            return;
        }

        memory.offLoop(request, () -> write(target, address, data));
    }

    /** On a copy thread. */
    static Outcome write(Target target, long address, byte[] data) {
        try (ProcMem mem = ProcMem.open(target, true)) {
            List<Region> regions = MemoryMaps.read(target);
            if (!MemoryMaps.covers(regions, address, data.length, r -> true)) {
                return Outcome.bare(Status.PARTIAL_COPY);
            }
            if (!MemoryMaps.covers(regions, address, data.length, Region::acceptsWrites)) {
                return Outcome.bare(Status.ACCESS_DENIED);
            }
            // FIXME the target runs on: a mapping it drops after the check fails the write half-way
            mem.write(address, data);
            return Outcome.bare(Status.SUCCESS);
        } catch (StatusException e) {
            return Outcome.bare(e.status());
        } catch (IOException e) {
            return Outcome.bare(Status.ACCESS_DENIED);
        }
    }
}

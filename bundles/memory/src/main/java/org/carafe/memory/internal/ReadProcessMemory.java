package org.carafe.memory.internal;

import java.util.Arrays;

import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * read_process_memory: checks the handle and the range on the loop, then reads on a copy
 * thread. Unmapped memory ends the read: the bytes before it come back with
 * STATUS_PARTIAL_COPY.
 */
@Component(name = "read_process_memory",
        property = RequestHandler.REQUEST + "=read_process_memory",
        service = RequestHandler.class)
public final class ReadProcessMemory implements RequestHandler {
    private final MemoryAccess memory;

    @Activate
    public ReadProcessMemory(@Reference MemoryAccess memory) {
        this.memory = memory;
    }

    @Override
    public void handle(Request request) {
        int handle = request.in().u32();
        long address = request.in().u64();
        long length = Integer.toUnsignedLong(request.in().u32());
        Target target = Target.of(request, handle, Rights.PROCESS_VM_READ);
        Transfer.check(address, length, memory.maxTransferBytes());
        if (length == 0) {
            request.out().u32(0);
            return;
        }

        memory.offLoop(request, () -> read(target, address, (int) length));
    }

    /** On a copy thread: the bytes, or as many as could be read. */
    static Outcome read(Target target, long address, int length) {
        byte[] data = new byte[length];
        int n;
        try (ProcMem mem = ProcMem.open(target, false)) {
            n = mem.read(address, data);
        } catch (StatusException e) {
            return Outcome.bare(e.status());
        }

        byte[] got = n == length ? data : Arrays.copyOf(data, n);
        return new Outcome(n == length ? Status.SUCCESS : Status.PARTIAL_COPY,
                out -> out.reserve(4 + got.length).u32(got.length).raw(got));
    }
}

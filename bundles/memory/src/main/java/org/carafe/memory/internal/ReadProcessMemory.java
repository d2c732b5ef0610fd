package org.carafe.memory.internal;

import java.nio.ByteBuffer;
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
    /** Reads from this size on go through a direct buffer; below, allocating one costs more. */
    static final int DIRECT_BYTES = 64 * 1024;

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

        memory.offLoop(request, () -> read(target, address, (int) length, memory.pool()));
    }

    /**
     * On a copy thread: the bytes, or as many as could be read. From {@link #DIRECT_BYTES} on
     * they are read into a pooled direct buffer that becomes the reply's payload, so the kernel
     * fills it and the socket sends it with no copy in between; the buffer goes back to the
     * pool once sent. Smaller reads are copied into the reply, which then goes out in one write.
     */
    static Outcome read(Target target, long address, int length, DirectPool pool) {
        ByteBuffer direct = length >= DIRECT_BYTES ? pool.borrow(length) : null;
        ByteBuffer data = direct != null ? direct : ByteBuffer.allocate(length);
        int n;
        try (ProcMem mem = ProcMem.open(target, false)) {
            n = mem.read(address, data);
        } catch (StatusException e) {
            giveBack(pool, direct);
            return Outcome.bare(e.status());
        }

        int status = n == length ? Status.SUCCESS : Status.PARTIAL_COPY;
        data.limit(n);
        if (direct != null) {
            return new Outcome(status, out -> out.u32(n).payload(direct,
                    () -> pool.giveBack(direct)));
        }
        return new Outcome(status, out -> out.reserve(4 + n).u32(n).raw(bytes(data)));
    }

    private static void giveBack(DirectPool pool, ByteBuffer direct) {
        if (direct != null) {
            pool.giveBack(direct);
        }
    }

    private static byte[] bytes(ByteBuffer heap) {
        return heap.limit() == heap.capacity() ? heap.array()
                : Arrays.copyOf(heap.array(), heap.limit());
    }
}

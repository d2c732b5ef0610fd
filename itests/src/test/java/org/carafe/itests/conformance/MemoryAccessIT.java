package org.carafe.itests.conformance;

import static org.carafe.itests.conformance.ServerFixture.assertStatus;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.EmulatedThread;
import org.carafe.client.MemoryRead;
import org.carafe.client.MemoryRegion;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.Status;
import org.carafe.itests.CarafeOptions;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * read_process_memory, write_process_memory and list_memory_regions on a real Linux program
 * claimed as an owned process: its binary, its stack, the edge of a mapping, rights, an ended
 * process, bad ranges, and a 64 MiB read that does not hold other clients up.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MemoryAccessIT {
    private static final int MIB = 1 << 20;
    private static final int ALL = Rights.PROCESS_VM_READ | Rights.PROCESS_VM_WRITE
            | Rights.PROCESS_QUERY_INFORMATION | Rights.SYNCHRONIZE;

    @Inject
    private Kernel kernel;

    private ServerFixture server;
    private Process program;
    private EmulatedThread owner;
    private EmulatedThread control;
    private int pid;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Before
    public void setUp() throws IOException {
        server = new ServerFixture(kernel);
        control = server.start("control").mainThread();
    }

    @After
    public void tearDown() {
        if (owner != null) {
            owner.close();
        }
        if (program != null) {
            program.destroyForcibly();
        }
        server.close();
    }

    /** Starts {@code command} and claims it as an owned process (kind 1). */
    private void claim(String... command) throws IOException {
        program = new ProcessBuilder(command).start();
        owner = EmulatedThread.connect(ServerFixture.socket());
        pid = owner.initThread(Protocol.KIND_OWNED, (int) program.pid(), "", command[0]).pid();
        owner.initProcess();
        owner.initProcessDone();
    }

    private void claimSleep() throws IOException {
        claim("sleep", "60");
    }

    private int open(int access) throws IOException {
        return control.openProcess(pid, access, false);
    }

    private static MemoryRegion find(List<MemoryRegion> regions, Predicate<MemoryRegion> p) {
        return regions.stream().filter(p).findFirst().orElse(null);
    }

    /** A region with the given bits whose end is followed by unmapped memory. */
    private static MemoryRegion beforeAGap(List<MemoryRegion> regions, int bits) {
        for (int i = 0; i + 1 < regions.size(); i++) {
            MemoryRegion r = regions.get(i);
            if ((r.protection() & bits) == bits && regions.get(i + 1).base() != r.end()) {
                return r;
            }
        }
        return null;
    }

    @Test
    public void theBinaryStartsWithTheElfMagic() throws Exception {
        claimSleep();
        int h = open(ALL);
        List<MemoryRegion> regions = control.listMemoryRegions(h);
        MemoryRegion binary = find(regions, r -> r.file().endsWith("/sleep"));
        assertNotNull("no mapping of sleep in " + regions, binary);

        MemoryRead read = control.readProcessMemory(h, binary.base(), 4);

        assertEquals(Status.SUCCESS, read.status());
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, read.data());
        assertTrue((binary.protection() & MemoryRegion.READ) != 0);
    }

    @Test
    public void aWriteToTheStackReadsBack() throws Exception {
        claimSleep();
        int h = open(ALL);
        MemoryRegion stack = find(control.listMemoryRegions(h), r -> r.file().equals("[stack]"));
        long at = stack.base() + 64;
        byte[] pattern = {(byte) 0xc0, (byte) 0xff, (byte) 0xee, 0x11, 0x22, 0x33, 0x44, 0x55};

        assertEquals(Status.SUCCESS, control.writeProcessMemory(h, at, pattern));

        assertArrayEquals(pattern, control.readProcessMemory(h, at, pattern.length).data());
    }

    @Test
    public void aReadAcrossTheEndOfAMappingReturnsTheBytesUpToIt() throws Exception {
        claimSleep();
        int h = open(ALL);
        MemoryRegion r = beforeAGap(control.listMemoryRegions(h), MemoryRegion.READ);
        byte[] tail = control.readProcessMemory(h, r.end() - 8, 8).data();

        MemoryRead read = control.readProcessMemory(h, r.end() - 8, 16);

        assertEquals(Status.PARTIAL_COPY, read.status());
        assertArrayEquals(tail, read.data());
        MemoryRead none = control.readProcessMemory(h, r.end(), 16);
        assertEquals(Status.PARTIAL_COPY, none.status());
        assertEquals(0, none.data().length);
    }

    @Test
    public void aWriteAcrossTheEndOfAMappingWritesNothing() throws Exception {
        claimSleep();
        int h = open(ALL);
        MemoryRegion r = beforeAGap(control.listMemoryRegions(h),
                MemoryRegion.READ | MemoryRegion.WRITE);
        byte[] before = control.readProcessMemory(h, r.end() - 8, 8).data();
        byte[] data = new byte[16];
        Arrays.fill(data, (byte) 0xa5);

        assertEquals(Status.PARTIAL_COPY, control.writeProcessMemory(h, r.end() - 8, data));

        assertArrayEquals(before, control.readProcessMemory(h, r.end() - 8, 8).data());
    }

    @Test
    public void eachRequestNeedsItsRight() throws Exception {
        claimSleep();
        int query = open(Rights.PROCESS_QUERY_INFORMATION);
        int read = open(Rights.PROCESS_VM_READ);
        MemoryRegion stack = find(control.listMemoryRegions(query),
                r -> r.file().equals("[stack]"));

        assertStatus(Status.ACCESS_DENIED,
                () -> control.readProcessMemory(query, stack.base(), 4));
        assertStatus(Status.ACCESS_DENIED,
                () -> control.writeProcessMemory(read, stack.base(), new byte[4]));
        assertStatus(Status.ACCESS_DENIED, () -> control.listMemoryRegions(read));
    }

    @Test
    public void anEndedProcessIsTerminating() throws Exception {
        claimSleep();
        int h = open(ALL);
        owner.close();
        assertEquals(Status.SUCCESS, control.select(0, ServerFixture.DEADLINE_MS, h).status());

        assertStatus(Status.PROCESS_IS_TERMINATING, () -> control.readProcessMemory(h, 0, 4));
        assertStatus(Status.PROCESS_IS_TERMINATING,
                () -> control.writeProcessMemory(h, 0, new byte[4]));
        assertStatus(Status.PROCESS_IS_TERMINATING, () -> control.listMemoryRegions(h));
    }

    @Test
    public void badRangesAreInvalidAndZeroBytesSucceed() throws Exception {
        claimSleep();
        int h = open(ALL);

        assertStatus(Status.INVALID_PARAMETER,
                () -> control.readProcessMemory(h, 0xFFFFFFFFFFFFFFF0L, 17));
        assertStatus(Status.INVALID_PARAMETER,
                () -> control.writeProcessMemory(h, -4L, new byte[8]));
        assertStatus(Status.INVALID_PARAMETER,
                () -> control.readProcessMemory(h, 0x10000, 64 * MIB + 1));
        assertStatus(Status.INVALID_PARAMETER, () -> control.readProcessMemory(h, 0, -1));
        MemoryRead empty = control.readProcessMemory(h, 0, 0);
        assertEquals(Status.SUCCESS, empty.status());
        assertEquals(0, empty.data().length);
    }

    @Test
    public void embeddedProcessesHaveNoMemoryToRead() throws Exception {
        int h = control.openProcess(control.pid(), ALL, false);

        assertStatus(Status.ACCESS_DENIED, () -> control.readProcessMemory(h, 0x10000, 4));
    }

    @Test
    public void otherClientsAreServedWhileA64MibReadIsInFlight() throws Exception {
        claim("python3", "-c",
                "b = bytearray(b'\\x01') * (80 << 20); import time; time.sleep(60)");
        int h = open(ALL);
        MemoryRegion[] big = new MemoryRegion[1];
        ServerFixture.await("python allocated 80 MiB", () -> {
            big[0] = find(regions(h), r -> r.size() >= 64 * MIB
                    && (r.protection() & MemoryRegion.READ) != 0);
            return big[0] != null;
        });
        EmulatedThread reader = server.start("reader").mainThread();
        int rh = reader.openProcess(pid, Rights.PROCESS_VM_READ, false);

        int servedMeanwhile = 0;
        for (int attempt = 0; attempt < 5 && servedMeanwhile < 3; attempt++) {
            AtomicBoolean sent = new AtomicBoolean();
            CompletableFuture<MemoryRead> read = CompletableFuture.supplyAsync(() -> {
                try {
                    sent.set(true);
                    return reader.readProcessMemory(rh, big[0].base(), 64 * MIB);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!read.isDone()) {
                boolean wasSent = sent.get();
                control.getProcessInfo(Protocol.CURRENT_PROCESS);
                servedMeanwhile += wasSent && !read.isDone() ? 1 : 0;
            }
            MemoryRead got = read.get(ServerFixture.DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertEquals(Status.SUCCESS, got.status());
            assertEquals(64 * MIB, got.data().length);
            assertEquals(1, got.data()[12345]);
        }

        assertTrue("requests answered while a 64 MiB read ran: " + servedMeanwhile,
                servedMeanwhile >= 3);
    }

    private List<MemoryRegion> regions(int h) {
        try {
            return control.listMemoryRegions(h);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

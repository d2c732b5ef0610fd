package org.carafe.client.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.carafe.client.EmulatedThread;
import org.carafe.client.MemoryRead;
import org.carafe.client.MemoryRegion;
import org.carafe.client.Rights;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carafe mem bench PID}: read_process_memory throughput of 1 MiB and 64 MiB reads from
 * the process's largest readable region, median of N timed runs after a warm-up, in MB/s
 * (10^6 bytes per second), the client's copy of the reply included.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure read_process_memory throughput against a process.")
final class MemBenchCommand extends MemAction {
    private static final int[] SIZES = {1 << 20, 64 << 20};

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20",
            description = "Timed reads per size (default ${DEFAULT-VALUE}).")
    int runs;

    @Parameters(index = "0", paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    int pid() {
        return pid;
    }

    @Override
    int access() {
        return Rights.PROCESS_VM_READ | Rights.PROCESS_QUERY_INFORMATION;
    }

    @Override
    int execute(EmulatedThread t, int handle) throws IOException {
        if (runs < 1) {
            throw new CliException("mem bench: --runs must be positive", Main.EXIT_ERROR);
        }
        MemoryRegion region = largestReadable(t.listMemoryRegions(handle));
        out().printf("region %016x-%016x %s %s (%d MiB)%n", region.base(), region.end(),
                region.perms(), region.file(), region.size() >> 20);
        for (int size : SIZES) {
            if (size > region.size()) {
                out().printf("%2d MiB: skipped, the largest readable region is smaller%n",
                        size >> 20);
                continue;
            }
            double median = medianNanos(t, handle, region.base(), size);
            out().printf("%2d MiB: median %.2f ms  %.0f MB/s  (%d runs)%n", size >> 20,
                    median / 1e6, size / (median / 1e9) / 1e6, runs);
            out().flush();
        }
        return 0;
    }

    private double medianNanos(EmulatedThread t, int handle, long address, int size)
            throws IOException {
        read(t, handle, address, size);
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            read(t, handle, address, size);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2.0;
    }

    private static void read(EmulatedThread t, int handle, long address, int size)
            throws IOException {
        MemoryRead r = t.readProcessMemory(handle, address, size);
        if (!r.complete()) {
            throw new CliException("mem bench: only " + r.data().length + " of " + size
                    + " bytes readable at " + Long.toHexString(address), Main.EXIT_ERROR);
        }
    }

    private static MemoryRegion largestReadable(List<MemoryRegion> regions) {
        MemoryRegion best = null;
        for (MemoryRegion r : regions) {
            if ((r.protection() & MemoryRegion.READ) != 0
                    && (best == null || Long.compareUnsigned(r.size(), best.size()) > 0)
                    && !r.file().equals("[vvar]")) {
                best = r;
            }
        }
        if (best == null) {
            throw new CliException("mem bench: no readable region", Main.EXIT_ERROR);
        }
        return best;
    }
}

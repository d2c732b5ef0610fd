package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

import org.carafe.client.CarafeConnection;
import org.carafe.client.CarafeException;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.client.Reply;
import org.carafe.client.RequestCodes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carafe bench}: round trips of get_process_info on the own process. Phase 1 times each
 * of N requests of one client; phase 2 runs several clients (threads, each its own emulated
 * process) for a few seconds and compares their aggregate rate with phase 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure request round trips and throughput.")
final class BenchCommand extends ClientCommand {
    @Option(names = "--requests", paramLabel = "N", defaultValue = "200000",
            description = "Timed requests of phase 1 (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--clients", paramLabel = "C", defaultValue = "8",
            description = "Clients of phase 2 (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Duration of phase 2 in seconds (default ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    int execute(EmulatedThread t) throws IOException {
        if (requests < 1 || clients < 1 || seconds <= 0) {
            throw new CliException("bench: --requests, --clients and --seconds must be positive",
                    Main.EXIT_ERROR);
        }
        PrintWriter out = out();
        out.println(pinningLine(cpusAllowed()));
        int warmup = Math.min(50_000, Math.max(10_000, requests / 10));
        out.printf("phase 1: 1 client, %d x get_process_info (after %d warm-up)%n",
                requests, warmup);
        out.flush();
        Phase1 p1 = phase1(t.connection(), warmup, requests);
        out.printf("  median %.2f us  p99 %.2f us  mean %.2f us  %.0f requests/s%n",
                p1.median / 1e3, p1.p99 / 1e3, p1.mean / 1e3, p1.rate);
        out.printf("phase 2: %d clients for %s s%n", clients, fmtSeconds(seconds));
        out.flush();
        long total = phase2();
        double rate = total / seconds;
        out.printf("  %d requests, %.0f requests/s aggregate, %.2f x one client%n",
                total, rate, rate / p1.rate);
        return 0;
    }

    /** Timings of phase 1, in nanoseconds and requests per second. */
    record Phase1(double median, double p99, double mean, double rate) {
    }

    static Phase1 phase1(CarafeConnection conn, int warmup, int n) throws IOException {
        for (int i = 0; i < warmup; i++) {
            roundTrip(conn);
        }
        long[] times = new long[n];
        long begin = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            roundTrip(conn);
            times[i] = System.nanoTime() - t0;
        }
        long elapsed = System.nanoTime() - begin;
        return summarize(times, elapsed);
    }

    /** Median, 99th percentile, mean of {@code times}, and the rate over {@code elapsed} ns. */
    static Phase1 summarize(long[] times, long elapsed) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        double p99 = sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Phase1(median, p99, sum / n, n * 1e9 / Math.max(1, elapsed));
    }

    private static void roundTrip(CarafeConnection conn) throws IOException {
        Reply r = conn.call(RequestCodes.GET_PROCESS_INFO,
                conn.writer().u32(Protocol.CURRENT_PROCESS));
        if (r.isError()) {
            throw new CarafeException(r.status(), r.request());
        }
    }

    private long phase2() throws IOException {
        Path socket = main.socket();
        List<EmulatedProcess> procs = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                procs.add(EmulatedProcess.start(socket, "carafe bench client " + (i + 1)));
            }
            long done = runClients(procs);
            for (EmulatedProcess p : procs) {
                p.exit(0);
            }
            return done;
        } finally {
            for (EmulatedProcess p : procs) {
                p.close();
            }
        }
    }

    private long runClients(List<EmulatedProcess> procs) throws IOException {
        long[] counts = new long[procs.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(procs.size());
        long duration = (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < procs.size(); i++) {
            int k = i;
            CarafeConnection conn = procs.get(i).mainThread().connection();
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    long deadline = System.nanoTime() + duration;
                    long c = 0;
                    while (System.nanoTime() < deadline) {
                        roundTrip(conn);
                        c++;
                    }
                    counts[k] = c;
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    start.reset();
                }
            }, "carafe-bench-" + (i + 1));
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        Exception e = failure.get();
        if (e instanceof IOException) {
            throw (IOException) e;
        } else if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        } else if (e != null) {
            throw new IOException(e);
        }
        return Arrays.stream(counts).sum();
    }

    /** The line about CPU pinning, from the Cpus_allowed_list value (null if unknown). */
    static String pinningLine(String cpus) {
        String advice = "for stable figures run: taskset -c 0 ./carafe bench";
        if (cpus == null) {
            return "CPU affinity unknown; " + advice;
        }
        if (cpus.matches("\\d+")) {
            return "pinned to CPU " + cpus + " (as recommended: taskset -c 0 ./carafe bench)";
        }
        return "not pinned (CPUs " + cpus + "); " + advice;
    }

    private static String cpusAllowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return null;
    }

    private static String fmtSeconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}

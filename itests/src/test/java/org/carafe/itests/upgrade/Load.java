package org.carafe.itests.upgrade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import org.carafe.client.ConnectionLostException;
import org.carafe.client.ThreadTerminatedException;

/**
 * The figures of a load run, shared by the worker threads: requests issued and failed,
 * connections dropped, the longest latency overall and of requests that overlapped a bundle
 * swap, and the first few failures. The swapping thread marks the swap windows.
 */
final class Load {
    /** A client call that may fail. */
    interface Call<T> {
        T call() throws IOException;
    }

    final Path socket;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong issued = new AtomicLong();
    final AtomicLong issuedDuringSwap = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    final LongAccumulator maxSwapNanos = new LongAccumulator(Math::max, 0);
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Incremented at the start and at the end of each swap window: odd while swapping. */
    private final AtomicLong swapEpoch = new AtomicLong();

    Load(Path socket) {
        this.socket = socket;
    }

    void swapStarts() {
        swapEpoch.incrementAndGet();
    }

    void swapEnds() {
        swapEpoch.incrementAndGet();
    }

    /** Issues one request, timing it; a failure is counted, noted and thrown on. */
    <T> T request(String what, Call<T> call) throws IOException {
        long epoch = swapEpoch.get();
        long start = System.nanoTime();
        try {
            return call.call();
        } catch (ConnectionLostException | ThreadTerminatedException e) {
            dropped.incrementAndGet();
            note(what, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            note(what, e);
            throw e;
        } finally {
            long nanos = System.nanoTime() - start;
            issued.incrementAndGet();
            maxNanos.accumulate(nanos);
            if ((epoch & 1) == 1 || swapEpoch.get() != epoch) {
                issuedDuringSwap.incrementAndGet();
                maxSwapNanos.accumulate(nanos);
            }
        }
    }

    /** A check on a reply that did not hold: counted as a failed request. */
    void wrong(String what) {
        failed.incrementAndGet();
        note(what, null);
    }

    private void note(String what, Exception e) {
        if (failures.size() < 20) {
            failures.add(what + (e != null ? ": " + e : ""));
        }
    }
}

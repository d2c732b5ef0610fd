package org.carafe.itests.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.carafe.api.model.Kernel;
import org.carafe.client.CarafeException;
import org.carafe.client.EmulatedProcess;

/**
 * What the conformance scenarios share: the socket of the server in this container, emulated
 * processes that are closed after each test, the kernel's object count, and waiting on a
 * condition with a deadline. Used from the test thread only.
 */
final class ServerFixture implements AutoCloseable {
    static final long DEADLINE_MS = 10_000;
    /** Pause between two looks at a polled condition. */
    private static final long POLL_NANOS = 1_000_000;

    private final Kernel kernel;
    private final List<EmulatedProcess> processes = new ArrayList<>();

    ServerFixture(Kernel kernel) {
        this.kernel = kernel;
    }

    static Path socket() {
        return Paths.get(System.getProperty("carafe.socket.dir")).resolve("socket");
    }

    /** A new top-level embedded process, closed when the fixture closes. */
    EmulatedProcess start(String command) throws IOException {
        await("the server socket exists", () -> Files.exists(socket()));
        EmulatedProcess process = EmulatedProcess.start(socket(), command);
        processes.add(process);
        return process;
    }

    /** A child joining the startup record of {@code token}, closed when the fixture closes. */
    EmulatedProcess startChild(String token) throws IOException {
        EmulatedProcess process = EmulatedProcess.startChild(socket(), token);
        processes.add(process);
        return process;
    }

    <T> T onLoop(Callable<T> task) throws Exception {
        return kernel.loop().call(task);
    }

    /**
     * The live object count once the processes of earlier tests are gone (their cleanup runs
     * after the test that made them has returned), for a scenario to compare against.
     */
    int baseline() throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!onLoop(() -> kernel.processes().isEmpty())) {
            if (System.currentTimeMillis() > end) {
                fail("processes of earlier tests are still there: "
                        + onLoop(() -> kernel.objectCounts()));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return objectCount();
    }

    int objectCount() throws Exception {
        return onLoop(kernel::objectCount);
    }

    int threadCount(int pid) throws Exception {
        return onLoop(() -> kernel.process(pid) == null ? -1
                : kernel.process(pid).threads().size());
    }

    /** Waits until the live object count is {@code expected} again (cleanup is asynchronous). */
    void awaitObjectCount(int expected) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        int now = objectCount();
        while (now != expected && System.currentTimeMillis() < end) {
            LockSupport.parkNanos(POLL_NANOS);
            now = objectCount();
        }
        assertEquals("live objects (by type now: " + onLoop(() -> kernel.objectCounts()) + ")",
                expected, now);
    }

    static void await(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Runs {@code call} and checks it fails with {@code status}. */
    static void assertStatus(int status, ThrowingRunnable call) throws IOException {
        try {
            call.run();
            fail(String.format("expected status 0x%08X, got success", status));
        } catch (CarafeException e) {
            assertEquals(e.getMessage(), String.format("0x%08X", status),
                    String.format("0x%08X", e.status()));
        }
    }

    /** A call that may throw, for {@link #assertStatus}. */
    interface ThrowingRunnable {
        void run() throws IOException;
    }

    @Override
    public void close() {
        for (EmulatedProcess p : processes) {
            p.close();
        }
        processes.clear();
    }
}

package org.carafe.client.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.carafe.client.CarafeException;
import org.carafe.client.ConsoleRecord;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.StartupInfo;
import org.carafe.client.Status;
import org.carafe.client.ThreadTerminatedException;

/**
 * The console side of {@code carafe run}: two more emulated threads of the run process, each
 * with its own connection and Java daemon thread. One writes the program's output into the
 * console's screen buffer (write_console_output); the other waits for console input
 * (read_console_input) and gives it to the program's stdin. The launcher's main connection
 * stays free; nothing on its exit path waits for console requests (a missing console handler
 * holds a request for up to 10 s): {@link #close} only closes the connections and ends the two
 * threads with the program's exit code, so that the main thread ends the process last.
 */
final class ConsoleMirror {
    /** Output waiting for the console beyond this many chars is dropped. */
    private static final int MAX_QUEUED_CHARS = 1 << 20;
    /** At most this many chars per write_console_output. */
    private static final int MAX_WRITE_CHARS = 16 * 1024;
    /** How long the exit waits for queued output to reach the console. */
    private static final long FLUSH_MILLIS = 2000;
    /** Queued by {@link #close}; compared by identity, so no program text can equal it. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String STOP = new String("");

    private final LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedChars = new AtomicInteger();
    private final CountDownLatch written = new CountDownLatch(1);
    private final List<EmulatedThread> threads = new ArrayList<>(2);
    private final int hstdin;
    private final int hstdout;

    private ConsoleMirror(StartupInfo std) {
        hstdin = std.hstdin();
        hstdout = std.hstdout();
    }

    /**
     * Starts the two threads on the console that {@code std} (init_process's reply) names, or
     * returns null when the process has no console (std handles 0: the bundle is absent).
     */
    static ConsoleMirror start(EmulatedThread main, Path socket, StartupInfo std,
            ProgramStreams program, Runnable inputLost) throws IOException {
        if (std.hstdin() == 0 || std.hstdout() == 0) {
            return null;
        }
        ConsoleMirror mirror = new ConsoleMirror(std);
        EmulatedThread writer = mirror.join(main, socket);
        EmulatedThread reader = mirror.join(main, socket);

        daemon("carafe-run-console-out", () -> mirror.writeLoop(writer));
        daemon("carafe-run-console-in", () -> mirror.readLoop(reader, program, inputLost));
        program.setMirror(mirror::offer);
        return mirror;
    }

    /** Queues program output for the console; never blocks. */
    void offer(String text) {
        if (text.isEmpty() || queuedChars.addAndGet(text.length()) > MAX_QUEUED_CHARS) {
            queuedChars.addAndGet(-text.length());
            return;
        }
        output.add(text);
    }

    /**
     * Lets the writer copy what is queued (at most {@link #FLUSH_MILLIS}), closes both
     * connections, then ends both threads with {@code exitCode} through the main connection
     * (they may be gone already: that is fine).
     */
    void close(EmulatedThread main, int exitCode) throws IOException {
        output.add(STOP);
        try {
            written.await(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (EmulatedThread t : threads) {
            t.close();
        }
        for (EmulatedThread t : threads) {
            try {
                int h = main.openThread(t.tid(), Rights.THREAD_TERMINATE, false);
                main.terminateThread(h, exitCode);
                main.closeHandle(h);
            } catch (ThreadTerminatedException e) {
                throw e;
            } catch (CarafeException e) {
                // the thread has ended already
            }
        }
    }

    private EmulatedThread join(EmulatedThread main, Path socket) throws IOException {
        String token = main.newThread(0);
        EmulatedThread t = EmulatedThread.connect(socket);
        try {
            t.initThread(Protocol.KIND_EMBEDDED, 0, token, "");
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        threads.add(t);
        return t;
    }

    private void writeLoop(EmulatedThread writer) {
        try {
            for (String text = output.take(); text != STOP; text = output.take()) {
                StringBuilder batch = new StringBuilder(text);
                for (String more = output.peek(); more != null && more != STOP
                        && batch.length() + more.length() <= MAX_WRITE_CHARS;
                        more = output.peek()) {
                    batch.append(output.poll());
                }
                queuedChars.addAndGet(-batch.length());
                try {
                    writer.writeConsoleOutput(hstdout, batch.toString());
                } catch (CarafeException e) {
                    if (e.status() != Status.NOT_IMPLEMENTED) {
                        throw e;
                    }
                    // the console bundle is away longer than the server waits: this batch
                    // is lost, the next one finds its successor
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed at exit, or no console handler: the console just stops showing output
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            written.countDown();
        }
    }

    private void readLoop(EmulatedThread reader, ProgramStreams program, Runnable inputLost) {
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                List<ConsoleRecord> records;
                try {
                    records = reader.readConsoleInput(hstdin, 256, true);
                } catch (CarafeException e) {
                    if (e.status() != Status.NOT_IMPLEMENTED) {
                        throw e;
                    }
                    // the console bundle is away longer than the server waits: ask again
                    // (a second later, should the server not wait at all)
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                    continue;
                }
                for (ConsoleRecord r : records) {
                    if (r.keyDown() && r.ch() != 0) {
                        text.append(r.ch() == '\r' ? '\n' : r.ch());
                    }
                }
                int keep = text.length() > 0
                        && Character.isHighSurrogate(text.charAt(text.length() - 1)) ? 1 : 0;
                program.feed(text.substring(0, text.length() - keep));
                text.delete(0, text.length() - keep);
            }
        } catch (IOException | RuntimeException e) {
            // closed at exit, or no console handler: console input ends here
        }
        inputLost.run();
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}

package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.carafe.client.EmulatedProcess;
import org.carafe.client.Flags;
import org.carafe.client.NewProcessResult;

/**
 * The debugger of {@code carafe run --debug}: a second, embedded emulated process of the
 * launcher that makes the program's startup record with DEBUG_PROCESS (so it becomes the
 * program's debugger at init_process) and prints the program's events from a Java thread of
 * its own. Closed by the launcher once the program has ended.
 */
final class RunDebugger implements AutoCloseable {
    private static final long END_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final EmulatedProcess debugger;
    private final String token;
    private final PrintWriter out;
    private DebugLoop loop;
    private Thread loopThread;

    private RunDebugger(EmulatedProcess debugger, String token, PrintWriter out) {
        this.debugger = debugger;
        this.token = token;
        this.out = out;
    }

    /** The debugger process and the startup record (with {@code consoleFlags}) for the program. */
    static RunDebugger create(Path socket, String command, int consoleFlags, PrintWriter out)
            throws IOException {
        EmulatedProcess process = EmulatedProcess.start(socket, "carafe run --debug " + command);
        try {
            NewProcessResult record = process.mainThread().newProcess(false,
                    Flags.DEBUG_PROCESS | consoleFlags, 0, 0, 0, 0, command);
            return new RunDebugger(process, record.token(), out);
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The token the program's first thread presents in init_thread. */
    String token() {
        return token;
    }

    /**
     * Prints and continues the events of process {@code pid} until its EXIT_PROCESS;
     * {@code onFailure} runs if the server cannot debug (e.g. no debugger bundle).
     */
    void start(int pid, Runnable onFailure) {
        loop = new DebugLoop(debugger.mainThread(), pid, out);
        loopThread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException | RuntimeException e) {
                out.println("carafe: warning: debugging stopped (" + e.getMessage() + ")");
                out.flush();
                onFailure.run();
            }
        }, "carafe-run-debugger");
        loopThread.setDaemon(true);
        loopThread.start();
    }

    /** Waits (bounded) for the program's EXIT_PROCESS to be printed, then ends the debugger. */
    @Override
    public void close() {
        try {
            if (loopThread != null) {
                loopThread.join(END_MILLIS);
                loop.stop();
                loopThread.join(END_MILLIS);
            }
            debugger.exit(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            debugger.close();
        } catch (IOException e) {
            debugger.close();
        }
    }
}

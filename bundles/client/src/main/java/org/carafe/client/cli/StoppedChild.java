package org.carafe.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Continues a child that stops itself right after it starts (see {@link RunCommand#argv}):
 * waits until /proc shows it stopped, so the SIGCONT cannot arrive before the stop, then
 * sends SIGCONT with kill(1), since Java has no call for it.
 */
final class StoppedChild {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private StoppedChild() {
    }

    static void continueWhenStopped(Process child) throws IOException, InterruptedException {
        awaitStopped(child);
        continueIfStopped(child);
    }

    /** Sends SIGCONT if the child is stopped now. */
    static void continueIfStopped(Process child) throws IOException, InterruptedException {
        if (child.isAlive() && "T".equals(state(child.pid()))) {
            new ProcessBuilder("kill", "-CONT", Long.toString(child.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    /** Waits until /proc shows the child stopped (or gone). */
    static void awaitStopped(Process child) throws IOException {
        long pid = child.pid();
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (child.isAlive() && !"T".equals(state(pid))) {
            if (System.nanoTime() > end) {
                throw new IOException("program " + pid + " did not reach its start point");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The state letter of /proc/PID/stat, or "" once the process is gone. */
    static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

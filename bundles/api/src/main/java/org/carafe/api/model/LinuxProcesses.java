package org.carafe.api.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals to and facts about the real Linux processes behind owned emulated processes. A
 * process is named by its pid and its start time (field 22 of /proc/PID/stat), and a signal
 * goes out only while both still match, so a pid reused by another process is never signalled.
 * Signals go out in order on one background thread so the loop never waits for them.
 *
 * <p>Known shortcomings: a pid reused between the start-time check and the signal (a window of
 * microseconds) would still be hit — a pidfd would close it, but Java 17 has none; and SIGSTOP
 * and SIGCONT go through {@code /bin/kill}, a few milliseconds each, off the loop.
 */
public final class LinuxProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxProcesses.class);

    private final ExecutorService signaller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "carafe-signals");
        t.setDaemon(true);
        return t;
    });

    /** SIGSTOP to {@code pid} if it still is the process that started at {@code startTime}. */
    public void stop(int pid, long startTime) {
        signaller.execute(() -> {
            if (isSame(pid, startTime)) {
                runKill("-STOP", pid);
            }
        });
    }

    /** SIGCONT, under the same condition. */
    public void resume(int pid, long startTime) {
        signaller.execute(() -> {
            if (isSame(pid, startTime)) {
                runKill("-CONT", pid);
            }
        });
    }

    /** SIGKILL, after any stop or continue sent before it, under the same condition. */
    public void kill(int pid, long startTime) {
        signaller.execute(() -> {
            if (isSame(pid, startTime)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        });
    }

    /**
     * The start time of {@code pid} in clock ticks after boot (field 22 of /proc/PID/stat), or
     * -1 if there is no such process.
     */
    public static long startTime(int pid) {
        String[] fields = statFields(pid);
        return fields.length > 19 ? Long.parseLong(fields[19]) : -1;
    }

    /** Whether {@code pid} is alive and started at {@code startTime}. */
    public static boolean isSame(int pid, long startTime) {
        return pid > 0 && startTime >= 0 && startTime(pid) == startTime;
    }

    /** Whether {@code pid} is {@code ancestor} or one of its descendants. */
    public static boolean isSelfOrDescendant(int pid, int ancestor) {
        int current = pid;
        for (int depth = 0; depth < 64 && current > 1; depth++) {
            if (current == ancestor) {
                return true;
            }
            current = parentOf(current);
        }
        return false;
    }

    /** The parent pid from /proc, or -1 if the process is gone. */
    public static int parentOf(int pid) {
        String[] fields = statFields(pid);
        return fields.length > 1 ? Integer.parseInt(fields[1]) : -1;
    }

    /** The fields of /proc/PID/stat after the command name (state first), or none. */
    private static String[] statFields(int pid) {
        if (pid <= 0) {
            return new String[0];
        }
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    public void shutdown() {
        signaller.shutdown();
    }

    private static void runKill(String signal, int pid) {
        try {
            Process p = new ProcessBuilder("kill", signal, Integer.toString(pid))
                    .redirectErrorStream(true).start();
            int rc = p.waitFor();
            if (rc != 0) {
                LOG.warn("kill {} {} exited with {}", signal, pid, rc);
            }
        } catch (IOException e) {
            LOG.warn("kill {} {} failed: {}", signal, pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

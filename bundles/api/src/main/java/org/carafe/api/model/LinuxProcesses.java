package org.carafe.api.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals to and facts about the real Linux processes behind owned emulated processes. Signals
 * go out in order on one background thread so the loop never waits for them.
 *
 * <p>Known shortcoming: SIGSTOP and SIGCONT are sent through {@code /bin/kill} because Java 17
 * has no kill(2) binding for them; a few milliseconds per signal, off the loop.
 */
public final class LinuxProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxProcesses.class);

    private final ExecutorService signaller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "carafe-signals");
        t.setDaemon(true);
        return t;
    });

    public void stop(int pid) {
        signaller.execute(() -> runKill("-STOP", pid));
    }

    public void resume(int pid) {
        signaller.execute(() -> runKill("-CONT", pid));
    }

    /** SIGKILL, after any stop or continue sent before it. */
    public void kill(int pid) {
        signaller.execute(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
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
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            return Integer.parseInt(afterName.split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
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

package org.carafe.api.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.carafe.api.protocol.Protocol;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Signals reach a real Linux process only while its pid still names the process that was
 * claimed (same start time), and never after its emulated process has ended.
 */
public class LinuxProcessesTest {
    private final LinuxProcesses linux = new LinuxProcesses();
    private Process sleeper;
    private int pid;

    @Before
    public void setUp() throws IOException {
        sleeper = new ProcessBuilder("sleep", "60").start();
        pid = (int) sleeper.pid();
    }

    @After
    public void tearDown() {
        sleeper.destroyForcibly();
        linux.shutdown();
    }

    @Test
    public void startTimeIdentifiesALiveProcess() {
        long start = LinuxProcesses.startTime(pid);

        assertTrue(start > 0);
        assertTrue(LinuxProcesses.isSame(pid, start));
        assertFalse(LinuxProcesses.isSame(pid, start + 1));
        assertEquals(-1, LinuxProcesses.startTime(0));
        assertTrue(LinuxProcesses.isSelfOrDescendant(pid, (int) ProcessHandle.current().pid()));
        assertFalse(LinuxProcesses.isSelfOrDescendant(1, (int) ProcessHandle.current().pid()));
    }

    @Test
    public void aSignalForAnotherStartTimeIsNotSent() throws Exception {
        long start = LinuxProcesses.startTime(pid);

        linux.kill(pid, start + 1);
        linux.stop(pid, start);

        awaitState("T");
        assertTrue(sleeper.isAlive());
        linux.kill(pid, start);
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    public void terminatingAnEndedOwnedProcessSignalsNothing() throws Exception {
        try (ModelFixture model = new ModelFixture()) {
            EmuProcess owned = model.kernel.createProcess(0, Protocol.KIND_OWNED, pid, "sleep");
            EmuThread thread = model.kernel.createThread(owned, new ModelFixture.Peer());
            model.kernel.endThread(thread, 0, false);

            model.kernel.terminateProcess(owned, 9, null);
            model.kernel.linux().stop(pid, LinuxProcesses.startTime(pid));

            awaitState("T");
            assertTrue(sleeper.isAlive());
        }
    }

    private void awaitState(String state) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!state.equals(state(pid))) {
            if (System.nanoTime() > end) {
                fail("pid " + pid + " never reached state " + state);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static String state(int pid) {
        try {
            String stat = java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (IOException e) {
            return "gone";
        }
    }
}

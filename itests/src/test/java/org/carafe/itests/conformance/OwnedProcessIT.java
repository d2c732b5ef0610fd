package org.carafe.itests.conformance;

import static org.carafe.itests.conformance.ServerFixture.assertStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
import org.carafe.client.Status;
import org.carafe.client.ThreadTerminatedException;
import org.carafe.itests.CarafeOptions;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * An owned emulated process backed by a real Linux program: suspending it really stops the
 * Linux process, resuming continues it, terminating kills it and tells the owner the code.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OwnedProcessIT {
    @Inject
    private Kernel kernel;

    private ServerFixture server;
    private Process sleeper;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Before
    public void setUp() throws IOException {
        server = new ServerFixture(kernel);
        sleeper = new ProcessBuilder("sleep", "60").start();
    }

    @After
    public void tearDown() {
        sleeper.destroyForcibly();
        server.close();
    }

    @Test
    public void suspendStopsResumeContinuesTerminateKillsTheLinuxProcess() throws Exception {
        int linuxPid = (int) sleeper.pid();
        server.start("wait-for-socket").close();
        EmulatedThread owner = EmulatedThread.connect(ServerFixture.socket());
        int pid = owner.initThread(Protocol.KIND_OWNED, linuxPid, "", "sleep 60").pid();
        owner.initProcess();
        owner.initProcessDone();
        EmulatedThread control = server.start("control").mainThread();
        int h = control.openProcess(pid, Rights.PROCESS_ALL_ACCESS, false);
        assertEquals(linuxPid, control.getProcessInfo(h).linuxPid());

        control.suspendProcess(h);
        ServerFixture.await("the sleep is stopped", () -> "T".equals(state(linuxPid)));
        assertEquals("the owner of a stopped process is still served", pid,
                owner.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
        control.resumeProcess(h);
        ServerFixture.await("the sleep runs again", () -> !"T".equals(state(linuxPid)));
        control.terminateProcess(h, 9);

        assertTrue("sleep still alive", sleeper.waitFor(ServerFixture.DEADLINE_MS,
                TimeUnit.MILLISECONDS));
        assertEquals(9, control.getProcessInfo(h).exitCode());
        try {
            owner.terminateThread(Protocol.CURRENT_THREAD, 137);
            fail("the owner was not told its process was terminated");
        } catch (ThreadTerminatedException e) {
            assertEquals(9, e.exitCode());
        } finally {
            owner.close();
        }
    }

    @Test
    public void aLinuxProcessWhoseLauncherVanishesIsKilled() throws Exception {
        int linuxPid = (int) sleeper.pid();
        server.start("wait-for-socket").close();
        EmulatedThread owner = EmulatedThread.connect(ServerFixture.socket());
        owner.initThread(Protocol.KIND_OWNED, linuxPid, "", "sleep 60");
        owner.initProcess();
        owner.initProcessDone();

        owner.close();

        assertTrue("the sleep was left running", sleeper.waitFor(ServerFixture.DEADLINE_MS,
                TimeUnit.MILLISECONDS));
        assertEquals("killed by SIGKILL", 137, sleeper.exitValue());
    }

    @Test
    public void claimingALinuxProcessThatIsNotOursIsRefused() throws Exception {
        server.start("wait-for-socket").close();
        EmulatedThread t = EmulatedThread.connect(ServerFixture.socket());
        try {
            assertStatus(Status.ACCESS_DENIED, () -> t.initThread(Protocol.KIND_OWNED, 1, "",
                    "init"));
        } finally {
            t.close();
        }
    }

    private static String state(int linuxPid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(linuxPid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (IOException e) {
            return "gone";
        }
    }
}

package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.protocol.Protocol;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The grace timer: armed by the last process ending, disarmed by a new thread or persistence. */
public class IdleShutdownTest {
    private ServerLoop loop;
    private Kernel kernel;
    private CountDownLatch stopped;
    private AtomicInteger openConnections;
    private IdleShutdown idle;

    @Before
    public void setUp() {
        loop = new ServerLoop();
        kernel = new Kernel(loop, new LinuxProcesses());
        stopped = new CountDownLatch(1);
        openConnections = new AtomicInteger();
        idle = new IdleShutdown(kernel, openConnections::get, stopped::countDown);
        kernel.addListener(idle);
    }

    @After
    public void tearDown() {
        loop.shutdown();
    }

    @Test
    public void noTimerBeforeTheFirstProcessEnded() throws Exception {
        loop.call(() -> {
            idle.configure(false, 0);
            return null;
        });

        assertFalse(loop.call(idle::isArmed));
    }

    @Test
    public void lastProcessEndingStopsTheServerAfterTheGracePeriod() throws Exception {
        loop.call(() -> {
            idle.configure(false, 0);
            EmuThread t = start();
            kernel.endThread(t, 0, false);
            return null;
        });

        assertTrue("server not stopped", stopped.await(10, TimeUnit.SECONDS));
    }

    @Test
    public void aNewThreadDisarmsTheTimer() throws Exception {
        loop.call(() -> {
            idle.configure(false, 3600);
            kernel.endThread(start(), 0, false);
            return null;
        });
        assertTrue(loop.call(idle::isArmed));

        loop.call(this::start);

        assertFalse(loop.call(idle::isArmed));
        assertEquals(1, stopped.getCount());
    }

    @Test
    public void persistentServerNeverArms() throws Exception {
        loop.call(() -> {
            idle.configure(true, 0);
            kernel.endThread(start(), 0, false);
            return null;
        });

        assertFalse(loop.call(idle::isArmed));
        assertEquals(1, stopped.getCount());
    }

    private EmuThread start() {
        EmuProcess p = kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, "idle-test");
        return kernel.createThread(p, new Connection() {
            @Override
            public int peerPid() {
                return -1;
            }

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public void terminate(int exitCode) {
            }
        });
    }
}

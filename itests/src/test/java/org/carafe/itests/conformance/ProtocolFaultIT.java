package org.carafe.itests.conformance;

import static org.junit.Assert.assertEquals;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.carafe.api.model.Kernel;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.client.Rights;
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
 * Clients that break the protocol lose their thread (exit code 1) and nothing else: another
 * client keeps being served throughout, and the server's object count comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProtocolFaultIT {
    @Inject
    private Kernel kernel;

    private ServerFixture server;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Before
    public void setUp() {
        server = new ServerFixture(kernel);
    }

    @After
    public void tearDown() {
        server.close();
    }

    @Test
    public void garbageAfterInitEndsOnlyThatClient() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        faultEndsOnlyTheFaultyClient(raw -> {
            raw.write(garbage);
            raw.shutdownOutput();
        });
    }

    @Test
    public void truncatedHeaderEndsOnlyThatClient() throws Exception {
        faultEndsOnlyTheFaultyClient(raw -> {
            raw.write(new byte[] {11, 0, 0, 0, 4});
            raw.shutdownOutput();
        });
    }

    @Test
    public void twoGibSizeFieldEndsOnlyThatClient() throws Exception {
        faultEndsOnlyTheFaultyClient(raw -> raw.write(RawClient.le(8).putInt(11)
                .putInt(0x80000000)));
    }

    @Test
    public void wrongFirstRequestAndWrongMagicAreRefused() throws Exception {
        int before = server.baseline();

        try (RawClient raw = RawClient.connect(ServerFixture.socket())) {
            raw.write(RawClient.le(8).putInt(0x12345678).putInt(1));
            raw.drainUntilClosed();
        }
        try (RawClient raw = RawClient.connect(ServerFixture.socket())) {
            raw.write(RawClient.le(8).putInt(0x45465243).putInt(1));
            raw.write(RawClient.le(12).putInt(11).putInt(4).putInt(-1));
            raw.drainUntilClosed();
        }

        server.awaitObjectCount(before);
    }

    /** A fault the raw client commits once it is an emulated process. */
    private interface Fault {
        void commit(RawClient raw) throws Exception;
    }

    private void faultEndsOnlyTheFaultyClient(Fault fault) throws Exception {
        int before = server.baseline();
        EmulatedThread bystander = server.start("bystander").mainThread();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                try {
                    bystander.getProcessInfo(Protocol.CURRENT_PROCESS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                served.incrementAndGet();
            }
        });
        EmulatedThread observer = server.start("observer").mainThread();

        int observed;
        try (RawClient raw = RawClient.connect(ServerFixture.socket())) {
            int pid = raw.becomeProcess("faulty");
            observed = observer.openProcess(pid, Rights.PROCESS_QUERY_INFORMATION, false);
            fault.commit(raw);
            raw.drainUntilClosed();
        }
        ServerFixture.await("the faulty process ended", () -> exitCode(observer, observed)
                != Protocol.STILL_ACTIVE);
        int servedDuringFault = served.get();
        ServerFixture.await("the bystander is still served",
                () -> served.get() > servedDuringFault + 100);
        stop.set(true);
        traffic.get(ServerFixture.DEADLINE_MS, TimeUnit.MILLISECONDS);

        assertEquals(1, observer.getProcessInfo(observed).exitCode());
        observer.closeHandle(observed);
        server.close();
        server.awaitObjectCount(before);
    }

    private static int exitCode(EmulatedThread t, int handle) {
        try {
            return t.getProcessInfo(handle).exitCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

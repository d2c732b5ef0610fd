package org.carafe.itests.extending;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import javax.inject.Inject;

import org.carafe.api.handler.RequestHandler;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.client.Reply;
import org.carafe.client.Status;
import org.carafe.client.WireWriter;
import org.carafe.itests.CarafeOptions;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The example third-party bundle installed into a running server: its new request answers on
 * connections opened before it came, its get_process_info override takes charge and delegates
 * to the standard handler, and once it is uninstalled the standard handler serves again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditExampleIT {
    private static final long DEADLINE_MS = 10_000;
    private static final String EXAMPLE = "carafe-example-audit";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return CarafeOptions.server();
    }

    @Test
    public void theBundleAddsAndOverridesRequestsUntilItIsRemoved() throws Exception {
        Path socket = Paths.get(System.getProperty(CarafeOptions.SOCKET_DIR_PROPERTY))
                .resolve("socket");
        await("the server socket exists", () -> Files.exists(socket));
        try (EmulatedProcess process = EmulatedProcess.start(socket, "audit-it")) {
            EmulatedThread t = process.mainThread();
            assertEquals("carafe-process", inCharge("get_process_info"));

            File jar = CarafeOptions.bundleFile(CarafeOptions.AUDIT_EXAMPLE_BUNDLE);
            Bundle example = context.installBundle(jar.toURI().toString());
            example.start();
            await("the override is in charge", () -> EXAMPLE.equals(inCharge("get_process_info")));

            Reply echo = t.connection().call("audit_echo", new WireWriter().str("hello"));
            assertEquals(Status.SUCCESS, echo.status());
            assertEquals("hello", echo.data().str());
            assertEquals("the override delegates", process.pid(),
                    t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());

            example.uninstall();
            await("the standard handler is back", () -> "carafe-process".equals(
                    inCharge("get_process_info")));
            assertEquals(process.pid(), t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
            assertTrue("audit_echo is gone", inCharge("audit_echo") == null);
        }
    }

    /** The bundle of the handler the dispatcher puts in charge of {@code request}, or null. */
    private String inCharge(String request) throws Exception {
        Collection<ServiceReference<RequestHandler>> refs = context.getServiceReferences(
                RequestHandler.class, "(" + RequestHandler.REQUEST + "=" + request + ")");
        ServiceReference<RequestHandler> best = null;
        for (ServiceReference<RequestHandler> ref : refs) {
            if (best == null || ref.compareTo(best) > 0) {
                best = ref;
            }
        }
        return best == null ? null : best.getBundle().getSymbolicName();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.call()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}

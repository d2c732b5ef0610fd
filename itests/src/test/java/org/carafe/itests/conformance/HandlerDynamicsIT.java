package org.carafe.itests.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Waiter;
import org.carafe.client.CarafeConnection;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Protocol;
import org.carafe.client.Reply;
import org.carafe.client.Status;
import org.carafe.client.WireWriter;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The dispatcher's wiring in the container: handlers are OSGi services found by request name,
 * the highest ranking wins, a new request gets a code at run time, a request whose handler
 * is missing waits for one, and a request parked by a handler that goes is served again by
 * its successor.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HandlerDynamicsIT {
    private static final int MARKER_PID = 0x7770;

    @Inject
    private Kernel kernel;

    @Inject
    private BundleContext context;

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
    public void higherRankingOverridesAndUnregisteringRestoresTheStandardHandler()
            throws Exception {
        EmulatedThread t = server.start("ranking").mainThread();
        assertEquals(t.pid(), t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());

        ServiceRegistration<RequestHandler> override = register("get_process_info", 100,
                request -> request.out().u32(MARKER_PID).u32(0).u32(259).u32(0).u64(1)
                        .u32(0).u32(0).u32(1).u64(0).u64(0).string("override"));
        try {
            assertEquals(MARKER_PID, t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
        } finally {
            override.unregister();
        }

        assertEquals(t.pid(), t.getProcessInfo(Protocol.CURRENT_PROCESS).pid());
    }

    @Test
    public void aThirdPartyRequestGetsACodeAtRunTime() throws Exception {
        EmulatedThread t = server.start("third-party").mainThread();
        ServiceRegistration<RequestHandler> echo = register("carafe_it_echo", 0,
                request -> request.out().raw(request.in().rest()));
        try {
            CarafeConnection c = t.connection();
            int code = c.code("carafe_it_echo");
            assertTrue(code >= 0x1000);
            assertEquals(code, c.code("carafe_it_echo"));

            Reply reply = c.call("carafe_it_echo", new WireWriter().u32(0xCAFE));
            assertEquals(Status.SUCCESS, reply.status());
            assertEquals(4, reply.data().remaining());
            assertEquals(0xCAFE, reply.data().u32());
        } finally {
            echo.unregister();
        }
    }

    @Test
    public void aRequestWaitsForItsMissingHandler() throws Exception {
        EmulatedThread t = server.start("late-handler").mainThread();
        CarafeConnection c = t.connection();
        int code = c.code("carafe_it_late");

        CompletableFuture<Reply> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return c.call(code, new WireWriter());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse("answered without a handler", completesWithin(pending, 200));
        ServiceRegistration<RequestHandler> late = register("carafe_it_late", 0,
                request -> request.out().u32(77));
        try {
            Reply reply = pending.get(ServerFixture.DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertEquals(Status.SUCCESS, reply.status());
            assertEquals(77, reply.data().u32());
        } finally {
            late.unregister();
        }
    }

    @Test
    public void aParkedRequestIsTakenBackFromADepartingHandlerAndServedAgain()
            throws Exception {
        EmulatedThread t = server.start("taken-back").mainThread();
        CarafeConnection c = t.connection();
        int code = c.code("carafe_it_parks");
        AtomicReference<ParkedReply> parked = new AtomicReference<>();
        AtomicReference<EmuThread> caller = new AtomicReference<>();
        AtomicLong firstStart = new AtomicLong();
        AtomicInteger cancelled = new AtomicInteger();
        Waiter wait = new Waiter() {
            @Override
            public void wake(KObject source) {
            }

            @Override
            public void cancel() {
                cancelled.incrementAndGet();
            }
        };
        ServiceRegistration<RequestHandler> old = register("carafe_it_parks", 0, request -> {
            firstStart.set(request.startNanos());
            caller.set(request.caller());
            request.caller().setWait(wait);
            parked.set(request.park());
        });

        CompletableFuture<Reply> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return c.call(code, new WireWriter().u32(41));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ServerFixture.await("the request is parked", () -> parked.get() != null);
        old.unregister();
        assertFalse("answered without a handler", completesWithin(pending, 200));
        assertEquals("the old handler's wait is cancelled once", 1, cancelled.get());
        assertTrue("the old reply is dropped", server.onLoop(() -> parked.get().isDone()));
        assertEquals(null, server.onLoop(() -> caller.get().currentWait()));

        AtomicLong secondStart = new AtomicLong();
        ServiceRegistration<RequestHandler> next = register("carafe_it_parks", 0, request -> {
            secondStart.set(request.startNanos());
            request.out().u32(request.in().u32() + 1);
        });
        try {
            Reply reply = pending.get(ServerFixture.DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertEquals(Status.SUCCESS, reply.status());
            assertEquals("the successor read the request's data again", 42, reply.data().u32());
            assertEquals("the request keeps its first start time", firstStart.get(),
                    secondStart.get());

            server.onLoop(() -> {
                parked.get().complete(Status.SUCCESS);
                return null;
            });
            Reply after = c.call(code, new WireWriter().u32(7));
            assertEquals("a late answer of the old handler is not sent", 8, after.data().u32());
        } finally {
            next.unregister();
        }
    }

    private ServiceRegistration<RequestHandler> register(String name, int ranking,
            RequestHandler handler) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(RequestHandler.REQUEST, name);
        props.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(RequestHandler.class, handler, props);
    }

    private static boolean completesWithin(CompletableFuture<?> future, long millis)
            throws Exception {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}

package org.carafe.api.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The kernel's handover across an update of its creator, outside a framework: the creator's
 * context (a proxy that counts registrations) stands in for the api bundle's.
 */
public class KernelHandoverTest {
    private static final long DEADLINE_MS = 5_000;

    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicInteger unregistered = new AtomicInteger();

    @After
    public void tearDown() {
        KernelHandover.end();
    }

    @Test
    public void nothingToAdoptAtFirstStart() {
        assertNull(KernelHandover.adopt());
        assertFalse(KernelHandover.isLeft());
    }

    @Test
    public void aSuccessorAdoptsTheKernelAndItsServiceStays() throws Exception {
        Kernel kernel = new Kernel(new ServerLoop(), new LinuxProcesses());
        KernelHandover.publish(kernel, context());

        KernelHandover.leave(DEADLINE_MS);
        assertTrue(KernelHandover.isLeft());
        assertSame(kernel, KernelHandover.adopt());

        assertFalse(KernelHandover.isLeft());
        assertNull("adopted once only", KernelHandover.adopt());
        assertEquals(1, registered.get());
        assertEquals(0, unregistered.get());
        assertEquals("the loop still runs", 0, (int) kernel.loop().call(kernel::objectCount));
    }

    @Test
    public void withoutASuccessorTheKernelEndsAfterTheGraceTime() {
        Kernel kernel = new Kernel(new ServerLoop(), new LinuxProcesses());
        KernelHandover.publish(kernel, context());

        KernelHandover.leave(20);

        await("the service is withdrawn", () -> unregistered.get() == 1);
        await("the kernel's loop is shut down", () -> refuses(kernel.loop()));
        assertFalse(KernelHandover.isLeft());
        assertNull(KernelHandover.adopt());
    }

    @Test
    public void endWithdrawsOnceAndAllowsANewKernel() {
        Kernel first = new Kernel(new ServerLoop(), new LinuxProcesses());
        KernelHandover.publish(first, context());

        KernelHandover.end();
        KernelHandover.end();

        assertEquals(1, unregistered.get());
        Kernel second = new Kernel(new ServerLoop(), new LinuxProcesses());
        KernelHandover.publish(second, context());
        assertEquals(2, registered.get());
    }

    @Test(expected = IllegalStateException.class)
    public void onlyOneKernelIsPublished() {
        KernelHandover.publish(new Kernel(new ServerLoop(), new LinuxProcesses()), context());
        KernelHandover.publish(new Kernel(new ServerLoop(), new LinuxProcesses()), context());
    }

    /** A context whose registrations count their registering and unregistering. */
    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.incrementAndGet();
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        registered.incrementAndGet();
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static boolean refuses(ServerLoop loop) {
        try {
            loop.execute(() -> { });
            return false;
        } catch (RejectedExecutionException e) {
            return true;
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}

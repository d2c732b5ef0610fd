package org.carafe.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import org.carafe.api.console.Console;
import org.carafe.api.console.ConsoleRights;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;
import org.junit.After;
import org.junit.Test;

/** Consoles given at init and dropped at the end, through the inheritance listener. */
public class ConsoleLifecycleTest {
    private final ServerLoop loop = new ServerLoop();
    private final Kernel kernel = new Kernel(loop, new LinuxProcesses());
    private final ConsoleInheritance listener = new ConsoleInheritance();

    @After
    public void tearDown() {
        loop.shutdown();
    }

    @Test
    public void aProcessWithoutParentGetsANewConsoleAndStdHandlesToIt() {
        EmuProcess p = process();
        p.setStdHandles(new int[] {0, 0, 0});
        listener.processInitializing(p, null, null);

        Console console = Console.of(p);
        int[] std = p.stdHandles();
        assertSame(console.input(), p.handles().entry(std[0]).object());
        assertSame(console.screen(), p.handles().entry(std[1]).object());
        assertSame(console.screen(), p.handles().entry(std[2]).object());
        assertEquals(ConsoleRights.STD_ACCESS, p.handles().entry(std[0]).access());
    }

    @Test
    public void allocWhenAttachedIsDeniedAndLeavesTheConsole() {
        EmuProcess p = process();
        Console first = Console.allocate(p);
        try {
            Console.allocate(p);
            fail("a second console");
        } catch (StatusException e) {
            assertEquals(Status.ACCESS_DENIED, e.status());
        }
        assertSame(first, Console.of(p));
    }

    @Test
    public void theLastDetachDestroysThePartsOnceNoHandleIsLeft() {
        int before = kernel.objectCount();
        EmuProcess a = process();
        EmuProcess b = process();
        Console console = Console.allocate(a);
        console.attach(b);
        int handle = b.handles().alloc(console.screen(), ConsoleRights.READ, 0);

        console.detach(a);
        console.detach(b);
        assertNull(Console.of(b));
        assertEquals(before + 3, kernel.objectCount());
        b.handles().close(handle);
        assertEquals(before + 2, kernel.objectCount());
        assertNotSame(console, Console.allocate(a));
    }

    private EmuProcess process() {
        return kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, "test");
    }
}

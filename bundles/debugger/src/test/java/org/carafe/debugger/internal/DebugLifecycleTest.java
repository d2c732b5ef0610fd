package org.carafe.debugger.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.carafe.api.debug.DebugEvent;
import org.carafe.api.debug.DebugSession;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;
import org.junit.After;
import org.junit.Test;

/** Sessions made at init, startup events, suspension while unanswered, the debugger's end. */
public class DebugLifecycleTest {
    private final ServerLoop loop = new ServerLoop();
    private final Kernel kernel = new Kernel(loop, new LinuxProcesses());
    private final DebugLifecycle listener = new DebugLifecycle();

    @After
    public void tearDown() {
        loop.shutdown();
    }

    @Test
    public void aDebuggeeIsSuspendedUntilItsEventIsContinued() throws Exception {
        loop.call(() -> {
            EmuProcess debugger = process("debugger");
            EmuProcess child = child(debugger, Flags.DEBUG_PROCESS);
            DebugSession session = DebugSession.of(debugger);
            assertSame(session, DebugSession.debuggerOf(child));
            assertTrue(DebugSession.debugsChildren(child));

            listener.processInitDone(child);
            EmuThread first = child.threads().get(0);
            assertEquals(1, first.suspendCount());
            DebugEvent event = session.take();
            assertEquals(DebugEvent.CREATE_PROCESS, event.code());
            assertNull("one outstanding event per debuggee", session.take());
            session.finish(event, DebugEvent.DBG_CONTINUE);
            assertEquals(0, first.suspendCount());
            return null;
        });
    }

    @Test
    public void aDebuggerEndingKillsItsDebuggeesWithDebuggerInactive() throws Exception {
        loop.call(() -> {
            EmuProcess debugger = process("debugger");
            EmuProcess child = child(debugger, Flags.DEBUG_ONLY_THIS_PROCESS);
            listener.processInitDone(child);
            assertTrue(!DebugSession.debugsChildren(child));

            kernel.addListener(listener);
            kernel.terminateProcess(debugger, 0, null);
            assertTrue(child.hasEnded());
            assertEquals(Status.DEBUGGER_INACTIVE, child.exitCode());
            return null;
        });
    }

    private EmuProcess process(String command) {
        EmuProcess p = kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, command);
        kernel.createThread(p, null);
        return p;
    }

    private EmuProcess child(EmuProcess parent, int flags) {
        StartupInfo info = new StartupInfo(kernel, kernel.newToken(), parent.threads().get(0),
                false, flags, 0, new int[] {0, 0, 0}, "child");
        EmuProcess child = process("child");
        listener.processInitializing(child, parent, info);
        info.release();
        return child;
    }
}

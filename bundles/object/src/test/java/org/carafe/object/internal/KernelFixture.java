package org.carafe.object.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Event;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireFormatException;
import org.carafe.api.protocol.WireWriter;

/**
 * A real kernel on a real loop with one embedded process and thread, and a way to run a handler
 * on the loop as the dispatcher would. The test thread only touches the model through
 * {@link #onLoop}.
 */
final class KernelFixture implements AutoCloseable {
    final ServerLoop loop = new ServerLoop();
    final Kernel kernel = new Kernel(loop, new LinuxProcesses());
    final EmuProcess process;
    final EmuThread thread;

    KernelFixture() throws Exception {
        process = onLoop(() -> kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, "test"));
        thread = onLoop(() -> kernel.createThread(process, new Peer()));
    }

    /** Runs {@code task} on the loop and returns its result; failures come back unwrapped. */
    <T> T onLoop(Callable<T> task) throws Exception {
        try {
            return loop.call(task);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Serves one request of the fixture's thread. */
    Reply call(RequestHandler handler, WireWriter data) throws Exception {
        return call(handler, thread, data);
    }

    /** Serves one request of {@code caller} on the loop, turning failures into statuses. */
    Reply call(RequestHandler handler, EmuThread caller, WireWriter data) throws Exception {
        return onLoop(() -> {
            FakeRequest request = new FakeRequest(handler.getClass().getSimpleName(), caller,
                    data.toArray());
            try {
                handler.handle(request);
            } catch (StatusException e) {
                return new Reply(e.status(), new byte[0], null);
            } catch (WireFormatException e) {
                return new Reply(Status.INVALID_PARAMETER, new byte[0], null);
            }
            byte[] out = Status.isError(request.status()) ? new byte[0] : request.out().toArray();
            return new Reply(request.status(), out, request.parked());
        });
    }

    /** Puts {@code object} in the fixture process's table, on the loop. */
    int handle(KObject object, int access, int flags) throws Exception {
        return onLoop(() -> process.handles().alloc(object, access, flags));
    }

    /** A new event; the test holds its creation reference for the fixture's life. */
    Event event(boolean manualReset, boolean initialState) throws Exception {
        return onLoop(() -> new Event(kernel, manualReset, initialState));
    }

    @Override
    public void close() throws Exception {
        onLoop(() -> {
            kernel.shutdown();
            return null;
        });
        loop.shutdown();
    }

    /** A connection with no peer behind it; remembers the exit code it was ended with. */
    static final class Peer implements Connection {
        volatile int exitCode = -1;

        @Override
        public int peerPid() {
            return -1;
        }

        @Override
        public String describe() {
            return "test peer";
        }

        @Override
        public void terminate(int code) {
            exitCode = code;
        }
    }
}

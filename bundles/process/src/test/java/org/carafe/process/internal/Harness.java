package org.carafe.process.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;

/**
 * A real kernel on a real loop, and a way to send requests to one handler as a given thread.
 * Tests call {@link #call} and {@link #send} from the test thread; both run on the loop.
 */
final class Harness implements AutoCloseable {
    final ServerLoop loop = new ServerLoop();
    final Kernel kernel = new Kernel(loop, new LinuxProcesses());

    /** Runs {@code task} on the loop, unwrapping its exception. */
    <T> T call(Callable<T> task) throws Exception {
        try {
            return loop.call(task);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Sends a request, on the loop; a thrown status becomes the reply's status. */
    Reply send(RequestHandler handler, EmuThread caller, WireWriter data) throws Exception {
        return call(() -> sendOnLoop(handler, caller, data));
    }

    /** As {@link #send}, from code already on the loop. */
    Reply sendOnLoop(RequestHandler handler, EmuThread caller, WireWriter data) {
        Connection connection = caller != null ? caller.connection() : new FakeConnection();
        FakeRequest request = new FakeRequest("test", kernel, caller, connection,
                data.toArray());
        try {
            handler.handle(request);
            return new Reply(request.status(), request.out().toArray(), request);
        } catch (StatusException e) {
            return new Reply(e.status(), new byte[0], request);
        }
    }

    /** init_thread with a token (empty for a new process); the new thread. */
    EmuThread initThread(String token, String command) throws Exception {
        WireWriter data = new WireWriter().u32(Protocol.KIND_EMBEDDED).u32(0).string(token)
                .string(command);
        Reply reply = send(new InitThread(), null, data);
        if (reply.status != 0) {
            throw new StatusException(reply.status);
        }
        return reply.request.caller();
    }

    /** The thread's connection closes without a reported exit code. */
    void disconnect(EmuThread thread) throws Exception {
        call(() -> {
            kernel.endThread(thread, 1, false);
            return null;
        });
    }

    int objectCount() throws Exception {
        return call(kernel::objectCount);
    }

    @Override
    public void close() throws Exception {
        call(() -> {
            kernel.shutdown();
            return null;
        });
        loop.shutdown();
    }

    /** A handler's outcome: status, reply data, and the request (for the parked reply). */
    record Reply(int status, byte[] data, FakeRequest request) {
        WireReader in() {
            return new WireReader(data);
        }
    }

    /** A peer in this JVM that remembers whether the server ended it. */
    static final class FakeConnection implements Connection {
        Integer terminatedWith;

        @Override
        public int peerPid() {
            return (int) ProcessHandle.current().pid();
        }

        @Override
        public String describe() {
            return "test peer";
        }

        @Override
        public void terminate(int exitCode) {
            terminatedWith = exitCode;
        }
    }
}

package org.carafe.object.internal;

import java.util.concurrent.CompletableFuture;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.handler.Request;
import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;

/**
 * A request as the dispatcher would hand it to a handler, without a transport: its data, the
 * reply being built, the status set, and the parked reply if the handler parked. Used on the
 * loop of the test's kernel.
 */
final class FakeRequest implements Request {
    private final long startNanos = System.nanoTime();
    private final String name;
    private final EmuThread caller;
    private final WireReader in;
    private final WireWriter out = new WireWriter();
    private int status = Status.SUCCESS;
    private Parked parked;

    FakeRequest(String name, EmuThread caller, byte[] data) {
        this.name = name;
        this.caller = caller;
        this.in = new WireReader(data);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kernel kernel() {
        return caller.kernel();
    }

    @Override
    public EmuThread caller() {
        return caller;
    }

    @Override
    public Connection connection() {
        return caller.connection();
    }

    @Override
    public void bindCaller(EmuThread thread) {
        throw new UnsupportedOperationException("only init_thread binds a caller");
    }

    @Override
    public WireReader in() {
        return in;
    }

    @Override
    public WireWriter out() {
        return out;
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public ParkedReply park() {
        parked = new Parked();
        return parked;
    }

    int status() {
        return status;
    }

    Parked parked() {
        return parked;
    }

    /** A held reply whose completion the test awaits through {@link #status}. */
    static final class Parked implements ParkedReply {
        private final WireWriter out = new WireWriter();
        private final CompletableFuture<Integer> status = new CompletableFuture<>();

        @Override
        public WireWriter out() {
            return out;
        }

        @Override
        public void complete(int code) {
            status.complete(code);
        }

        @Override
        public boolean isDone() {
            return status.isDone();
        }

        /** Completes with the status the handler replied with. */
        CompletableFuture<Integer> status() {
            return status;
        }

        WireReader data() {
            return new WireReader(out.toArray());
        }
    }
}

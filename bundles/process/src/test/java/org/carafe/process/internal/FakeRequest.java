package org.carafe.process.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.handler.Request;
import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;

/** A request as the transport would hand it to a handler, minus the socket. Loop only. */
final class FakeRequest implements Request {
    private final long startNanos = System.nanoTime();
    private final String name;
    private final Kernel kernel;
    private final Connection connection;
    private final WireReader in;
    private final WireWriter out = new WireWriter();
    private EmuThread caller;
    private int status = Status.SUCCESS;
    private Parked parked;

    FakeRequest(String name, Kernel kernel, EmuThread caller, Connection connection,
            byte[] data) {
        this.name = name;
        this.kernel = kernel;
        this.caller = caller;
        this.connection = connection;
        this.in = new WireReader(data);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    @Override
    public EmuThread caller() {
        return caller;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void bindCaller(EmuThread thread) {
        caller = thread;
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

    /** The parked reply: remembers the status it completed with. */
    static final class Parked implements ParkedReply {
        private final WireWriter out = new WireWriter();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Integer status;

        @Override
        public WireWriter out() {
            return out;
        }

        @Override
        public void complete(int completion) {
            if (status == null) {
                status = completion;
                done.countDown();
            }
        }

        @Override
        public boolean isDone() {
            return status != null;
        }

        /** Waits, from a test thread, until the reply completes or the deadline passes. */
        boolean await(long seconds) throws InterruptedException {
            return done.await(seconds, TimeUnit.SECONDS);
        }

        Integer status() {
            return status;
        }

        WireReader reply() {
            return new WireReader(out.toArray());
        }
    }
}

package org.carafe.transport.internal;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.handler.Request;
import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.carafe.api.protocol.WireWriter;

/**
 * The request a connection is serving, handed to its handler. A connection has one request at
 * a time, so one instance per connection is reset for each; its reply buffer is reused unless
 * a reply made it large. A parked reply is a fresh {@link Parked} each time, so a stale one
 * can never answer a later request. A parked request remembers the handler that parked it, so
 * that it can be taken back and served again when that handler goes (see {@link
 * ParkedReply}). Confined to the loop.
 */
final class ClientRequest implements Request {
    private static final int KEEP_REPLY_BYTES = 64 * 1024;

    private final ClientConnection connection;
    private final Dispatcher dispatcher;
    private WireWriter out = new WireWriter(256);
    private WireReader in;
    private String name;
    private int status;
    private Parked parked;
    private RequestHandler servedBy;
    private int code;
    private long startNanos;
    /** Served once already (taken back, or handed over): no suspension holds it again. */
    private boolean admitted;

    ClientRequest(ClientConnection connection, Dispatcher dispatcher) {
        this.connection = connection;
        this.dispatcher = dispatcher;
    }

    /**
     * The request arrived at {@code nanos} ({@link System#nanoTime}), before a departing
     * revision of the transport handed it over: its timeouts count from then.
     */
    void arrivedAt(long nanos) {
        startNanos = nanos;
    }

    /** Starts serving {@code name} with the connection's current request data. */
    void reset(String name) {
        this.code = connection.code();
        this.startNanos = System.nanoTime();
        this.name = name;
        this.in = connection.data();
        this.status = Status.SUCCESS;
        this.parked = null;
        this.servedBy = null;
        this.admitted = false;
        out.clear();
    }

    /** This request was already being served before (see {@link #isAdmitted}). */
    void admit() {
        admitted = true;
    }

    /**
     * Whether the request was already let through its thread's suspension hold once: served
     * again after a take-back, it must not wait for a resume (a debuggee's exception_event
     * waits while its process is suspended).
     */
    boolean isAdmitted() {
        return admitted;
    }

    /**
     * Starts the same request over, from its data, keeping its start time: its handler went
     * away with the reply parked, or lost its code while serving. A parked reply is dropped
     * first, so the old handler can no longer answer.
     */
    void restart() {
        admitted = true;
        dropParked();
        this.in = connection.data();
        this.status = Status.SUCCESS;
        this.parked = null;
        this.servedBy = null;
        out.clear();
    }

    /** {@code handler} is about to serve this request. */
    void servedBy(RequestHandler handler) {
        this.servedBy = handler;
    }

    /** The handler that served (and may have parked) this request, or null. */
    RequestHandler servedBy() {
        return servedBy;
    }

    /** The request code, for the counters. */
    int code() {
        return code;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    /**
     * The reply went out: a writer grown past {@link #KEEP_REPLY_BYTES} is dropped now, not at
     * the next request, and a payload let go of, so an idle connection (or one that never
     * reads) holds no big buffer.
     */
    void replied() {
        in = null; // nor a view of a request buffer the connection let go of
        if (out.head().remaining() > KEEP_REPLY_BYTES) {
            out = new WireWriter(256);
        } else {
            out.clear();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kernel kernel() {
        return dispatcher.kernel();
    }

    @Override
    public EmuThread caller() {
        return connection.thread();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void bindCaller(EmuThread thread) {
        if (!Dispatcher.INIT_THREAD.equals(name) || connection.thread() != null) {
            throw new IllegalStateException("only the first init_thread may bind the caller");
        }
        connection.bind(thread);
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

    int status() {
        return status;
    }

    @Override
    public ParkedReply park() {
        if (parked != null) {
            throw new IllegalStateException(name + " parked its reply twice");
        }
        parked = new Parked();
        dispatcher.parked(connection);
        return parked;
    }

    /** The parked reply, or null if the handler did not park. */
    Parked parked() {
        return parked;
    }

    /** The thread ended, or the request starts over: a parked reply is dropped unsent. */
    void dropParked() {
        if (parked != null && !parked.done) {
            parked.done = true;
            dispatcher.unparked(connection);
        }
    }

    /** A reply held back by a blocking request; answers through the dispatcher once. */
    final class Parked implements ParkedReply {
        private boolean done;

        @Override
        public WireWriter out() {
            return out;
        }

        @Override
        public void complete(int status) {
            if (done) {
                return;
            }
            done = true;
            dispatcher.unparked(connection);
            dispatcher.reply(connection, ClientRequest.this, status);
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}

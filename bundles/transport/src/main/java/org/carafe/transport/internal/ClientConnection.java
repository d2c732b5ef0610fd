package org.carafe.transport.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.carafe.api.model.Connection;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireReader;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, that is one emulated thread. The IO thread owns the channel's reading
 * side (frame reader, selection key) and hands each complete request over in {@link #data};
 * {@code busy} says who owns that buffer: the IO thread fills it only while no request is
 * outstanding, the loop reads it until it replies. Everything about the emulated thread (its
 * {@link EmuThread}, the request being served, a handler wait) is confined to the loop. Sending
 * goes through the thread-safe {@link Outbox}.
 */
final class ClientConnection implements Connection, FrameReader.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final int BASE_DATA = 256;
    /** A request buffer grown beyond this goes back to its base size once answered. */
    private static final int KEEP_DATA = 64 * 1024;

    private final AFUNIXSocketChannel channel;
    private final int peerPid;
    private final long peerStartTime;
    private final Outbox outbox;
    private final FrameReader reader;
    private final IoLoop io;
    private final Dispatcher dispatcher;
    private final Runnable serveTask;
    private final Runnable heldTask;

    // IO thread
    private SelectionKey key;
    private boolean reading = true;

    // handed from the IO thread to the loop; see the class comment
    private volatile boolean busy;
    private byte[] data = new byte[BASE_DATA];
    private ByteBuffer dataView = ByteBuffer.wrap(data);
    /** Bytes of {@link #data} beyond its base size, charged to the input budget. */
    private final AtomicLong charged = new AtomicLong();
    private int code;
    private int size;

    // loop
    private final ClientRequest request;
    private volatile String description;
    private EmuThread thread;
    private boolean ended;
    /** The next request was let through a suspension hold by a departing revision. */
    private volatile boolean handedAdmitted;
    /** When the next request first arrived, if a departing revision handed it over; or 0. */
    private volatile long handedArrival;
    private String waitingFor;
    private ScheduledFuture<?> waitTimer;

    ClientConnection(AFUNIXSocketChannel channel, int peerPid, IoLoop io, Dispatcher dispatcher) {
        this(channel, peerPid, LinuxProcesses.startTime(peerPid), io, dispatcher);
    }

    /** A connection with a known peer start time: one adopted from a departing revision. */
    ClientConnection(AFUNIXSocketChannel channel, int peerPid, long peerStartTime, IoLoop io,
            Dispatcher dispatcher) {
        this.channel = channel;
        this.peerPid = peerPid;
        this.peerStartTime = peerStartTime;
        this.outbox = new Outbox(channel, dispatcher.limits().outputBudget());
        this.reader = new FrameReader(dispatcher.limits()::maxRequestBytes,
                dispatcher.limits().inputBudget());
        this.io = io;
        this.dispatcher = dispatcher;
        this.serveTask = () -> dispatcher.serve(this);
        this.heldTask = () -> dispatcher.run(this);
        this.request = new ClientRequest(this, dispatcher);
        this.description = "Linux pid " + peerPid;
    }

    // ---- Connection ----

    @Override
    public int peerPid() {
        return peerPid;
    }

    @Override
    public long peerStartTime() {
        return peerStartTime;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void terminate(int exitCode) {
        dispatcher.terminated(this, exitCode);
    }

    @Override
    public String toString() {
        return description;
    }

    // ---- reading (IO thread) ----

    @Override
    public boolean hello(int version) {
        if (version != Protocol.VERSION) {
            String message = "Carafe protocol version mismatch: client "
                    + Integer.toUnsignedString(version) + ", server " + Protocol.VERSION;
            LOG.warn("refused {}: {}", description, message);
            sendHello(Status.REVISION_MISMATCH, message);
            outbox.closeAfterFlush();
            io.attend(this);
            return false;
        }
        sendHello(Status.SUCCESS, "");
        return true;
    }

    @Override
    public boolean request(int code, ByteBuffer src, int offset, int size) {
        if (busy) {
            dispatcher.faultLater(this, "request sent while one is outstanding");
            return false;
        }
        if (data.length < size) {
            int grown = size > KEEP_DATA ? size : Math.max(size, data.length * 2);
            ByteBudget budget = dispatcher.limits().inputBudget();
            byte[] bigger = budget.take(grown - data.length) ? allocate(grown) : null;
            if (bigger == null) {
                dispatcher.faultLater(this, "requests of all clients hold more than "
                        + budget.maxTotal() + " bytes (input budget)");
                return false;
            }
            charged.addAndGet(grown - data.length);
            data = bigger;
            dataView = ByteBuffer.wrap(data);
        }
        src.get(offset, data, 0, size);
        this.code = code;
        this.size = size;
        busy = true;
        dispatcher.submit(serveTask);
        return true;
    }

    /** A request buffer, or null (given back to the budget) if the heap cannot hold it. */
    private byte[] allocate(int size) {
        try {
            return new byte[size];
        } catch (OutOfMemoryError e) {
            dispatcher.limits().inputBudget().give(size - data.length);
            return null;
        }
    }

    private void sendHello(int status, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer hello = ByteBuffer.allocate(16 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        hello.putInt(Protocol.MAGIC).putInt(Protocol.VERSION).putInt(status)
                .putInt(text.length).put(text).flip();
        if (outbox.send(hello)) {
            io.attend(this);
        }
    }

    AFUNIXSocketChannel channel() {
        return channel;
    }

    FrameReader reader() {
        return reader;
    }

    SelectionKey key() {
        return key;
    }

    void setKey(SelectionKey key) {
        this.key = key;
    }

    /** Whether the IO thread still reads this connection (false after EOF or a fault). */
    boolean isReading() {
        return reading;
    }

    void stopReading() {
        reading = false;
    }

    // ---- the request handed over (loop, while busy) ----

    int code() {
        return code;
    }

    /** A reader over the request's data; valid until the reply is sent. */
    WireReader data() {
        dataView.clear().limit(size);
        return new WireReader(dataView);
    }

    /**
     * The next request is one a departing revision handed over (see HandedConnection): it
     * first arrived at {@code arrivedNanos} (0: unknown), and with {@code admitted} it was
     * already being served.
     */
    void handedNext(boolean admitted, long arrivedNanos) {
        handedAdmitted = admitted;
        handedArrival = arrivedNanos;
    }

    /** Gives the request just reset what was handed over for it, once (loop). */
    void applyHanded(ClientRequest request) {
        if (handedArrival != 0) {
            request.arrivedAt(handedArrival);
        }
        if (handedAdmitted) {
            request.admit();
        }
        handedArrival = 0;
        handedAdmitted = false;
    }

    /** Whether a request was handed to the loop and is not answered yet. */
    boolean isBusy() {
        return busy;
    }

    /**
     * The outstanding request as it came over the wire (header and data), for a successor to
     * serve again; the connection no longer has it (loop, while busy).
     */
    ByteBuffer takeBackFrame() {
        ByteBuffer frame = ByteBuffer.allocate(Protocol.REQUEST_HEADER_SIZE + size)
                .order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(code).putInt(size).put(data, 0, size).flip();
        busy = false;
        return frame;
    }

    /**
     * The request is answered: the IO thread may fill the buffer again. A buffer a large
     * request grew goes back to its base size first.
     */
    void release() {
        if (data.length > KEEP_DATA) {
            shrink();
        }
        busy = false;
    }

    /** The connection is closed: what it holds of the input budget is given back (IO thread). */
    void freeInput() {
        reader.release();
        dispatcher.limits().inputBudget().give(charged.getAndSet(0));
    }

    private void shrink() {
        dispatcher.limits().inputBudget().give(charged.getAndSet(0));
        data = new byte[BASE_DATA];
        dataView = ByteBuffer.wrap(data);
    }

    // ---- sending (loop, or IO thread for the hello) ----

    void send(ByteBuffer frame) {
        send(frame, false, null);
    }

    /**
     * Sends {@code frame}; with {@code handedOver} the outbox may keep it without a copy, and
     * runs {@code done} (may be null) once it is written or dropped.
     */
    void send(ByteBuffer frame, boolean handedOver, Runnable done) {
        if (!outbox.send(frame, handedOver, done)) {
            return;
        }
        if (outbox.overflowed()) {
            LOG.warn("protocol fault from {}: does not read its replies (unread output over "
                    + "budget); closing", description);
        }
        io.attend(this);
    }

    Outbox outbox() {
        return outbox;
    }

    /** Sends nothing more and closes once the pending bytes are out. */
    void closeAfterFlush() {
        outbox.closeAfterFlush();
        io.attend(this);
    }

    // ---- the emulated thread (loop) ----

    ClientRequest request() {
        return request;
    }

    Runnable heldTask() {
        return heldTask;
    }

    EmuThread thread() {
        return thread;
    }

    void bind(EmuThread thread) {
        this.thread = thread;
        // as carafe ps shows them: Carafe ids in decimal, then the peer's Linux pid
        this.description = "pid " + Integer.toUnsignedString(thread.process().pid())
                + " thread " + Integer.toUnsignedString(thread.tid()) + " (Linux pid "
                + peerPid + ")";
    }

    /** Whether the thread is done with this connection: later requests are ignored. */
    boolean isEnded() {
        return ended;
    }

    void markEnded() {
        ended = true;
    }

    String waitingFor() {
        return waitingFor;
    }

    /** Records (or with nulls clears) the handler this connection's request waits for. */
    void setWait(String name, ScheduledFuture<?> timer) {
        this.waitingFor = name;
        this.waitTimer = timer;
    }

    ScheduledFuture<?> waitTimer() {
        return waitTimer;
    }
}

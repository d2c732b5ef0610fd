package org.carafe.transport.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.RequestCodes;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireFormatException;
import org.carafe.api.transport.HandedConnection;
import org.carafe.transport.stats.RequestCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of every connection on the kernel's loop: checks the connection's state
 * (init_thread first, once), finds the request's handler by name, runs it, turns failures into
 * statuses and writes the reply straight to the socket. It also serves get_request_code, ends
 * connections on protocol faults and when the server ends their thread. Everything but the
 * {@code *Later} and {@link #submit} entry points runs on the loop.
 */
final class Dispatcher {
    static final String INIT_THREAD = "init_thread";

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int GET_REQUEST_CODE = 0;
    /** Served here, not by a handler service, so it answers while handler bundles swap. */
    private static final String LIST_HANDLERS = "list_handlers";
    private static final int INIT_THREAD_CODE = RequestCodes.builtInCode(INIT_THREAD);
    /**
     * Replies up to this size are built in one reused direct buffer (no copy at write); a
     * reply's payload (a memory read) is not copied into it but sent after it as it is.
     */
    private static final int DIRECT_REPLY_LIMIT = 4 << 20;

    private final Kernel kernel;
    private final ServerLoop loop;
    private final HandlerRegistry handlers;
    private final Limits limits;
    private final RequestTable codes = new RequestTable();
    private final HandlerWaits waits;
    private final RequestStats stats = new RequestStats();
    private final ParkedRequests parkedRequests = new ParkedRequests(this::run);
    private ByteBuffer replyBuffer = direct(64 * 1024);

    Dispatcher(Kernel kernel, HandlerRegistry handlers, Limits limits) {
        this.kernel = kernel;
        this.loop = kernel.loop();
        this.handlers = handlers;
        this.limits = limits;
        this.waits = new HandlerWaits(loop, limits, this::runUnlessSuspended,
                this::notImplemented);
    }

    Kernel kernel() {
        return kernel;
    }

    Limits limits() {
        return limits;
    }

    // ---- entry points from other threads ----

    /** Queues a connection's task on the loop. */
    void submit(Runnable task) {
        loop.execute(task);
    }

    /** The IO thread found a protocol fault on {@code conn}. */
    void faultLater(ClientConnection conn, String reason) {
        submitQuietly(() -> fault(conn, reason));
    }

    /** The IO thread closed {@code conn}'s channel. */
    void closedLater(ClientConnection conn) {
        submitQuietly(() -> closed(conn));
    }

    /** A handler for {@code name} was bound (SCR thread). */
    void handlerArrivedLater(String name) {
        submitQuietly(() -> {
            codes.handlerSeen(name);
            waits.arrived(name);
        });
    }

    /**
     * Handler {@code handler} was unregistered (SCR thread): takes back the requests it parked
     * and waits until that is done, so that none of its code runs once its bundle is refreshed.
     */
    void handlerGone(RequestHandler handler) {
        if (loop.inLoop()) {
            parkedRequests.takeBack(handler);
            return;
        }
        try {
            loop.call(() -> parkedRequests.takeBack(handler));
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("could not take back the parked requests of a departing handler: {}",
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- serving (loop) ----

    /** See {@link ParkedRequests#logAtInfo}. */
    void logTakeBacksAtInfo(BooleanSupplier loud) {
        parkedRequests.logAtInfo(loud);
    }

    /** {@code conn}'s request parked its reply. */
    void parked(ClientConnection conn) {
        parkedRequests.add(conn);
    }

    /** {@code conn}'s parked reply completed or was dropped. */
    void unparked(ClientConnection conn) {
        parkedRequests.remove(conn);
    }

    /** Serves the request the IO thread handed over in {@code conn}. */
    void serve(ClientConnection conn) {
        if (conn.isEnded()) {
            return;
        }
        int code = conn.code();
        EmuThread thread = conn.thread();
        if (thread == null && code != INIT_THREAD_CODE && code != GET_REQUEST_CODE) {
            fault(conn, "first request is " + describeCode(code) + ", not init_thread");
            return;
        }
        if (thread != null && code == INIT_THREAD_CODE) {
            fault(conn, "second init_thread");
            return;
        }

        String name = codes.name(code);
        ClientRequest request = conn.request();
        request.reset(name != null ? name : describeCode(code));
        conn.applyHanded(request);
        if (name == null) {
            reply(conn, request, Status.NOT_IMPLEMENTED);
        } else if (thread == null || request.isAdmitted()) {
            run(conn);
        } else {
            thread.runOrHold(conn.heldTask());
        }
    }

    /**
     * Runs a request that waited for its handler, or holds it while its thread is suspended
     * (the thread may have been suspended meanwhile).
     */
    private void runUnlessSuspended(ClientConnection conn) {
        EmuThread thread = conn.thread();
        if (thread == null || thread.isTerminated() || conn.request().isAdmitted()) {
            run(conn);
        } else {
            thread.runOrHold(conn.heldTask());
        }
    }

    /** Runs the connection's current request now that its thread is not suspended. */
    void run(ClientConnection conn) {
        if (conn.isEnded()) {
            return;
        }
        ClientRequest request = conn.request();
        String name = request.name();
        if (name.equals(RequestCodes.GET_REQUEST_CODE)) {
            getRequestCode(conn, request);
            return;
        }
        if (name.equals(LIST_HANDLERS)) {
            listHandlers(conn, request);
            return;
        }
        RequestHandler handler = handlers.find(name);
        if (handler == null) {
            waits.hold(conn, name);
            return;
        }

        invoke(conn, request, handler);
    }

    private void invoke(ClientConnection conn, ClientRequest request, RequestHandler handler) {
        if (limits.trace()) {
            LOG.info("{} {}", who(conn), request.name());
        }
        int failure = Status.SUCCESS;
        request.servedBy(handler);
        try {
            handler.handle(request);
        } catch (LinkageError e) {
            // the handler's bundle was refreshed while this request was on its way to it
            LOG.warn("handler of {} lost its code serving {} ({}); the request waits for its "
                    + "successor", request.name(), conn.describe(), e.toString());
            request.restart();
            waits.hold(conn, request.name());
            return;
        } catch (StatusException e) {
            failure = e.status();
        } catch (WireFormatException e) {
            failure = Status.INVALID_PARAMETER;
        } catch (RuntimeException e) {
            LOG.error("handler of {} failed serving {}", request.name(), conn.describe(), e);
            failure = Status.INTERNAL_ERROR;
        }

        ClientRequest.Parked parked = request.parked();
        if (failure != Status.SUCCESS) {
            request.out().clear();
            if (parked != null) {
                parked.complete(failure);
                return;
            }
        }
        if (parked == null) {
            reply(conn, request, failure != Status.SUCCESS ? failure : request.status());
        }
    }

    private void getRequestCode(ClientConnection conn, ClientRequest request) {
        if (limits.trace()) {
            LOG.info("{} {}", who(conn), request.name());
        }
        String name;
        try {
            name = request.in().string();
        } catch (WireFormatException e) {
            name = "";
        }
        if (!RequestTable.isValidName(name)) {
            reply(conn, request, Status.INVALID_PARAMETER);
            return;
        }
        int code = codes.code(name, handlers.find(name) != null);
        if (code < 0) {
            reply(conn, request, Status.INSUFFICIENT_RESOURCES);
            return;
        }

        request.out().u32(code);
        reply(conn, request, Status.SUCCESS);
    }

    /**
     * list_handlers: per request name with a handler, the one in charge: its bundle's symbolic
     * name and version (as when the service was registered) and its ranking, sorted by name.
     */
    private void listHandlers(ClientConnection conn, ClientRequest request) {
        if (limits.trace()) {
            LOG.info("{} {}", who(conn), request.name());
        }
        Map<String, HandlerRegistry.Entry> inCharge = handlers.inCharge();

        request.out().u32(inCharge.size());
        inCharge.forEach((name, entry) -> request.out().string(name).string(entry.bundle())
                .string(entry.version()).u32(entry.ranking()));
        reply(conn, request, Status.SUCCESS);
    }

    private void notImplemented(ClientConnection conn) {
        if (!conn.isEnded()) {
            reply(conn, conn.request(), Status.NOT_IMPLEMENTED);
        }
    }

    /**
     * Sends the reply of the connection's current request: {@code status}, and the reply data
     * unless the status is an error. A failed init_thread closes the connection after it.
     */
    void reply(ClientConnection conn, ClientRequest request, int status) {
        if (conn.isEnded()) {
            return;
        }
        conn.release();
        stats.record(request.code(), System.nanoTime() - request.startNanos());
        if (limits.trace()) {
            LOG.info("{} {} -> {}", who(conn), request.name(), Status.name(status));
        }
        boolean error = Status.isError(status);
        int size = error ? 0 : request.out().size();
        ByteBuffer payload = error ? null : request.out().payload();
        ByteBuffer head = request.out().head();

        ByteBuffer frame = replyBuffer(Protocol.REPLY_HEADER_SIZE + head.remaining());
        frame.putInt(status).putInt(size);
        if (!error) {
            frame.put(head);
        }
        conn.send(frame.flip(), frame != replyBuffer, null);
        if (payload != null) {
            conn.send(payload, true, request.out().payloadSent());
        }
        request.replied();

        if (INIT_THREAD.equals(request.name()) && (error || conn.thread() == null)) {
            initFailed(conn);
        }
    }

    private void initFailed(ClientConnection conn) {
        EmuThread thread = conn.thread();
        end(conn);
        if (thread != null && !thread.isTerminated()) {
            kernel.endThread(thread, 1, false);
        }
    }

    /** The reply counters by request name, busiest first (loop). */
    List<RequestCounter> counters() {
        return stats.snapshot(codes::name);
    }

    // ---- ending connections (loop) ----

    /**
     * A connection that has not sent init_thread by now is dropped (loop). One whose
     * init_thread waits for its handler is left to that wait, which answers it in time.
     */
    void initDeadline(ClientConnection conn) {
        if (conn.thread() != null || conn.isEnded()) {
            return;
        }
        if (conn.isBusy()) {
            loop.schedule(() -> initDeadline(conn), limits.initDeadlineMillis());
            return;
        }
        fault(conn, "no init_thread within " + limits.initDeadlineMillis() + " ms");
    }

    /** A protocol fault: one line naming the client, then its thread ends with exit code 1. */
    void fault(ClientConnection conn, String reason) {
        if (conn.isEnded()) {
            return;
        }
        LOG.warn("protocol fault from {}: {}", conn.describe(), reason);
        EmuThread thread = conn.thread();
        if (thread != null && !thread.isTerminated()) {
            kernel.endThread(thread, 1, true);
        }
        end(conn);
    }

    /** The server ended the connection's thread: send the end frame and close. */
    void terminated(ClientConnection conn, int exitCode) {
        if (conn.isEnded()) {
            return;
        }
        ByteBuffer frame = replyBuffer(Protocol.REPLY_HEADER_SIZE + 4);
        frame.putInt(Status.THREAD_IS_TERMINATING).putInt(4).putInt(exitCode);
        conn.send(frame.flip());
        end(conn);
    }

    /**
     * The channel is closed: the thread ends with the exit code it reported, else 1. An owned
     * Linux process whose emulated process ends so, without its launcher saying how, is
     * killed: nothing manages it any more (its launcher was killed, say).
     */
    void closed(ClientConnection conn) {
        if (conn.isEnded()) {
            return;
        }
        EmuThread thread = conn.thread();
        end(conn);
        if (thread == null || thread.isTerminated()) {
            return;
        }
        boolean reported = thread.exitReported();
        kernel.endThread(thread, reported ? thread.exitCode() : 1, false);
        EmuProcess process = thread.process();
        if (!reported && process.hasEnded() && process.ownsLinuxProcess()) {
            LOG.info("{}: its last connection closed without an exit code; killing Linux "
                    + "process {}", conn.describe(), process.linuxPid());
            kernel.linux().kill(process.linuxPid(), process.linuxStartTime());
        }
    }

    /** The transport goes away: every thread still connected ends with exit code 1. */
    void endAll(Iterable<ClientConnection> connections) {
        for (ClientConnection conn : connections) {
            EmuThread thread = conn.thread();
            if (thread != null && !thread.isTerminated()) {
                kernel.endThread(thread, 1, true);
            }
            end(conn);
        }
    }

    private void end(ClientConnection conn) {
        if (conn.isEnded()) {
            return;
        }
        conn.markEnded();
        conn.request().dropParked();
        waits.cancel(conn);
        conn.closeAfterFlush();
    }

    // ---- handing over to a successor (loop) ----

    /** The names given dynamic codes, in code order, for a successor. */
    List<String> dynamicNames() {
        return codes.dynamicNames();
    }

    /** Gives the names a departing revision coded the same codes (before any connection). */
    void adoptCodes(List<String> names) {
        codes.adopt(names);
    }

    /**
     * Leaves {@code conn} for a successor: an outstanding request is taken back from its
     * handler, its wait or its hold (as when a handler departs) and goes back in front of the
     * unread bytes; unsent reply bytes are taken out of the outbox. The connection is marked
     * ended, so nothing of this revision acts on it again.
     */
    HandedConnection handOff(ClientConnection conn) {
        ByteBuffer frame = null;
        EmuThread thread = conn.thread();
        boolean closing = conn.isEnded() || conn.outbox().isClosing();
        boolean admitted = false;
        long arrived = 0;
        if (!conn.isEnded() && conn.isBusy()) {
            ClientRequest request = conn.request();
            arrived = request.startNanos();
            admitted = request.parked() != null || request.isAdmitted();
            if (request.parked() != null) {
                ParkedRequests.cancelWait(thread);
                request.dropParked();
            }
            waits.cancel(conn);
            if (thread != null) {
                thread.unhold(conn.heldTask());
            }
            frame = conn.takeBackFrame();
        }
        ByteBuffer unread = concat(frame, conn.reader().takeCarry());
        conn.markEnded();
        parkedRequests.remove(conn);

        return new HandedConnection(conn.channel(), conn.peerPid(), conn.peerStartTime(),
                conn.reader().helloDone(), closing ? null : thread, unread,
                conn.outbox().takePending(), closing, admitted, arrived);
    }

    private static ByteBuffer concat(ByteBuffer first, ByteBuffer second) {
        if (first == null || second == null) {
            return first != null ? first : second;
        }
        ByteBuffer both = ByteBuffer.allocate(first.remaining() + second.remaining());
        both.put(first).put(second).flip();
        return both;
    }

    // ---- helpers ----

    private ByteBuffer replyBuffer(int size) {
        if (size > DIRECT_REPLY_LIMIT) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (replyBuffer.capacity() < size) {
            replyBuffer = direct(Integer.highestOneBit(size - 1) << 1);
        }
        return replyBuffer.clear();
    }

    private static ByteBuffer direct(int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private String describeCode(int code) {
        String name = codes.name(code);
        return name != null ? name : "unknown code " + Integer.toUnsignedString(code);
    }

    private static String who(ClientConnection conn) {
        EmuThread thread = conn.thread();
        if (thread == null) {
            return conn.describe();
        }
        return String.format("%04x/%04x", thread.process().pid(), thread.tid());
    }

    private void submitQuietly(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("server loop is stopped; dropped a transport task");
        }
    }
}

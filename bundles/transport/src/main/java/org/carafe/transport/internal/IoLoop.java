package org.carafe.transport.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.carafe.api.model.ServerLoop;
import org.carafe.api.transport.HandedConnection;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code carafe-io} thread and its junixsocket selector: accepts on the master socket,
 * refuses peers of another uid, reads every connection into one shared buffer and feeds its
 * frame reader, finishes short writes and closes connections. It owns the selection keys; other
 * threads reach it through {@link #post} (or {@link #attend}), which wakes the selector. The
 * set of open connections is readable from any thread.
 *
 * <p>While it runs, the thread is also the kernel's {@link ServerLoop}: it attaches as the
 * loop's driver and runs the loop's tasks and timers between selects, so a request is read,
 * served and answered on one thread, as in wineserver. When it ends, the loop's own thread
 * takes over again.
 */
final class IoLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);
    private static final int READ_BUFFER = 128 * 1024;
    private static final long ACCEPT_PAUSE_MS = 100;
    private static final int SEND_BUFFER = 4 << 20;
    /** At most this many batches of queued loop tasks are served before a hand-off. */
    private static final int DRAIN_ROUNDS = 64;

    private final Selector selector;
    private final long uid;
    private final Dispatcher dispatcher;
    private final ByteBuffer readBuffer =
            ByteBuffer.allocateDirect(READ_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final Runnable failed;
    private volatile boolean running = true;
    /** Set by {@link #handOff}: the thread ends leaving its connections open. */
    private boolean handingOff;
    private long acceptPausedUntil;
    private long lastAcceptWarning;
    private MasterSocket master;
    private SelectionKey masterKey;

    /** {@code failed} is called once if the thread dies of an unexpected error. */
    IoLoop(MasterSocket master, long uid, Dispatcher dispatcher, Runnable failed)
            throws IOException {
        this.selector = AFUNIXSelectorProvider.provider().openSelector();
        this.uid = uid;
        this.dispatcher = dispatcher;
        this.failed = failed;
        this.master = master;
        try {
            this.masterKey = master.channel().register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        this.thread = new Thread(this, "carafe-io");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Stops the thread: it closes every connection and the selector on its way out. The master
     * socket stays with its owner. Waits up to {@code millis} for the thread to finish.
     */
    void stop(long millis) throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(millis);
    }

    /**
     * Stops the thread for a successor (SCR's thread): on the IO thread, which is the loop,
     * the queued tasks are served first, then {@code each} turns every open connection into
     * what the successor adopts, and the thread ends without closing them (its selector is
     * closed, which deregisters them). Waits up to {@code millis}; the master socket stays
     * with its owner.
     */
    List<HandedConnection> handOff(Function<ClientConnection, HandedConnection> each,
            long millis) throws InterruptedException, TimeoutException, ExecutionException {
        CompletableFuture<List<HandedConnection>> result = new CompletableFuture<>();
        post(() -> {
            try {
                ServerLoop loop = dispatcher.kernel().loop();
                for (int i = 0; i < DRAIN_ROUNDS && loop.runPending() == 0; i++) {
                    // serve what is queued, so that every request is answered, parked or held
                }
                List<HandedConnection> out = new ArrayList<>();
                for (ClientConnection conn : connections) {
                    SelectionKey key = conn.key();
                    if (key != null) {
                        key.cancel();
                    }
                    out.add(each.apply(conn));
                }
                connections.clear();
                masterKey.cancel();
                handingOff = true;
                running = false;
                result.complete(out);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        List<HandedConnection> out = result.get(millis, TimeUnit.MILLISECONDS);
        thread.join(millis);
        return out;
    }

    /**
     * Takes over connections a departing revision left (any thread; done on the IO thread):
     * each is registered, gets the thread it served and its unsent bytes, and its unread
     * bytes are read as if they had just arrived.
     */
    void adopt(List<HandedConnection> left) {
        post(() -> {
            for (HandedConnection h : left) {
                try {
                    adoptOne(h);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not take over the connection of pid {}: {}", h.peerPid(),
                            e.toString());
                    closeQuietly((AFUNIXSocketChannel) h.channel());
                    if (h.thread() != null && !h.thread().isTerminated()) {
                        dispatcher.kernel().endThread(h.thread(), 1, false);
                    }
                }
            }
        });
    }

    private void adoptOne(HandedConnection h) throws IOException {
        AFUNIXSocketChannel channel = (AFUNIXSocketChannel) h.channel();
        ClientConnection conn = new ClientConnection(channel, h.peerPid(), h.peerStartTime(),
                this, dispatcher);
        if (h.helloDone()) {
            conn.reader().helloAlreadyDone();
        }
        if (h.thread() != null) {
            conn.bind(h.thread());
            h.thread().rebind(conn);
        }
        conn.setKey(channel.register(selector, SelectionKey.OP_READ, conn));
        connections.add(conn);
        if (h.unsent() != null) {
            conn.send(h.unsent(), true, null);
        }
        if (h.closing()) {
            conn.markEnded();
            conn.closeAfterFlush();
            return;
        }
        if (h.thread() == null) {
            dispatcher.kernel().loop().schedule(() -> dispatcher.initDeadline(conn),
                    dispatcher.limits().initDeadlineMillis());
        }
        if (h.unread() != null) {
            conn.handedNext(h.admitted(), h.arrivedNanos());
            String fault = conn.reader().feed(h.unread(), conn);
            if (fault != null) {
                stopReading(conn);
                dispatcher.faultLater(conn, fault);
            }
        }
        LOG.debug("taken over: {}", conn.describe());
    }

    /** Runs {@code task} on the IO thread soon. Any thread. */
    void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** The connection has bytes to finish writing or is to be closed. Any thread. */
    void attend(ClientConnection conn) {
        if (Thread.currentThread() == thread) {
            update(conn);
        } else {
            post(() -> update(conn));
        }
    }

    /** Listens on {@code next} instead of the current master socket, which is closed. */
    void replaceMaster(MasterSocket next) {
        post(() -> {
            MasterSocket old = master;
            masterKey.cancel();
            try {
                masterKey = next.channel().register(selector, SelectionKey.OP_ACCEPT);
                master = next;
                old.close();
            } catch (IOException e) {
                LOG.error("cannot listen on {}", next.socketPath(), e);
            }
        });
    }

    /** Open connections; safe to iterate from any thread. */
    Collection<ClientConnection> connections() {
        return connections;
    }

    int openConnections() {
        return connections.size();
    }

    MasterSocket master() {
        return master;
    }

    @Override
    public void run() {
        ServerLoop loop = dispatcher.kernel().loop();
        loop.attach(selector::wakeup);
        boolean died = false;
        try {
            while (running) {
                runTasks();
                if (!running) {
                    break;
                }
                resumeAccepting();
                long wait = loop.runPending();
                if (!tasks.isEmpty() || wait == 0) {
                    selector.selectNow();
                } else if (wait == ServerLoop.NO_TIMER) {
                    selector.select();
                } else {
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                }
                Set<SelectionKey> selected = selector.selectedKeys();
                for (Iterator<SelectionKey> it = selected.iterator(); it.hasNext();) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.error("the IO thread failed; stopping the server", e);
            died = true;
        } finally {
            try {
                runTasks();
                for (ClientConnection conn : handingOff ? List.<ClientConnection>of()
                        : connections) {
                    close(conn);
                }
                try {
                    selector.close();
                } catch (IOException e) {
                    LOG.debug("closing the selector failed", e);
                }
            } finally {
                // the loop's own thread runs what is still queued
                loop.detach();
                if (died) {
                    failed.run();
                }
            }
        }
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null;) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("IO task failed", e);
            }
        }
    }

    private void handle(SelectionKey key) {
        if (key == masterKey) {
            if (key.isValid()) {
                acceptAll();
            }
            return;
        }
        ClientConnection conn = (ClientConnection) key.attachment();
        if (!key.isValid()) {
            // junixsocket cancels the key itself when the peer hangs up
            if (conn.isReading()) {
                read(conn, true);
            }
            return;
        }
        if (key.isWritable()) {
            conn.outbox().flush();
            update(conn);
        }
        if (key.isValid() && key.isReadable()) {
            read(conn, false);
        }
    }

    private void acceptAll() {
        while (true) {
            AFUNIXSocketChannel channel;
            try {
                channel = (AFUNIXSocketChannel) master.channel().accept();
            } catch (IOException e) {
                // typically out of file descriptors: stop accepting for a while, not spin
                warnAccept("accept on " + master.socketPath() + " failed (" + e
                        + "); pausing accepts for " + ACCEPT_PAUSE_MS + " ms");
                pauseAccepting();
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections.size() >= dispatcher.limits().maxConnections()) {
                warnAccept("refused a connection: " + connections.size()
                        + " are open (max.connections)");
                closeQuietly(channel);
                continue;
            }
            admit(channel);
        }
    }

    private void pauseAccepting() {
        acceptPausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACCEPT_PAUSE_MS);
        masterKey.interestOps(0);
        dispatcher.kernel().loop().schedule(selector::wakeup, ACCEPT_PAUSE_MS);
    }

    private void resumeAccepting() {
        if (acceptPausedUntil != 0 && System.nanoTime() - acceptPausedUntil >= 0
                && masterKey.isValid()) {
            acceptPausedUntil = 0;
            masterKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** At most one warning a second about accepting, so a flood does not flood the log. */
    private void warnAccept(String message) {
        long now = System.nanoTime();
        if (now - lastAcceptWarning >= TimeUnit.SECONDS.toNanos(1) || lastAcceptWarning == 0) {
            lastAcceptWarning = now;
            LOG.warn(message);
        }
    }

    private void admit(AFUNIXSocketChannel channel) {
        try {
            AFUNIXSocketCredentials peer = channel.getPeerCredentials();
            if (peer == null || peer.getUid() != uid) {
                LOG.warn("refused a connection from pid {} uid {}: the server runs as uid {}",
                        peer != null ? peer.getPid() : -1, peer != null ? peer.getUid() : -1, uid);
                channel.close();
                return;
            }
            channel.configureBlocking(false);
            // a large reply (a memory read) then goes out in one write instead of waiting for
            // the client to drain a 208 KiB buffer again and again; the kernel caps it at
            // net.core.wmem_max and charges only what is queued
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
            ClientConnection conn = new ClientConnection(channel, (int) peer.getPid(), this,
                    dispatcher);
            conn.setKey(channel.register(selector, SelectionKey.OP_READ, conn));
            connections.add(conn);
            dispatcher.kernel().loop().schedule(() -> dispatcher.initDeadline(conn),
                    dispatcher.limits().initDeadlineMillis());
            LOG.debug("connected: {}", conn.describe());
        } catch (IOException e) {
            LOG.warn("could not set up an accepted connection: {}", e.toString());
            closeQuietly(channel);
        }
    }

    /**
     * Reads what the socket holds. junixsocket's non-blocking read returns 0, not -1, at end of
     * stream, so a ready connection that yields nothing on the first read has hung up; after a
     * hang-up ({@code hungUp}) the rest is drained and the stream ends.
     */
    private void read(ClientConnection conn, boolean hungUp) {
        FrameReader reader = conn.reader();
        boolean first = true;
        while (conn.isReading()) {
            int n;
            try {
                readBuffer.clear();
                n = conn.channel().read(readBuffer);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0 || n == 0 && (first || hungUp)) {
                endOfStream(conn);
                return;
            }
            if (n == 0) {
                return;
            }
            first = false;

            readBuffer.flip();
            String fault = reader.feed(readBuffer, conn);
            if (fault != null) {
                stopReading(conn);
                dispatcher.faultLater(conn, fault);
                return;
            }
            if (n < READ_BUFFER && !hungUp) {
                return;
            }
        }
    }

    private void endOfStream(ClientConnection conn) {
        String fault = conn.reader().endOfStream();
        if (fault == null || !conn.reader().helloDone()) {
            close(conn);
            return;
        }
        stopReading(conn);
        dispatcher.faultLater(conn, fault);
    }

    private void stopReading(ClientConnection conn) {
        conn.stopReading();
        update(conn);
    }

    /** Closes the connection if it is due, else sets its interest from its state. */
    private void update(ClientConnection conn) {
        Outbox outbox = conn.outbox();
        if (outbox.readyToClose()) {
            close(conn);
            return;
        }
        SelectionKey key = conn.key();
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (conn.isReading() ? SelectionKey.OP_READ : 0)
                | (outbox.hasPending() ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private void close(ClientConnection conn) {
        if (!conn.outbox().markClosed()) {
            return;
        }
        SelectionKey key = conn.key();
        if (key != null) {
            key.cancel();
        }
        closeQuietly(conn.channel());
        conn.freeInput();
        connections.remove(conn);
        LOG.debug("disconnected: {}", conn.describe());
        dispatcher.closedLater(conn);
    }

    private static void closeQuietly(AFUNIXSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a connection failed", e);
        }
    }
}

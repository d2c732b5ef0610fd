package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.carafe.api.handler.RequestHandler;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.RequestCodes;
import org.carafe.api.protocol.Status;
import org.carafe.api.transport.HandedConnection;
import org.carafe.api.transport.HandedTransport;
import org.carafe.api.transport.TransportHandover;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Constants;

/**
 * The master socket, IO thread and dispatcher together, outside OSGi, with stand-in handlers
 * for init_thread and an echo request, driven by a plain JDK client over the real socket.
 */
public class TransportLoopbackTest {
    private static final int ECHO = RequestCodes.builtInCode("get_process_info");

    private Path dir;
    private ServerLoop loop;
    private Kernel kernel;
    private Limits limits;
    private HandlerRegistry handlers;
    private IoLoop io;
    private Dispatcher dispatcher;
    private long nextServiceId = 1;

    @Before
    public void start() throws Exception {
        Path base = Files.createTempDirectory("carafe-test");
        dir = base.resolve("a/b");
        loop = new ServerLoop();
        kernel = new Kernel(loop, new LinuxProcesses());
        limits = new Limits();
        serve(MasterSocket.open(dir, MasterSocket.ownUid()));
    }

    /** A dispatcher, handlers and IO thread on {@code master}, as the component makes them. */
    private void serve(MasterSocket master) throws IOException {
        Dispatcher[] made = new Dispatcher[1];
        handlers = new HandlerRegistry(name -> made[0].handlerArrivedLater(name));
        made[0] = new Dispatcher(kernel, handlers, limits);
        dispatcher = made[0];
        long uid = MasterSocket.ownUid();
        io = new IoLoop(master, uid, dispatcher, () -> { });
        io.start();
        add("init_thread", request -> {
            EmuProcess process = request.kernel().createProcess(0, 0, 0, "test");
            EmuThread thread = request.kernel().createThread(process, request.connection());
            request.bindCaller(thread);
            request.out().u32(process.pid()).u32(thread.tid()).u32(1);
        });
        add("get_process_info", request -> request.out().u32(request.in().u32() + 1));
    }

    @After
    public void stop() throws Exception {
        io.stop(5000);
        io.master().close();
        loop.shutdown();
        try (Stream<Path> files = Files.walk(dir.getParent().getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void directoryAndSocketArePrivate() throws IOException {
        assertEquals("rwx------", perms(dir));
        assertEquals("rwx------", perms(dir.getParent()));
        assertEquals("rw-------", perms(dir.resolve("socket")));
        assertEquals(ProcessHandle.current().pid() + "\n",
                Files.readString(dir.resolve("lock")));
    }

    @Test(expected = MasterSocket.LockHeldException.class)
    public void aSecondServerOnTheSameDirectoryIsRefused() throws IOException {
        MasterSocket.open(dir, MasterSocket.ownUid()).close();
    }

    @Test
    public void tryingTheHeldDirectoryAgainKeepsItsLock() throws IOException {
        Object inode = Files.getAttribute(dir.resolve("lock"), "unix:ino");
        try {
            MasterSocket.open(dir, MasterSocket.ownUid()).close();
            fail("opened twice");
        } catch (MasterSocket.LockHeldException e) {
            // refused, as it must be
        }

        String locks = Files.readString(Path.of("/proc/locks"));
        assertTrue("the lock of " + dir + " (inode " + inode + ") is still held:\n" + locks,
                locks.lines().anyMatch(l -> l.contains(":" + inode + " ")));
    }

    @Test
    public void helloInitAndRequests() throws IOException {
        try (Client c = new Client()) {
            assertEquals(0, c.hello(Protocol.VERSION));
            ByteBuffer init = c.call(1, initData());
            assertEquals(Status.SUCCESS, c.status);
            assertEquals(0x20, init.getInt());
            for (int i = 0; i < 1000; i++) {
                ByteBuffer reply = c.call(ECHO, u32(i));
                assertEquals(Status.SUCCESS, c.status);
                assertEquals(i + 1, reply.getInt());
            }
        }
    }

    @Test
    public void getRequestCodeHandsOutStableCodes() throws IOException {
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            assertEquals(ECHO, c.call(0, str("get_process_info")).getInt());
            int first = c.call(0, str("my_request")).getInt();
            assertEquals(RequestCodes.FIRST_DYNAMIC_CODE, first);
            assertEquals(first, c.call(0, str("my_request")).getInt());
            c.call(0, str("Bad-Name"));
            assertEquals(Status.INVALID_PARAMETER, c.status);
        }
    }

    @Test
    public void versionMismatchIsAnsweredAndClosed() throws IOException {
        try (Client c = new Client()) {
            assertEquals(Status.REVISION_MISMATCH, c.hello(2));
            assertEquals("Carafe protocol version mismatch: client 2, server 1", c.message);
            assertTrue(c.atEof());
        }
    }

    @Test
    public void aFirstRequestOtherThanInitThreadIsAFault() throws IOException {
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.send(ECHO, u32(1));
            assertTrue(c.atEof());
        }
    }

    @Test
    public void anOversizedRequestEndsTheThreadWithExitCode1() throws IOException {
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            c.send(ECHO, new byte[limits.maxRequestBytes() + 1]);
            ByteBuffer end = c.receive();
            assertEquals(Status.THREAD_IS_TERMINATING, c.status);
            assertEquals(1, end.getInt());
            assertTrue(c.atEof());
        }
    }

    @Test
    public void aMissingHandlerIsWaitedFor() throws Exception {
        limits.apply(new Settings(dir, false, 3, 65536, 10, 16000, false));
        int code = RequestCodes.builtInCode("open_event");
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            c.send(code, u32(5));
            // the request is held until the handler appears
            add("open_event", request -> request.out().u32(request.in().u32() * 2));
            assertEquals(10, c.receive().getInt());
        }
    }

    @Test
    public void aHandlerThatNeverComesGivesNotImplemented() throws Exception {
        limits.apply(new Settings(dir, false, 3, 65536, 0, 16000, false));
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            c.call(RequestCodes.builtInCode("event_op"), u32(5));
            assertEquals(Status.NOT_IMPLEMENTED, c.status);
            c.call(0x7777, u32(5));
            assertEquals(Status.NOT_IMPLEMENTED, c.status);
        }
    }

    @Test
    public void closingTheConnectionEndsTheThread() throws Exception {
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            assertEquals(1, (int) loop.call(kernel::runningProcesses));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (loop.call(kernel::runningProcesses) != 0 || io.openConnections() != 0) {
            assertTrue("the process did not end", System.nanoTime() < deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    public void aConnectionWithoutInitThreadIsDropped() throws Exception {
        limits.setInitDeadlineMillis(200);
        try (Client c = new Client()) {
            assertEquals(0, c.hello(Protocol.VERSION));

            assertTrue(c.atEof());
        }
    }

    @Test
    public void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        limits.apply(new Settings(dir, false, 3, 65536, 10, 1, false));
        try (Client first = new Client(); Client second = new Client()) {
            assertEquals(0, first.hello(Protocol.VERSION));

            assertTrue(second.atEof());
            first.call(1, initData());
            assertEquals(Status.SUCCESS, first.status);
        }
    }

    /** Prints a rough round-trip figure; the benchmark proper lives elsewhere. */
    @Test
    public void roundTrip() throws IOException {
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            byte[] data = u32(7);
            for (int i = 0; i < 20_000; i++) {
                c.call(ECHO, data);
            }
            int n = 50_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c.call(ECHO, data);
            }
            double micros = (System.nanoTime() - start) / 1000.0 / n;
            System.out.printf("transport loopback round trip: %.1f us%n", micros);
        }
    }

    @Test
    public void aSuccessorTakesOverConnectionsWithAHalfSentRequest() throws Exception {
        try (Client c = new Client(); Client late = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            int code = c.call(0, str("my_request")).getInt();
            assertEquals(5, c.call(ECHO, u32(4)).getInt());
            ByteBuffer half = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            half.putInt(ECHO).putInt(4).put((byte) 41).put((byte) 0).flip();
            c.write(half);
            EmuThread thread = loop.call(() -> kernel.threads().iterator().next());
            Object before = loop.call(thread::connection);

            List<HandedConnection> left = io.handOff(dispatcher::handOff, 5000);
            List<String> names = loop.call(dispatcher::dynamicNames);
            HandedTransport state = io.master().handOff(left, names);
            serve(MasterSocket.adopt(state));
            dispatcher.adoptCodes(state.dynamicNames());
            io.adopt(state.connections());
            c.write(ByteBuffer.wrap(new byte[] {0, 0}));

            assertEquals("the half-sent request is served by the successor", 42,
                    c.receive().getInt());
            assertEquals(Status.SUCCESS, c.status);
            assertEquals("dynamic codes survive", code, c.call(0, str("my_request")).getInt());
            assertTrue(loop.call(thread::connection) != before);
            assertEquals(1, (int) loop.call(() -> kernel.threads().size()));
            assertEquals(0, late.hello(Protocol.VERSION));
            late.call(1, initData());
            assertEquals(Status.SUCCESS, late.status);
        }
    }

    @Test
    public void anInitThreadWaitingForItsHandlerOutlivesTheInitDeadline() throws Exception {
        limits.setInitDeadlineMillis(200);
        RequestHandler init = remove("init_thread");
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.send(1, initData());
            afterLoopTimer(600);

            add("init_thread", init);

            assertEquals(0x20, c.receive().getInt());
            assertEquals(Status.SUCCESS, c.status);
        }
    }

    @Test
    public void aRequestThatWaitedForItsHandlerIsHeldWhileItsThreadIsSuspended()
            throws Exception {
        int code = RequestCodes.builtInCode("open_event");
        try (Client c = new Client()) {
            c.hello(Protocol.VERSION);
            c.call(1, initData());
            EmuThread thread = loop.call(() -> kernel.threads().iterator().next());
            c.send(code, u32(5));
            loop.call(thread::suspend);

            add("open_event", request -> request.out().u32(request.in().u32() * 2));
            loop.call(() -> null); // the handler's arrival has been handled on the loop
            c.channel.configureBlocking(false);
            assertEquals("no reply while suspended", 0, c.channel.read(ByteBuffer.allocate(1)));
            c.channel.configureBlocking(true);
            loop.call(thread::resume);

            assertEquals(10, c.receive().getInt());
        }
    }

    /** Returns once a loop timer of {@code millis} has run, and so every earlier one. */
    private void afterLoopTimer(long millis) throws Exception {
        CompletableFuture<Void> fired = new CompletableFuture<>();
        loop.schedule(() -> fired.complete(null), millis);
        fired.get(10, TimeUnit.SECONDS);
    }

    private final Map<String, Map<String, Object>> added = new HashMap<>();
    private final Map<String, RequestHandler> addedHandlers = new HashMap<>();

    @Test
    public void anAbandonedHandOverLetsTheDirectoryBeOpenedAgain() throws Exception {
        List<HandedConnection> left = io.handOff(dispatcher::handOff, 5000);
        HandedTransport state = io.master().handOff(left, List.of());
        TransportHandover.abandon(state, kernel);

        serve(MasterSocket.open(dir, MasterSocket.ownUid()));

        try (Client c = new Client()) {
            assertEquals(0, c.hello(Protocol.VERSION));
        }
    }

    private void add(String name, RequestHandler handler) {
        Map<String, Object> props = new HashMap<>();
        props.put(RequestHandler.REQUEST, name);
        props.put(Constants.SERVICE_ID, nextServiceId++);
        handlers.add(handler, props);
        added.put(name, props);
        addedHandlers.put(name, handler);
    }

    private RequestHandler remove(String name) {
        RequestHandler handler = addedHandlers.remove(name);
        handlers.remove(handler, added.remove(name));
        return handler;
    }

    private static String perms(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p));
    }

    private static byte[] initData() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(0).putInt(0).putInt(0);
        return b.array();
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] str(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(bytes.length).put(bytes).array();
    }

    /** A blocking client as another language would write it from protocol.md. */
    private final class Client implements AutoCloseable {
        final SocketChannel channel;
        int status;
        String message;

        Client() throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(dir.resolve("socket")));
        }

        int hello(int version) throws IOException {
            ByteBuffer out = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            write(out.putInt(Protocol.MAGIC).putInt(version).flip());
            ByteBuffer head = read(16);
            assertEquals(Protocol.MAGIC, head.getInt());
            assertEquals(Protocol.VERSION, head.getInt());
            int helloStatus = head.getInt();
            message = StandardCharsets.UTF_8.decode(read(head.getInt())).toString();
            return helloStatus;
        }

        ByteBuffer call(int code, byte[] data) throws IOException {
            send(code, data);
            return receive();
        }

        void send(int code, byte[] data) throws IOException {
            ByteBuffer out = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
            write(out.putInt(code).putInt(data.length).put(data).flip());
        }

        ByteBuffer receive() throws IOException {
            ByteBuffer head = read(8);
            status = head.getInt();
            return read(head.getInt());
        }

        boolean atEof() throws IOException {
            return channel.read(ByteBuffer.allocate(1)) < 0;
        }

        void write(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        private ByteBuffer read(int n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    throw new EOFException();
                }
            }
            return b.flip();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

package org.carafe.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection to a Carafe server, which is one emulated thread. It owns the socket channel
 * (blocking), a direct receive buffer and a reusable request writer, and the cache of request
 * codes resolved by name. {@link #connect(Path)} performs the hello and checks the version;
 * the first request must then be {@code init_thread} (see {@link EmulatedThread}).
 *
 * <p>Not thread-safe: a connection is used by one thread at a time, one request at a time,
 * exactly as the protocol requires. When the server ends the thread, the reply is the end
 * frame and {@link #call} throws {@link ThreadTerminatedException}; the connection is then
 * closed.
 */
public final class CarafeConnection implements AutoCloseable {
    /** Replies larger than this are taken as a broken stream. */
    static final int MAX_REPLY_BYTES = 256 * 1024 * 1024;

    private final Path socket;
    private final SocketChannel channel;
    /** Read mode: the bytes in [position, limit) are received and not consumed yet. */
    private ByteBuffer in;
    private final WireWriter out = new WireWriter(256, true);
    private final Map<String, Integer> dynamicCodes = new HashMap<>();
    private int serverVersion;
    private int exitCode = -1;
    private boolean closed;

    private CarafeConnection(Path socket, SocketChannel channel) {
        this.socket = socket;
        this.channel = channel;
        this.in = ByteBuffer.allocateDirect(8192).order(ByteOrder.LITTLE_ENDIAN);
        in.limit(0);
    }

    /** Connects to the default socket ({@link SocketPaths#defaultSocket()}). */
    public static CarafeConnection connect() throws IOException {
        return connect(SocketPaths.defaultSocket());
    }

    /**
     * Connects and exchanges the hello.
     *
     * @throws NoServerException nobody listens on {@code socket}
     * @throws VersionMismatchException the server speaks another version
     */
    public static CarafeConnection connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw new NoServerException(socket, e);
        }
        CarafeConnection conn = new CarafeConnection(socket, ch);
        try {
            conn.hello();
        } catch (IOException | RuntimeException e) {
            conn.close();
            throw e;
        }
        return conn;
    }

    private void hello() throws IOException {
        ByteBuffer h = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(Protocol.MAGIC).putInt(Protocol.VERSION).flip();
        while (h.hasRemaining()) {
            channel.write(h);
        }
        fill(16);
        int magic = in.getInt();
        serverVersion = in.getInt();
        int status = in.getInt();
        int len = in.getInt();
        if (magic != Protocol.MAGIC) {
            throw new ConnectionLostException("not a Carafe server at " + socket
                    + " (hello magic " + Status.hex(magic) + ")");
        }
        if (len < 0 || len > 65536) {
            throw new ConnectionLostException("absurd hello message length " + len);
        }
        fill(len);
        byte[] msg = new byte[len];
        in.get(msg);
        if (status != Status.SUCCESS) {
            String text = new String(msg, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                text = "server refused the connection: " + Status.format(status);
            }
            throw new VersionMismatchException(status, serverVersion, text);
        }
    }

    /** The socket this connection talks to. */
    public Path socket() {
        return socket;
    }

    /** The protocol version the server announced. */
    public int serverVersion() {
        return serverVersion;
    }

    /** The connection's own request writer, cleared. Valid until the next {@link #call}. */
    public WireWriter writer() {
        return out.clear();
    }

    /**
     * The code of a request: the fixed table for built-in names, else {@code get_request_code}
     * once per name (cached for the connection's life).
     */
    public int code(String name) throws IOException {
        int code = RequestCodes.builtIn(name);
        if (code >= 0) {
            return code;
        }
        Integer known = dynamicCodes.get(name);
        if (known != null) {
            return known;
        }
        WireWriter w = new WireWriter().str(name);
        code = call(RequestCodes.GET_REQUEST_CODE, "get_request_code", w).orThrow().data().u32();
        dynamicCodes.put(name, code);
        return code;
    }

    /** Sends a request by name and returns its reply, whatever the status. */
    public Reply call(String requestName, WireWriter data) throws IOException {
        return call(code(requestName), requestName, data);
    }

    /** Sends a request by code and returns its reply, whatever the status. */
    public Reply call(int code, WireWriter data) throws IOException {
        String name = RequestCodes.name(code);
        return call(code, name != null ? name : "request " + code, data);
    }

    private Reply call(int code, String name, WireWriter data) throws IOException {
        if (closed) {
            if (exitCode >= 0) {
                throw new ThreadTerminatedException(exitCode, name);
            }
            throw new ConnectionLostException("connection closed");
        }
        WireWriter w = data != null ? data : out.clear();
        ByteBuffer frame = w.frame(code);
        int end = frame.limit();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            // The server may have sent the end frame and closed before we wrote: read it.
            w.restore(end);
            return afterFailedWrite(name, e);
        }
        w.restore(end);
        return readReply(name);
    }

    private Reply afterFailedWrite(String name, IOException writeError) throws IOException {
        Reply reply;
        try {
            reply = readReply(name);
        } catch (ThreadTerminatedException t) {
            throw t;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new ConnectionLostException("connection to the server lost", writeError);
        }
        return reply;
    }

    private Reply readReply(String name) throws IOException {
        fill(Protocol.HEADER_SIZE);
        int status = in.getInt();
        int size = in.getInt();
        if (size < 0 || size > MAX_REPLY_BYTES) {
            closeQuietly();
            throw new ConnectionLostException(
                    "absurd reply size " + Integer.toUnsignedString(size));
        }
        fill(size);
        int start = in.position();
        in.position(start + size);
        if (status == Status.THREAD_IS_TERMINATING) {
            exitCode = size >= 4 ? in.getInt(start) : 1;
            closeQuietly();
            throw new ThreadTerminatedException(exitCode, name);
        }
        return new Reply(name, status, new WireReader(in, start, start + size));
    }

    /** Makes at least {@code n} unconsumed bytes available in {@link #in}. */
    private void fill(int n) throws IOException {
        if (in.remaining() >= n) {
            return;
        }
        if (in.capacity() < n) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(n, in.capacity() * 2))
                    .order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(in).flip();
            in = bigger;
        }
        in.compact();
        try {
            while (in.position() < n) {
                if (channel.read(in) < 0) {
                    closeQuietly();
                    throw new ConnectionLostException("the server closed the connection");
                }
            }
        } finally {
            in.flip();
        }
    }

    /**
     * Whether the server has ended this thread or gone away, seen without blocking: what has
     * arrived is read into the reply buffer (an end frame stays there for the next call to
     * report, as does the end of the stream). Only for an idle connection:
     * never while a request is outstanding, and from the thread that makes the calls.
     */
    public boolean serverEnded() throws IOException {
        if (closed) {
            return true;
        }
        in.compact();
        int n;
        try {
            channel.configureBlocking(false);
            n = channel.read(in);
        } finally {
            in.flip();
            channel.configureBlocking(true);
        }
        if (n < 0) {
            return true; // the next call reports an end frame still buffered, or the loss
        }
        return in.remaining() >= Protocol.HEADER_SIZE
                && in.getInt(in.position()) == Status.THREAD_IS_TERMINATING;
    }

    /** True until closed, by {@link #close()} or by the server. */
    public boolean isOpen() {
        return !closed;
    }

    /** The exit code of the end frame, or -1 if the server has not ended this thread. */
    public int terminatedExitCode() {
        return exitCode;
    }

    /** Closes the socket; the server ends the thread (with its reported exit code, else 1). */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}

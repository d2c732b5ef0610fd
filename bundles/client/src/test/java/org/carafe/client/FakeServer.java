package org.carafe.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** A scripted one-connection server on a temporary Unix socket, for connection tests. */
public final class FakeServer implements AutoCloseable {
    /** What the server does with the accepted connection. */
    public interface Script {
        void run(FakeServer s, SocketChannel ch) throws Exception;
    }

    final Path dir;
    public final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    public FakeServer(Script script) throws IOException {
        dir = Files.createTempDirectory("carafe-client-test");
        socket = dir.resolve("socket");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> {
            try (SocketChannel ch = server.accept()) {
                script.run(this, ch);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fake-server");
        thread.start();
    }

    public static ByteBuffer read(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("closed");
            }
        }
        return b.flip();
    }

    public static void write(SocketChannel ch, ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    public static ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads the client's hello and answers with {@code version} and {@code status}. */
    public static void hello(SocketChannel ch, int version, int status, String msg)
            throws IOException {
        ByteBuffer h = read(ch, 8);
        if (h.getInt() != Protocol.MAGIC || h.getInt() != Protocol.VERSION) {
            throw new IOException("bad hello");
        }
        byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        write(ch, buf(16 + m.length).putInt(Protocol.MAGIC).putInt(version).putInt(status)
                .putInt(m.length).put(m));
    }

    /** Reads one request frame: returns a buffer with code, size, then the data. */
    public static ByteBuffer request(SocketChannel ch) throws IOException {
        ByteBuffer h = read(ch, 8);
        int code = h.getInt();
        int size = h.getInt();
        ByteBuffer data = read(ch, size);
        return buf(8 + size).putInt(code).putInt(size).put(data).flip();
    }

    public static void reply(SocketChannel ch, int status, ByteBuffer data) throws IOException {
        int size = data == null ? 0 : data.position();
        ByteBuffer b = buf(8 + size).putInt(status).putInt(size);
        if (data != null) {
            b.put(data.flip());
        }
        write(ch, b);
    }

    public void join() throws Exception {
        thread.join(5000);
        if (failure.get() != null) {
            throw new AssertionError("server failed", failure.get());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }
}

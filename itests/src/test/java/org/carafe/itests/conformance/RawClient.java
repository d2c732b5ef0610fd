package org.carafe.itests.conformance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A client that writes raw bytes, for the scenarios where a client breaks the protocol. It
 * speaks just enough (hello, init_thread) to become an emulated process first.
 */
final class RawClient implements AutoCloseable {
    private static final int MAGIC = 0x45465243;
    private static final int INIT_THREAD = 1;

    private final SocketChannel channel;

    private RawClient(SocketChannel channel) {
        this.channel = channel;
    }

    static RawClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(channel);
    }

    /** Hello and init_thread as an embedded process; returns the pid the server gave. */
    int becomeProcess(String command) throws IOException {
        write(le(8).putInt(MAGIC).putInt(1));
        ByteBuffer hello = read(12);
        int messageLength = read(4).getInt();
        read(messageLength);
        if (hello.getInt(8) != 0) {
            throw new IOException("hello refused");
        }

        byte[] name = command.getBytes(StandardCharsets.UTF_8);
        int size = 4 + 4 + 4 + 4 + name.length;
        write(le(8 + size).putInt(INIT_THREAD).putInt(size).putInt(0).putInt(0).putInt(0)
                .putInt(name.length).put(name));
        ByteBuffer header = read(8);
        ByteBuffer data = read(header.getInt(4));
        if (header.getInt(0) != 0) {
            throw new IOException(String.format("init_thread failed: 0x%08X", header.getInt(0)));
        }
        return data.getInt(0);
    }

    void write(byte[] bytes) throws IOException {
        write(ByteBuffer.wrap(bytes));
    }

    void write(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Half-closes: the server sees end-of-file after what was written. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Reads until the server closes; returns the bytes it sent meanwhile (-1 never seen). */
    int drainUntilClosed() throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        int total = 0;
        for (int n = channel.read(sink); n >= 0; n = channel.read(sink)) {
            total += n;
            sink.clear();
        }
        return total;
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer read(int n) throws IOException {
        ByteBuffer buffer = le(n);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("server closed the connection");
            }
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package org.carafe.transport.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.carafe.api.transport.HandedConnection;
import org.carafe.api.transport.HandedTransport;
import org.carafe.api.transport.TransportHandover;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Owns the server's private directory, its {@code lock} file (held for the socket's life) and
 * the listening {@code socket}. Opened and closed by the transport component on SCR's threads;
 * the IO thread only accepts on {@link #channel()}.
 */
final class MasterSocket implements Closeable {
    private static final Set<PosixFilePermission> DIR_MODE =
            PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> LOCK_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final int BACKLOG = 4096;
    /**
     * Directories whose lock this JVM holds. Their lock file must not be opened again: closing
     * a second channel to it would drop the lock the first one holds (POSIX record locks
     * belong to the process).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path socketPath;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final AFUNIXServerSocketChannel channel;

    /** Another server holds the lock of the directory. */
    static final class LockHeldException extends IOException {
        private static final long serialVersionUID = 1L;

        LockHeldException(Path dir) {
            super("another Carafe server is running on " + dir + " (lock held)");
        }
    }

    private MasterSocket(Path dir, FileChannel lockFile, FileLock lock,
            AFUNIXServerSocketChannel channel) {
        this.dir = dir;
        this.socketPath = dir.resolve("socket");
        this.lockFile = lockFile;
        this.lock = lock;
        this.channel = channel;
    }

    /**
     * Makes {@code dir} (mode 0700, ours), takes its lock, removes a stale socket and listens on
     * {@code dir/socket} (mode 0600), non-blocking.
     */
    static MasterSocket open(Path dir, long uid) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw new LockHeldException(dir);
        }
        try {
            return openHeld(dir, uid);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static MasterSocket openHeld(Path dir, long uid) throws IOException {
        makePrivateDir(dir, uid);
        FileChannel lockFile = FileChannel.open(dir.resolve("lock"), Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), LOCK_MODE);
        try {
            FileLock lock = tryLock(lockFile, dir);
            writePid(lockFile);

            Path socket = dir.resolve("socket");
            Files.deleteIfExists(socket);
            AFUNIXServerSocketChannel channel = AFUNIXServerSocketChannel.open();
            try {
                channel.bind(AFUNIXSocketAddress.of(socket), BACKLOG);
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                channel.configureBlocking(false);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new MasterSocket(dir, lockFile, lock, channel);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /**
     * Takes over the socket, lock and directory a departing revision of the transport left
     * (see {@link TransportHandover}); the channel is already bound and non-blocking.
     */
    static MasterSocket adopt(HandedTransport left) {
        HELD.add(left.socketDir().toAbsolutePath().normalize());
        return new MasterSocket(left.socketDir(), left.lockFile(), left.lock(),
                (AFUNIXServerSocketChannel) left.master());
    }

    /**
     * What a successor adopts: this socket with the given connections and request names. This
     * object must not be closed afterwards; the successor (or the handover) owns it all.
     */
    HandedTransport handOff(List<HandedConnection> connections, List<String> dynamicNames) {
        // the handover owns the lock now: it releases it, or a successor adopts it again
        HELD.remove(dir.toAbsolutePath().normalize());
        return new HandedTransport(dir, channel, lockFile, lock, connections, dynamicNames);
    }

    /**
     * The uid this JVM runs as: the owner of {@code /proc/self}, or else of a file it creates.
     */
    static long ownUid() throws IOException {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            Path probe = Files.createTempFile("carafe-uid", null);
            try {
                return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
            } finally {
                Files.delete(probe);
            }
        }
    }

    Path dir() {
        return dir;
    }

    Path socketPath() {
        return socketPath;
    }

    AFUNIXServerSocketChannel channel() {
        return channel;
    }

    /** Stops listening, removes the socket while the lock is still held, then drops the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
            Files.deleteIfExists(socketPath);
        } finally {
            try {
                lock.release();
            } finally {
                lockFile.close();
                HELD.remove(dir.toAbsolutePath().normalize());
            }
        }
    }

    private static void makePrivateDir(Path dir, long uid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.getParent();
            if (parent != null && !Files.exists(parent)) {
                makePrivateDir(parent, uid);
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        }

        PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        long owner = ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                .longValue();
        if (!attrs.isDirectory() || owner != uid) {
            throw new IOException("socket directory " + dir + " is not a directory owned by uid "
                    + uid + " (owner " + owner + "); refusing to use it");
        }
        if (!DIR_MODE.containsAll(attrs.permissions())) {
            throw new IOException("socket directory " + dir + " has mode "
                    + PosixFilePermissions.toString(attrs.permissions())
                    + ", not rwx------; refusing to use it");
        }
    }

    private static FileLock tryLock(FileChannel lockFile, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new LockHeldException(dir);
        }
        return lock;
    }

    private static void writePid(FileChannel lockFile) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        lockFile.truncate(0);
        lockFile.write(ByteBuffer.wrap(pid), 0);
    }
}

package org.carafe.memory.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/**
 * An open {@code /proc/PID/mem} of one target: positional reads and writes at memory
 * addresses, in chunks so that the JDK's temporary direct buffer stays small. Used by one copy
 * thread, opened and closed within one request.
 */
final class ProcMem implements AutoCloseable {
    /** Bytes per pread / pwrite. */
    static final int CHUNK = 1 << 20;

    private final FileChannel channel;

    private ProcMem(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the memory of {@code target} for reading, or reading and writing. A process that is
     * gone (or whose pid now names another process) is STATUS_PROCESS_IS_TERMINATING; a file
     * the kernel will not open for us (ptrace access mode) STATUS_ACCESS_DENIED.
     */
    static ProcMem open(Target target, boolean write) {
        Path file = Path.of("/proc", Integer.toString(target.linuxPid()), "mem");
        FileChannel channel;
        try {
            channel = write
                    ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        } catch (IOException e) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
        ProcMem mem = new ProcMem(channel);
        try {
            checkSame(target);
        } catch (StatusException e) {
            mem.close();
            throw e;
        }
        return mem;
    }

    /** After opening: the pid still names the process we were given, so the file is its. */
    static void checkSame(Target target) {
        if (!LinuxProcesses.isSame(target.linuxPid(), target.startTime())) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        }
    }

    /**
     * Reads {@code into.length} bytes from {@code address}; returns how many were read before
     * the first short or failing read (unmapped memory), possibly 0.
     */
    int read(long address, byte[] into) {
        return read(address, ByteBuffer.wrap(into));
    }

    /**
     * Reads the remaining bytes of {@code into} (its position stays) from {@code address};
     * returns how many were read before the first short or failing read. A direct buffer is
     * filled by the kernel with no copy in between.
     */
    int read(long address, ByteBuffer into) {
        int length = into.remaining();
        int start = into.position();
        int done = 0;
        while (done < length) {
            long position = address + done;
            if (position < 0) {
                break; // above 2^63: FileChannel cannot address it, and no user memory is there
            }
            ByteBuffer dst = into.slice(start + done, Math.min(CHUNK, length - done));
            int want = dst.remaining();
            int n;
            try {
                n = channel.read(dst, position);
            } catch (IOException e) {
                break;
            }
            if (n <= 0) {
                break;
            }
            done += n;
            if (n < want) {
                break;
            }
        }
        return done;
    }

    /** Writes all of {@code data} at {@code address}; a failure leaves what came before it. */
    void write(long address, byte[] data) throws IOException {
        int done = 0;
        while (done < data.length) {
            long position = address + done;
            if (position < 0) {
                throw new IOException("address above 2^63");
            }
            ByteBuffer src = ByteBuffer.wrap(data, done, Math.min(CHUNK, data.length - done));
            int n = channel.write(src, position);
            if (n <= 0) {
                throw new IOException("short write at " + Long.toHexString(position));
            }
            done += n;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was buffered; the descriptor is gone either way
        }
    }
}

package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;
import org.carafe.client.MemoryRead;
import org.carafe.client.Rights;
import org.carafe.client.Status;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carafe mem read [--raw] PID ADDRESS LENGTH}: a hex dump (or the raw bytes) of the
 * process's memory. A read cut short by unmapped memory prints what it got, then one line on
 * stderr, and exits 1.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Read memory of a process (hex dump, or --raw bytes on stdout).")
final class MemReadCommand extends MemAction {
    @Option(names = "--raw", description = "Write the bytes themselves to stdout.")
    boolean raw;

    @Parameters(index = "0", paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Parameters(index = "1", paramLabel = "ADDRESS", converter = MemFormats.Address.class,
            description = "Address (decimal or 0x hex).")
    long address;

    @Parameters(index = "2", paramLabel = "LENGTH", converter = Numbers.class,
            description = "Bytes to read (decimal or 0x hex).")
    int length;

    @Override
    int pid() {
        return pid;
    }

    @Override
    int access() {
        return Rights.PROCESS_VM_READ;
    }

    @Override
    int execute(EmulatedThread t, int handle) throws IOException {
        MemoryRead read = t.readProcessMemory(handle, address, length);
        byte[] data = read.data();
        if (raw) {
            out().flush();
            System.out.write(data);
            System.out.flush();
        } else {
            out().print(MemFormats.hexDump(address, data));
        }
        if (read.complete()) {
            return 0;
        }
        out().flush();
        err().printf("carafe: mem read: %s: %d of %s bytes%n", Status.format(read.status()),
                data.length, Integer.toUnsignedString(length));
        err().flush();
        return Main.EXIT_ERROR;
    }
}

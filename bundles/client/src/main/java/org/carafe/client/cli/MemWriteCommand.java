package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;
import org.carafe.client.Rights;
import org.carafe.client.Status;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code carafe mem write PID ADDRESS HEXBYTES}: writes the bytes, all or nothing. A range that
 * is not entirely mapped writes nothing and exits 1 with the status line.
 */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Write bytes (given in hex) into the memory of a process.")
final class MemWriteCommand extends MemAction {
    @Parameters(index = "0", paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Parameters(index = "1", paramLabel = "ADDRESS", converter = MemFormats.Address.class,
            description = "Address (decimal or 0x hex).")
    long address;

    @Parameters(index = "2", paramLabel = "HEXBYTES", converter = MemFormats.HexBytes.class,
            description = "The bytes, two hex digits each, e.g. c0ffee11.")
    MemFormats.Bytes bytes;

    @Override
    int pid() {
        return pid;
    }

    @Override
    int access() {
        return Rights.PROCESS_VM_WRITE;
    }

    @Override
    int execute(EmulatedThread t, int handle) throws IOException {
        byte[] data = bytes.value();
        int status = t.writeProcessMemory(handle, address, data);
        if (status == Status.SUCCESS) {
            return 0;
        }
        err().printf("carafe: mem write: %s: 0 of %d bytes written%n", Status.format(status),
                data.length);
        err().flush();
        return Main.EXIT_ERROR;
    }
}

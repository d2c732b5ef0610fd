package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;
import org.carafe.client.Rights;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carafe mem map PID}: the process's mappings (list_memory_regions). */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "List the memory regions of a process.")
final class MemMapCommand extends MemAction {
    @Parameters(index = "0", paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Override
    int pid() {
        return pid;
    }

    @Override
    int access() {
        return Rights.PROCESS_QUERY_INFORMATION;
    }

    @Override
    int execute(EmulatedThread t, int handle) throws IOException {
        out().print(MemFormats.mapTable(t.listMemoryRegions(handle)));
        return 0;
    }
}

package org.carafe.client.cli;

import java.io.IOException;

import org.carafe.client.EmulatedThread;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carafe ps [--json]}: list_processes as a table or a JSON array. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = "List the emulated processes.")
final class PsCommand extends ClientCommand {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    int execute(EmulatedThread t) throws IOException {
        var rows = t.listProcesses();
        out().print(json ? Formats.psJson(rows) + "\n" : Formats.psTable(rows));
        return 0;
    }
}

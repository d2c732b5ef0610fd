package org.carafe.client.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code carafe mem}: the memory of an owned emulated process (read, write, map, bench). */
@Command(name = "mem", mixinStandardHelpOptions = true,
        description = "Read and write the memory of a process started with carafe run.",
        subcommands = {MemReadCommand.class, MemWriteCommand.class, MemMapCommand.class,
            MemBenchCommand.class})
final class MemCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    /** {@code carafe mem} alone: the usage, and a failure status. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_ERROR;
    }
}

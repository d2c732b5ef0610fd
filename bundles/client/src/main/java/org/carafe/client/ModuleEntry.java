package org.carafe.client;

/** One module of a process ({@code next_module}): base address, size and name. */
public record ModuleEntry(long base, long size, String name) {
}

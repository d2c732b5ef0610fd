package org.carafe.api.model;

/** A module (dll) loaded in a process: base address, size and name. Immutable. */
public record Module(long base, long size, String name) {
}

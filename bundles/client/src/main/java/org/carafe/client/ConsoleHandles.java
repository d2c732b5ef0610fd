package org.carafe.client;

/** alloc_console's reply: handles to the new console's input and screen buffer. */
public record ConsoleHandles(int input, int output) {
}

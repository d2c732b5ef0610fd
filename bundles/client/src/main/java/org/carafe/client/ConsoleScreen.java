package org.carafe.client;

import java.util.List;

/**
 * read_console_output's reply: a screen buffer's rows top to bottom (trailing blanks trimmed),
 * its size, its cursor, and how many rows have scrolled off the top since it was made.
 */
public record ConsoleScreen(int width, int height, int cursorX, int cursorY, long scrolled,
        List<String> lines) {
}

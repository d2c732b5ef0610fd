package org.carafe.client;

/** get_console_info's reply: a screen buffer's size, cursor and title. */
public record ConsoleInfo(int width, int height, int cursorX, int cursorY, String title) {
}

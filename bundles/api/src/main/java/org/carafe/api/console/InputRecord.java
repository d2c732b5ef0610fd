package org.carafe.api.console;

/**
 * One console input record: a UTF-16 code unit and whether its key went down (true) or up.
 * Enter is {@code '\r'}, as a console reports it.
 */
public record InputRecord(char ch, boolean keyDown) {
}

package org.carafe.client;

import java.util.ArrayList;
import java.util.List;

/** One console input record: a UTF-16 unit and whether its key went down; Enter is '\r'. */
public record ConsoleRecord(char ch, boolean keyDown) {
    /** The key-down and key-up records of typing {@code text}; '\n' becomes Enter. */
    public static List<ConsoleRecord> typing(CharSequence text) {
        List<ConsoleRecord> out = new ArrayList<>(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i) == '\n' ? '\r' : text.charAt(i);
            out.add(new ConsoleRecord(c, true));
            out.add(new ConsoleRecord(c, false));
        }
        return out;
    }
}

package org.carafe.shell.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table as the {@code carafe} command line prints one: left-aligned columns separated by
 * two spaces, the last column not padded. Built and rendered on one thread.
 */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    @Override
    public String toString() {
        int n = header.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        append(sb, header, width);
        rows.forEach(row -> append(sb, row, width));
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<String> row, int[] width) {
        int last = row.size() - 1;
        for (int i = 0; i <= last; i++) {
            sb.append(row.get(i));
            if (i < last) {
                sb.append(" ".repeat(width[i] - row.get(i).length() + 2));
            }
        }
        sb.append('\n');
    }
}

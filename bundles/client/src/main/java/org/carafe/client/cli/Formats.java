package org.carafe.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carafe.client.Flags;
import org.carafe.client.HandleEntry;
import org.carafe.client.ModuleEntry;
import org.carafe.client.ProcessEntry;
import org.carafe.client.Protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Text and JSON renderings of listings. Pure functions of their input. */
final class Formats {
    static final List<String> PS_HEADER =
            List.of("PID", "PPID", "LINUX_PID", "THREADS", "STATUS", "EXIT_CODE", "COMMAND");
    static final List<String> HANDLES_HEADER =
            List.of("HANDLE", "ACCESS", "FLAGS", "TYPE", "DESCRIPTION");
    static final List<String> MODULES_HEADER = List.of("BASE", "SIZE", "NAME");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Formats() {
    }

    /** The ps table, one line per process, header first. */
    static String psTable(List<ProcessEntry> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (ProcessEntry p : rows) {
            cells.add(List.of(u32(p.pid()), u32(p.ppid()), u32(p.linuxPid()),
                    u32(p.threads()), p.stateName(), exitCode(p), p.command()));
        }
        return table(PS_HEADER, cells);
    }

    /** The ps JSON array: pid, ppid, linuxPid, threads, status, exitCode, command. */
    static String psJson(List<ProcessEntry> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProcessEntry p : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", Integer.toUnsignedLong(p.pid()));
            m.put("ppid", Integer.toUnsignedLong(p.ppid()));
            m.put("linuxPid", Integer.toUnsignedLong(p.linuxPid()));
            m.put("threads", Integer.toUnsignedLong(p.threads()));
            m.put("status", p.stateName());
            m.put("exitCode", Integer.toUnsignedLong(p.exitCode()));
            m.put("command", p.command());
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handles table: hex handle and access, flag words, type, description. */
    static String handlesTable(List<HandleEntry> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (HandleEntry h : rows) {
            cells.add(List.of(String.format("0x%04x", h.handle()),
                    String.format("0x%08x", h.access()), flagWords(h.flags()), h.type(),
                    h.description()));
        }
        return table(HANDLES_HEADER, cells);
    }

    /** The modules table: hex base and size, name. */
    static String modulesTable(List<ModuleEntry> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (ModuleEntry m : rows) {
            cells.add(List.of(String.format("0x%016x", m.base()),
                    String.format("0x%x", m.size()), m.name()));
        }
        return table(MODULES_HEADER, cells);
    }

    /** Handle flags as words: {@code inherit}, {@code protect}, both joined by a comma, or -. */
    static String flagWords(int flags) {
        List<String> words = new ArrayList<>();
        if ((flags & Flags.HANDLE_FLAG_INHERIT) != 0) {
            words.add("inherit");
        }
        if ((flags & Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0) {
            words.add("protect");
        }
        int other = flags & ~3;
        if (other != 0) {
            words.add(String.format("0x%x", other));
        }
        return words.isEmpty() ? "-" : String.join(",", words);
    }

    /**
     * Left-aligned columns separated by two spaces; the last column is not padded and no line
     * has trailing blanks.
     */
    static String table(List<String> header, List<List<String>> rows) {
        int n = header.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width);
        for (List<String> row : rows) {
            appendRow(sb, row, width);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> row, int[] width) {
        int start = sb.length();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            sb.append(cell);
            if (i < row.size() - 1) {
                sb.append(" ".repeat(width[i] - cell.length() + 2));
            }
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static String exitCode(ProcessEntry p) {
        if (p.state() != ProcessEntry.EXITED && p.exitCode() == Protocol.STILL_ACTIVE) {
            return "-";
        }
        return u32(p.exitCode());
    }

    private static String u32(int v) {
        return Integer.toUnsignedString(v);
    }
}

package org.carafe.client.cli;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.carafe.client.MemoryRegion;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Hex dumps, the region table, and parsing of addresses and hex bytes. Pure functions. */
final class MemFormats {
    static final List<String> MAP_HEADER = List.of("BASE", "END", "SIZE", "PERMS", "FILE");

    private MemFormats() {
    }

    /** Parses a 64-bit address: decimal or {@code 0x} hex, unsigned. */
    static final class Address implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parseAddress(value);
        }
    }

    static long parseAddress(String text) {
        String s = text.trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not an address (decimal or 0x "
                    + "hex, 64 bits)");
        }
    }

    /** Bytes given in hex at the command line (one value: picocli splits arrays). */
    record Bytes(byte[] value) {
    }

    /** Parses hex bytes at the command line, so a bad value is a usage error. */
    static final class HexBytes implements ITypeConverter<Bytes> {
        @Override
        public Bytes convert(String value) {
            return new Bytes(parseHex(value));
        }
    }

    /** Hex digits, two per byte; spaces and a {@code 0x} prefix are allowed. */
    static byte[] parseHex(String text) {
        String s = text.replace(" ", "");
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' is not hex bytes (two digits each)");
        }
    }

    /**
     * A hex dump: per 16 bytes the address, the bytes in hex separated by single spaces, and
     * the printable ASCII between bars ({@code .} for the rest).
     */
    static String hexDump(long address, byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < data.length; off += 16) {
            int n = Math.min(16, data.length - off);
            sb.append(String.format("%016x ", address + off));
            for (int i = 0; i < 16; i++) {
                sb.append(i < n ? String.format(" %02x", data[off + i] & 0xff) : "   ");
            }
            sb.append("  |");
            for (int i = 0; i < n; i++) {
                int c = data[off + i] & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
            }
            sb.append("|\n");
        }
        return sb.toString();
    }

    /** The map table: base, end, size in hex, rwxp letters and file. */
    static String mapTable(List<MemoryRegion> regions) {
        List<List<String>> cells = new ArrayList<>();
        for (MemoryRegion r : regions) {
            cells.add(List.of(String.format("0x%016x", r.base()),
                    String.format("0x%016x", r.end()), String.format("0x%x", r.size()),
                    r.perms(), r.file()));
        }
        return Formats.table(MAP_HEADER, cells);
    }
}

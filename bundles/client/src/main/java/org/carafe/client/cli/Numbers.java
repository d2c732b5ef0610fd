package org.carafe.client.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses ids and codes typed on the command line: decimal or {@code 0x} hex, 32 bits. */
final class Numbers implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        return parseU32(value);
    }

    /** Decimal or 0x hex, 0 to 0xFFFFFFFF (also -1 and other negative 32-bit values). */
    static int parseU32(String text) {
        String s = text.trim();
        try {
            long v;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                v = Long.parseLong(s.substring(2), 16);
            } else {
                v = Long.parseLong(s);
            }
            if (v > 0xFFFFFFFFL || v < Integer.MIN_VALUE) {
                throw new TypeConversionException("'" + text + "' is out of range");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number (decimal or 0x hex)");
        }
    }
}

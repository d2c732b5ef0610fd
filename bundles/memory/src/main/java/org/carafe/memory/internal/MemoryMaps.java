package org.carafe.memory.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/** Reads {@code /proc/PID/maps} into regions and answers range questions. Copy threads only. */
final class MemoryMaps {
    private MemoryMaps() {
    }

    /**
     * The regions of {@code target}, ascending. A process that is gone is
     * STATUS_PROCESS_IS_TERMINATING, one we may not inspect STATUS_ACCESS_DENIED.
     */
    static List<Region> read(Target target) {
        Path maps = Path.of("/proc", Integer.toString(target.linuxPid()), "maps");
        try {
            List<Region> regions = parse(Files.readAllLines(maps));
            ProcMem.checkSame(target);
            return regions;
        } catch (NoSuchFileException e) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        } catch (IOException e) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
    }

    /** Parses maps lines: {@code base-end perms offset dev inode [file]}. */
    static List<Region> parse(List<String> lines) {
        List<Region> regions = new ArrayList<>(lines.size());
        for (String line : lines) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 5) {
                continue;
            }
            int dash = f[0].indexOf('-');
            long base = Long.parseUnsignedLong(f[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(f[0].substring(dash + 1), 16);
            regions.add(new Region(base, end, protection(f[1]), f.length == 6 ? f[5] : ""));
        }
        return regions;
    }

    /** {@code rwxp} letters to protocol bits; {@code s} (shared) has no bit. */
    static int protection(String perms) {
        int bits = 0;
        bits |= perms.charAt(0) == 'r' ? Region.READ : 0;
        bits |= perms.charAt(1) == 'w' ? Region.WRITE : 0;
        bits |= perms.charAt(2) == 'x' ? Region.EXECUTE : 0;
        bits |= perms.charAt(3) == 'p' ? Region.PRIVATE : 0;
        return bits;
    }

    /**
     * Whether every byte of [address, address + length) lies in a region that passes
     * {@code ok}, with no gap. {@code regions} must be ascending; the range must not wrap.
     */
    static boolean covers(List<Region> regions, long address, long length,
            Predicate<Region> ok) {
        long cursor = address;
        long left = length;
        for (Region r : regions) {
            if (left == 0) {
                break;
            }
            if (Long.compareUnsigned(r.end(), cursor) <= 0) {
                continue;
            }
            if (Long.compareUnsigned(r.base(), cursor) > 0 || !ok.test(r)) {
                return false;
            }
            long inRegion = r.end() - cursor;
            long take = Long.compareUnsigned(inRegion, left) < 0 ? inRegion : left;
            cursor += take;
            left -= take;
        }
        return left == 0;
    }
}

package org.carafe.memory.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.carafe.api.model.LinuxProcesses;
import org.junit.Test;

/** Reads of this JVM's own memory through /proc/self/mem. */
public class ProcMemTest {
    private static final int SELF = (int) ProcessHandle.current().pid();
    private static final Target TARGET = new Target(SELF, LinuxProcesses.startTime(SELF));

    private static List<Region> regions() throws Exception {
        return MemoryMaps.parse(Files.readAllLines(Path.of("/proc/self/maps")));
    }

    @Test
    public void theFirstMappingOfTheExecutableStartsWithTheElfMagic() throws Exception {
        String exe = Path.of("/proc/self/exe").toRealPath().toString();
        Region first = regions().stream().filter(r -> r.file().equals(exe)).findFirst()
                .orElseThrow();
        byte[] got = new byte[4];

        try (ProcMem mem = ProcMem.open(TARGET, false)) {
            assertEquals(4, mem.read(first.base(), got));
        }

        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, got);
    }

    @Test
    public void aReadStopsAtTheEndOfAMappingFollowedByAGap() throws Exception {
        List<Region> rs = regions();
        Region before = null;
        for (int i = 0; i + 1 < rs.size() && before == null; i++) {
            if (rs.get(i).end() != rs.get(i + 1).base() && rs.get(i).isReadable()) {
                before = rs.get(i);
            }
        }
        byte[] got = new byte[64];
        Arrays.fill(got, (byte) 0x55);

        int n;
        try (ProcMem mem = ProcMem.open(TARGET, false)) {
            n = mem.read(before.end() - 16, got);
        }

        assertEquals(16, n);
    }

    @Test
    public void readsLongerThanAChunkComeBackWhole() throws Exception {
        Region big = null;
        for (Region r : regions()) {
            if (r.isReadable() && r.size() > 3L * ProcMem.CHUNK
                    && (big == null || r.size() < big.size())) {
                big = r;
            }
        }
        byte[] got = new byte[3 * ProcMem.CHUNK + 5];

        try (ProcMem mem = ProcMem.open(TARGET, false)) {
            assertEquals(got.length, mem.read(big.base(), got));
        }
    }
}

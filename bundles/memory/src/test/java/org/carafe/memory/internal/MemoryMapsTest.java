package org.carafe.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** Parsing /proc/PID/maps lines and checking ranges against them. */
public class MemoryMapsTest {
    private static final List<Region> REGIONS = MemoryMaps.parse(List.of(
            "00400000-00401000 r--p 00000000 08:01 1234                       /usr/bin/sl eep",
            "00401000-00403000 r-xp 00001000 08:01 1234                       /usr/bin/sl eep",
            "00600000-00601000 rw-p 00000000 00:00 0                          [heap]",
            "00601000-00602000 r--s 00000000 08:01 99                         /dev/shm/x",
            "7ffd0000-7ffd1000 rw-p 00000000 00:00 0 ",
            "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0          [vsyscall]"));

    @Test
    public void linesBecomeRegionsWithProtocolBits() {
        assertEquals(6, REGIONS.size());
        Region text = REGIONS.get(1);
        assertEquals(0x401000L, text.base());
        assertEquals(0x2000L, text.size());
        assertEquals(Region.READ | Region.EXECUTE | Region.PRIVATE, text.protection());
        assertEquals("/usr/bin/sl eep", text.file());
        assertEquals("[heap]", REGIONS.get(2).file());
        assertEquals(Region.READ, REGIONS.get(3).protection());
        assertEquals("", REGIONS.get(4).file());
        assertEquals(0xffffffffff600000L, REGIONS.get(5).base());
    }

    @Test
    public void aRangeIsCoveredAcrossAdjacentRegionsButNotAcrossAGap() {
        assertTrue(MemoryMaps.covers(REGIONS, 0x400ff0, 0x20, r -> true));
        assertTrue(MemoryMaps.covers(REGIONS, 0x400000, 0x3000, r -> true));
        assertFalse(MemoryMaps.covers(REGIONS, 0x402ff8, 0x10, r -> true));
        assertFalse(MemoryMaps.covers(REGIONS, 0x3ffff0, 0x20, r -> true));
        assertFalse(MemoryMaps.covers(REGIONS, 0x7ffd1000, 1, r -> true));
    }

    @Test
    public void sharedReadOnlyMappingsRefuseWrites() {
        assertTrue(MemoryMaps.covers(REGIONS, 0x400000, 0x10, Region::acceptsWrites));
        assertFalse(MemoryMaps.covers(REGIONS, 0x600ff0, 0x20, Region::acceptsWrites));
    }

    @Test
    public void rangesThatRunPastTheTopWrap() {
        assertFalse(Transfer.wraps(0, 0));
        assertFalse(Transfer.wraps(-1L, 1));
        assertTrue(Transfer.wraps(-1L, 2));
        assertFalse(Transfer.wraps(-16L, 16));
        assertTrue(Transfer.wraps(-16L, 17));
    }
}

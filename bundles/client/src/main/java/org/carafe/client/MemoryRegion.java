package org.carafe.client;

/**
 * One mapping of a process ({@code list_memory_regions}): base, size, protection bits
 * ({@link #READ}, {@link #WRITE}, {@link #EXECUTE}, {@link #PRIVATE}) and the mapped file, a
 * pseudo name such as {@code [stack]}, or empty.
 */
public record MemoryRegion(long base, long size, int protection, String file) {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;
    /** Private (copy on write); a mapping without it is shared. */
    public static final int PRIVATE = 8;

    /** The first address after the region. */
    public long end() {
        return base + size;
    }

    /** {@code rwxp} letters, as /proc/PID/maps shows them ({@code s} for shared). */
    public String perms() {
        return new String(new char[] {
            (protection & READ) != 0 ? 'r' : '-',
            (protection & WRITE) != 0 ? 'w' : '-',
            (protection & EXECUTE) != 0 ? 'x' : '-',
            (protection & PRIVATE) != 0 ? 'p' : 's'});
    }
}

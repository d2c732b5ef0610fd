package org.carafe.api.model;

import java.util.ArrayDeque;

/**
 * Process and thread ids: multiples of 4 from 0x20, never 0. A freed id goes to the back of a
 * queue and is handed out again only once {@link #REUSE_THRESHOLD} ids wait there, so an id is
 * not reused soon after its object went. Confined to the kernel loop.
 */
final class IdTable {
    static final int FIRST_ID = 0x20;
    static final int REUSE_THRESHOLD = 256;

    private final ArrayDeque<Integer> freed = new ArrayDeque<>();
    private int next = FIRST_ID;

    int allocate() {
        if (freed.size() >= REUSE_THRESHOLD) {
            return freed.poll();
        }
        int id = next;
        next += 4;
        return id;
    }

    void free(int id) {
        freed.add(id);
    }
}

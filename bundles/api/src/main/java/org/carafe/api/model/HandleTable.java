package org.carafe.api.model;

import java.util.Arrays;
import java.util.function.BiConsumer;

import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Status;

/**
 * A process's handle table. A handle's value is (index + 1) << 2 and the lowest free index is
 * taken first. Each entry holds a reference to its object. Confined to the kernel loop.
 */
public final class HandleTable {
    /** Wine's MAX_HANDLE_ENTRIES: beyond it allocation fails. */
    public static final int MAX_ENTRIES = 0x00FFFFFF;

    private HandleEntry[] entries = new HandleEntry[8];
    private int count;
    private int freeHint;
    private boolean closed;

    /** Puts {@code object} in the lowest free slot, taking a reference; returns the handle. */
    public int alloc(KObject object, int access, int flags) {
        if (closed) {
            throw new StatusException(Status.PROCESS_IS_TERMINATING);
        }
        int index = freeHint;
        while (index < entries.length && entries[index] != null) {
            index++;
        }
        if (index >= MAX_ENTRIES) {
            throw new StatusException(Status.INSUFFICIENT_RESOURCES);
        }
        if (index == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }

        object.grab();
        object.handleAdded();
        entries[index] = new HandleEntry(object, access, flags & flagMask());
        count++;
        freeHint = index + 1;
        return toHandle(index);
    }

    /** The entry behind a handle value, or null if the value names no entry. */
    public HandleEntry entry(int handle) {
        int index = toIndex(handle);
        return index >= 0 && index < entries.length ? entries[index] : null;
    }

    /** Closes a handle: STATUS_SUCCESS, STATUS_INVALID_HANDLE or STATUS_HANDLE_NOT_CLOSABLE. */
    public int close(int handle) {
        HandleEntry entry = entry(handle);
        if (entry == null) {
            return Status.INVALID_HANDLE;
        }
        if ((entry.flags() & Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0) {
            return Status.HANDLE_NOT_CLOSABLE;
        }

        remove(toIndex(handle));
        return Status.SUCCESS;
    }

    /** Closes every handle, protected ones too; further allocations fail. */
    public void closeAll() {
        closed = true;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] != null) {
                remove(i);
            }
        }
    }

    /** A new table holding the inheritable entries of this one at the same values. */
    public HandleTable copyInheritable() {
        HandleTable copy = new HandleTable();
        copy.entries = new HandleEntry[entries.length];
        for (int i = 0; i < entries.length; i++) {
            HandleEntry e = entries[i];
            if (e != null && (e.flags() & Flags.HANDLE_FLAG_INHERIT) != 0) {
                e.object().grab();
                e.object().handleAdded();
                copy.entries[i] = new HandleEntry(e.object(), e.access(), e.flags());
                copy.count++;
            }
        }
        return copy;
    }

    /** Visits the entries in handle order. */
    public void forEach(BiConsumer<Integer, HandleEntry> visitor) {
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] != null) {
                visitor.accept(toHandle(i), entries[i]);
            }
        }
    }

    public int count() {
        return count;
    }

    public boolean isClosed() {
        return closed;
    }

    private void remove(int index) {
        KObject object = entries[index].object();
        entries[index] = null;
        count--;
        freeHint = Math.min(freeHint, index);
        object.handleRemoved();
        object.release();
    }

    private static int flagMask() {
        return Flags.HANDLE_FLAG_INHERIT | Flags.HANDLE_FLAG_PROTECT_FROM_CLOSE;
    }

    private static int toHandle(int index) {
        return (index + 1) << 2;
    }

    private static int toIndex(int handle) {
        if (handle <= 0 || (handle & 3) != 0) {
            return -1;
        }
        return (handle >>> 2) - 1;
    }
}

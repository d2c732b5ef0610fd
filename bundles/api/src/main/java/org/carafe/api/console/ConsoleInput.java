package org.carafe.api.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Kernel;

/**
 * The input side of a console: a bounded queue of {@link InputRecord}s in arrival order and the
 * input mode bits. Waitable: signaled while records are queued. Owned by its {@link Console}
 * and by the handles that refer to it. Confined to the loop.
 */
public final class ConsoleInput extends KObject {
    /** At most this many records wait in the queue; writes beyond it are cut short. */
    public static final int CAPACITY = 1 << 16;

    private final ArrayDeque<InputRecord> records = new ArrayDeque<>();
    private int mode = ConsoleRights.DEFAULT_INPUT_MODE;

    public ConsoleInput(Kernel kernel) {
        super(kernel);
    }

    @Override
    public String typeName() {
        return "ConsoleInput";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    /** Signaled while at least one record is queued. */
    @Override
    public boolean isSignaled(EmuThread waiter) {
        return !records.isEmpty();
    }

    @Override
    public String dump() {
        return super.dump() + " records=" + records.size() + " mode=0x"
                + Integer.toHexString(mode);
    }

    public int mode() {
        return mode;
    }

    public void setMode(int mode) {
        this.mode = mode;
    }

    /** Records queued now. */
    public int pending() {
        return records.size();
    }

    /** Queues as many of {@code input} as fit, wakes the waiters; returns how many it took. */
    public int write(List<InputRecord> input) {
        int room = CAPACITY - records.size();
        int n = Math.min(room, input.size());
        records.addAll(input.subList(0, n));

        if (n > 0) {
            wakeUp();
        }
        return n;
    }

    /** Takes up to {@code max} records from the head of the queue (none if it is empty). */
    public List<InputRecord> read(int max) {
        int n = Math.min(max, records.size());
        List<InputRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(records.poll());
        }
        return out;
    }
}

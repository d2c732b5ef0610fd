package org.carafe.object.internal;

import java.util.concurrent.ScheduledFuture;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Waiter;
import org.carafe.api.protocol.Status;

/**
 * One select of one thread: the objects it waits on, any or all, and once parked the held reply
 * and the timeout timer. While parked it holds a reference to every object and is registered
 * as their waiter and as the thread's current wait; it ends in exactly one of three ways, each
 * undoing all of that: satisfied (reply with the index), timed out (reply STATUS_TIMEOUT) or
 * cancelled because the thread ended (no reply). Confined to the server loop.
 */
final class SelectWait implements Waiter {
    private final EmuThread caller;
    private final KObject[] objects;
    private final boolean all;
    private ParkedReply reply;
    private ScheduledFuture<?> timer;
    private boolean parked;

    SelectWait(EmuThread caller, KObject[] objects, boolean all) {
        this.caller = caller;
        this.objects = objects.clone();
        this.all = all;
    }

    /**
     * If the wait is satisfied now, lets the satisfying objects know and returns the index to
     * reply with; otherwise returns -1 and changes nothing.
     */
    int trySatisfy() {
        if (all) {
            if (objects.length == 0) {
                return -1;
            }
            for (KObject object : objects) {
                if (!object.isSignaled(caller)) {
                    return -1;
                }
            }
            for (KObject object : objects) {
                object.satisfied(caller);
            }
            return 0;
        }

        for (int i = 0; i < objects.length; i++) {
            if (objects[i].isSignaled(caller)) {
                objects[i].satisfied(caller);
                return i;
            }
        }
        return -1;
    }

    /** Holds {@code parkedReply} until the wait ends; a negative timeout never expires. */
    void park(ParkedReply parkedReply, long timeoutMillis) {
        reply = parkedReply;
        for (KObject object : objects) {
            object.grab();
            object.addWaiter(this);
        }
        caller.setWait(this);
        if (timeoutMillis > 0) {
            timer = caller.kernel().loop().schedule(this::timeout, timeoutMillis);
        }
        parked = true;
    }

    @Override
    public void wake(KObject source) {
        if (!parked) {
            return;
        }
        int index = trySatisfy();
        if (index < 0) {
            return;
        }

        unpark();
        reply.out().u32(index);
        reply.complete(Status.SUCCESS);
    }

    @Override
    public void cancel() {
        if (parked) {
            unpark();
        }
    }

    private void timeout() {
        if (!parked) {
            return;
        }

        unpark();
        reply.out().u32(0);
        reply.complete(Status.TIMEOUT);
    }

    private void unpark() {
        parked = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (caller.currentWait() == this) {
            caller.setWait(null);
        }
        for (KObject object : objects) {
            object.removeWaiter(this);
        }
        for (KObject object : objects) {
            object.release();
        }
    }
}

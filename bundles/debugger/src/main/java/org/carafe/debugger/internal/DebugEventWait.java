package org.carafe.debugger.internal;

import java.util.concurrent.ScheduledFuture;

import org.carafe.api.debug.DebugEvent;
import org.carafe.api.debug.DebugSession;
import org.carafe.api.handler.ParkedReply;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StatusException;
import org.carafe.api.model.Waiter;
import org.carafe.api.protocol.Status;

/**
 * One parked wait_debug_event: the debugger thread, its session, the held reply and the
 * timer. While parked it holds a reference on the session and is its waiter and the thread's
 * current wait; it ends when an event is ready (reply with it), at the timeout
 * (STATUS_TIMEOUT) or when the thread ends (no reply). Confined to the loop; a wait parked by
 * an older version of this bundle still completes after an update.
 */
final class DebugEventWait implements Waiter {
    private final EmuThread caller;
    private final DebugSession session;
    private ParkedReply reply;
    private ScheduledFuture<?> timer;

    DebugEventWait(EmuThread caller, DebugSession session) {
        this.caller = caller;
        this.session = session;
    }

    /** Waits with the reply parked; a negative timeout waits forever. */
    void park(ParkedReply parked, long timeoutMillis) {
        reply = parked;
        session.grab();
        session.addWaiter(this);
        caller.setWait(this);
        if (timeoutMillis > 0) {
            timer = caller.kernel().loop().schedule(this::onTimeout, timeoutMillis);
        }
    }

    @Override
    public void wake(KObject source) {
        if (reply == null || !session.isSignaled(caller)) {
            return;
        }
        ParkedReply parked = reply;
        unpark();

        DebugEvent event = session.take();
        int status;
        try {
            WaitDebugEvent.reply(caller, event, parked.out());
            status = Status.SUCCESS;
        } catch (StatusException e) {
            parked.out().clear();
            status = e.status();
        }
        parked.complete(status);
    }

    @Override
    public void cancel() {
        if (reply != null) {
            unpark();
        }
    }

    private void onTimeout() {
        if (reply == null) {
            return;
        }
        ParkedReply parked = reply;
        unpark();

        parked.complete(WaitDebugEvent.timedOut(parked.out()));
    }

    private void unpark() {
        reply = null;
        if (timer != null) {
            timer.cancel(false);
        }
        if (caller.currentWait() == this) {
            caller.setWait(null);
        }
        session.removeWaiter(this);
        session.release();
    }
}

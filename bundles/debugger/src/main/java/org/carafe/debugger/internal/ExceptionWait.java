package org.carafe.debugger.internal;

import org.carafe.api.debug.DebugEvent;
import org.carafe.api.handler.ParkedReply;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Waiter;
import org.carafe.api.protocol.Status;

/**
 * One parked exception_event: the sender, its EXCEPTION event and the held reply. While
 * parked it holds a reference on the event and is its waiter and the thread's current wait;
 * it ends when the event is continued (reply with the continue status) or the thread ends.
 * Confined to the loop.
 */
final class ExceptionWait implements Waiter {
    private final EmuThread sender;
    private final DebugEvent event;
    private ParkedReply reply;

    ExceptionWait(EmuThread sender, DebugEvent event) {
        this.sender = sender;
        this.event = event;
    }

    void park(ParkedReply parked) {
        reply = parked;
        event.grab();
        event.addWaiter(this);
        sender.setWait(this);
    }

    @Override
    public void wake(KObject source) {
        if (reply == null || !event.isSignaled(sender)) {
            return;
        }
        ParkedReply parked = reply;
        unpark();

        parked.out().u32(event.continueStatus());
        parked.complete(Status.SUCCESS);
    }

    @Override
    public void cancel() {
        if (reply != null) {
            unpark();
        }
    }

    private void unpark() {
        reply = null;
        if (sender.currentWait() == this) {
            sender.setWait(null);
        }
        event.removeWaiter(this);
        event.release();
    }
}

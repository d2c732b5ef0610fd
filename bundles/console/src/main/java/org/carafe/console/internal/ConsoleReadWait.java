package org.carafe.console.internal;

import org.carafe.api.console.ConsoleInput;
import org.carafe.api.handler.ParkedReply;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.KObject;
import org.carafe.api.model.Waiter;
import org.carafe.api.protocol.Status;

/**
 * One parked read_console_input: the reader, the input and the held reply. While parked it
 * holds a reference on the input and is its waiter and the thread's current wait; it ends when
 * records arrive (reply with them) or the thread ends (no reply). It has no timeout. Confined
 * to the loop; a wait parked by an older version of this bundle still completes after an update.
 */
final class ConsoleReadWait implements Waiter {
    private final EmuThread reader;
    private final ConsoleInput input;
    private final int max;
    private ParkedReply reply;

    ConsoleReadWait(EmuThread reader, ConsoleInput input, int max) {
        this.reader = reader;
        this.input = input;
        this.max = max;
    }

    void park(ParkedReply parked) {
        reply = parked;
        input.grab();
        input.addWaiter(this);
        reader.setWait(this);
    }

    @Override
    public void wake(KObject source) {
        if (reply == null || input.pending() == 0) {
            return;
        }
        ParkedReply parked = reply;

        unpark();
        ReadConsoleInput.reply(parked.out(), input.read(max));
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
        if (reader.currentWait() == this) {
            reader.setWait(null);
        }
        input.removeWaiter(this);
        input.release();
    }
}

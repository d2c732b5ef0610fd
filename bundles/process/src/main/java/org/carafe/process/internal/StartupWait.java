package org.carafe.process.internal;

import java.util.concurrent.ScheduledFuture;

import org.carafe.api.handler.ParkedReply;
import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Event;
import org.carafe.api.model.HandleTable;
import org.carafe.api.model.KObject;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.model.StatusException;
import org.carafe.api.model.Waiter;
import org.carafe.api.protocol.Flags;
import org.carafe.api.protocol.Protocol;
import org.carafe.api.protocol.Rights;
import org.carafe.api.protocol.Status;
import org.carafe.api.protocol.WireWriter;

/**
 * One wait_process: builds its reply, and while parked holds the startup record, its timer and
 * the caller's wait slot, all given back when it ends. Loop only.
 */
final class StartupWait implements Waiter {
    private final EmuThread caller;
    private final StartupInfo info;
    private final boolean processInherit;
    private final boolean threadInherit;
    private ParkedReply parked;
    private ScheduledFuture<?> timer;

    StartupWait(EmuThread caller, StartupInfo info, boolean processInherit,
            boolean threadInherit) {
        this.caller = caller;
        this.info = info;
        this.processInherit = processInherit;
        this.threadInherit = threadInherit;
    }

    /** Waits for the record with the reply parked; a negative timeout waits forever. */
    void park(ParkedReply reply, long timeoutMillis) {
        parked = reply;
        info.grab();
        info.addWaiter(this);
        caller.setWait(this);
        if (timeoutMillis > 0) {
            timer = caller.kernel().loop().schedule(this::onTimeout, timeoutMillis);
        }
    }

    @Override
    public void wake(KObject source) {
        if (parked == null || !info.isSignaled(caller)) {
            return;
        }

        ParkedReply reply = parked;
        int status = replyOrStatus(reply.out());
        finish();
        reply.complete(status);
    }

    @Override
    public void cancel() {
        if (parked != null) {
            finish();
        }
    }

    /** The handles to the child in the caller's process, or the status of a dead child. */
    int reply(WireWriter out) {
        EmuProcess child = info.process();
        EmuThread thread = info.thread();
        if (!info.isPicked() || child == null) {
            return Status.PROCESS_IS_TERMINATING;
        }

        HandleTable handles = caller.process().handles();
        int process = handles.alloc(child, Rights.PROCESS_ALL_ACCESS, inherit(processInherit));
        int threadHandle = handles.alloc(thread, Rights.THREAD_ALL_ACCESS,
                inherit(threadInherit));
        Event init = child.isInitDone() ? null : child.initEvent();
        int event = init != null ? handles.alloc(init, Rights.EVENT_ALL_ACCESS, 0) : 0;
        out.u32(child.pid()).u32(thread.tid()).u32(process).u32(threadHandle).u32(event);
        return Status.SUCCESS;
    }

    /** As {@link #reply}, with a failure as its status: the waking side must not fail. */
    private int replyOrStatus(WireWriter out) {
        try {
            return reply(out);
        } catch (StatusException e) {
            out.clear();
            return e.status();
        }
    }

    /** STATUS_TIMEOUT with an empty reply. */
    int timedOut(WireWriter out) {
        out.u32(0).u32(0).u32(Protocol.NO_HANDLE).u32(Protocol.NO_HANDLE)
                .u32(Protocol.NO_HANDLE);
        return Status.TIMEOUT;
    }

    private void onTimeout() {
        if (parked == null) {
            return;
        }

        ParkedReply reply = parked;
        int status = timedOut(reply.out());
        finish();
        reply.complete(status);
    }

    private void finish() {
        parked = null;
        if (timer != null) {
            timer.cancel(false);
        }
        info.removeWaiter(this);
        if (caller.currentWait() == this) {
            caller.setWait(null);
        }

        info.release();
    }

    private static int inherit(boolean inherit) {
        return inherit ? Flags.HANDLE_FLAG_INHERIT : 0;
    }
}

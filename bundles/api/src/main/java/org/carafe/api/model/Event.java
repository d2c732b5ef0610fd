package org.carafe.api.model;

/** An event object: manual- or auto-reset, signaled or not. Confined to the kernel loop. */
public final class Event extends KObject {
    private final boolean manualReset;
    private boolean signaled;

    public Event(Kernel kernel, boolean manualReset, boolean initialState) {
        super(kernel);
        this.manualReset = manualReset;
        this.signaled = initialState;
    }

    @Override
    public String typeName() {
        return "Event";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    @Override
    public boolean isSignaled(EmuThread waiter) {
        return signaled;
    }

    /** An auto-reset event lets one waiter through and resets. */
    @Override
    public void satisfied(EmuThread waiter) {
        if (!manualReset) {
            signaled = false;
        }
    }

    @Override
    public String dump() {
        return super.dump() + (manualReset ? " manual" : " auto") + (signaled ? " set" : "");
    }

    public boolean isManualReset() {
        return manualReset;
    }

    public boolean isSet() {
        return signaled;
    }

    public void set() {
        signaled = true;
        wakeUp();
    }

    public void reset() {
        signaled = false;
    }

    /** Wakes whoever waits now, then resets. */
    public void pulse() {
        set();
        reset();
    }
}

package org.carafe.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A server object: a type, a reference count, an optional name and the waiters blocked on it.
 * Subclasses are the object types; the overridable methods below are the type's operations, as
 * in wineserver's object_ops table. Confined to the kernel loop.
 */
public abstract class KObject {
    private final Kernel kernel;
    private int refs = 1;
    private int handleCount;
    private String name;
    private List<Waiter> waiters;

    protected KObject(Kernel kernel) {
        this.kernel = kernel;
        kernel.objectCreated(this);
    }

    /** Type name as shown to operators and in get_object_info ("Process", "Event", ...). */
    public abstract String typeName();

    /** Whether this object can be waited on at all (select refuses the others). */
    public boolean isWaitable() {
        return false;
    }

    /** Whether a wait by {@code waiter} on this object is satisfied now. */
    public boolean isSignaled(EmuThread waiter) {
        return false;
    }

    /** A wait by {@code waiter} ended because of this object (auto-reset events reset here). */
    public void satisfied(EmuThread waiter) {
    }

    /** Release what the object holds; called once when the last reference goes. */
    protected void destroy() {
    }

    /** One line describing the object's state, for operators. */
    public String dump() {
        return typeName() + (name != null ? " \"" + name + "\"" : "") + " refs=" + refs;
    }

    public final Kernel kernel() {
        return kernel;
    }

    public final String name() {
        return name;
    }

    /** Registers the object under a name (once); the name goes with the object. */
    public final void setName(String name) {
        this.name = name;
        kernel.registerName(name, this);
    }

    public final int refCount() {
        return refs;
    }

    /** How many handle table entries refer to the object. */
    public final int handleCount() {
        return handleCount;
    }

    final void handleAdded() {
        handleCount++;
    }

    final void handleRemoved() {
        handleCount--;
    }

    public final KObject grab() {
        assert refs > 0 : "grab of a destroyed " + typeName();
        refs++;
        return this;
    }

    public final void release() {
        assert refs > 0 : "release of a destroyed " + typeName();
        if (--refs > 0) {
            return;
        }

        destroy();
        if (name != null) {
            kernel.unregisterName(name, this);
        }
        kernel.objectDestroyed(this);
    }

    public final void addWaiter(Waiter waiter) {
        if (waiters == null) {
            waiters = new ArrayList<>(2);
        }
        waiters.add(waiter);
    }

    public final void removeWaiter(Waiter waiter) {
        if (waiters != null) {
            waiters.remove(waiter);
        }
    }

    /** Lets every waiter re-check; call after anything that may make the object signaled. */
    public final void wakeUp() {
        if (waiters == null || waiters.isEmpty()) {
            return;
        }
        for (Waiter waiter : List.copyOf(waiters)) {
            waiter.wake(this);
        }
    }
}

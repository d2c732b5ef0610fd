package org.carafe.api.model;

/** One slot of a handle table: the object, the granted access and the handle flags. */
public final class HandleEntry {
    private final KObject object;
    private int access;
    private int flags;

    HandleEntry(KObject object, int access, int flags) {
        this.object = object;
        this.access = access;
        this.flags = flags;
    }

    public KObject object() {
        return object;
    }

    public int access() {
        return access;
    }

    public int flags() {
        return flags;
    }

    public void setAccess(int access) {
        this.access = access;
    }

    /** HANDLE_FLAG_INHERIT and HANDLE_FLAG_PROTECT_FROM_CLOSE bits. */
    public void setFlags(int flags) {
        this.flags = flags;
    }
}

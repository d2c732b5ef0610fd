package org.carafe.api.model;

/**
 * The startup record new_process leaves for a child: creation and startup flags, std handles,
 * whether to inherit, the command, and an unguessable token the child presents in init_thread
 * to join it. Signaled once the child has picked it up in init_process (or died before).
 * Confined to the loop.
 */
public final class StartupInfo extends KObject {
    private final String token;
    private final EmuThread creator;
    private final boolean inheritAll;
    private final int createFlags;
    private final int startFlags;
    private final int[] stdHandles;
    private final String command;
    private EmuProcess process;
    private EmuThread thread;
    private boolean picked;
    private boolean abandoned;

    public StartupInfo(Kernel kernel, String token, EmuThread creator, boolean inheritAll,
            int createFlags, int startFlags, int[] stdHandles, String command) {
        super(kernel);
        this.token = token;
        this.creator = creator;
        this.inheritAll = inheritAll;
        this.createFlags = createFlags;
        this.startFlags = startFlags;
        this.stdHandles = stdHandles.clone();
        this.command = command;
        creator.grab();
    }

    @Override
    public String typeName() {
        return "StartupInfo";
    }

    @Override
    public boolean isWaitable() {
        return true;
    }

    @Override
    public boolean isSignaled(EmuThread waiter) {
        return picked || abandoned;
    }

    @Override
    protected void destroy() {
        kernel().forgetToken(token);
        creator.release();
        if (process != null) {
            process.release();
        }
        if (thread != null) {
            thread.release();
        }
    }

    public String token() {
        return token;
    }

    /** The thread whose new_process made the record. */
    public EmuThread creator() {
        return creator;
    }

    public boolean inheritAll() {
        return inheritAll;
    }

    public int createFlags() {
        return createFlags;
    }

    public int startFlags() {
        return startFlags;
    }

    /** stdin, stdout, stderr handle values as the creator gave them. */
    public int[] stdHandles() {
        return stdHandles.clone();
    }

    public String command() {
        return command;
    }

    /** The child process once it joined with init_thread, else null. */
    public EmuProcess process() {
        return process;
    }

    public EmuThread thread() {
        return thread;
    }

    public boolean isJoined() {
        return process != null;
    }

    /** Whether the child has called init_process. */
    public boolean isPicked() {
        return picked;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** The child's first thread presented the token. */
    public void join(EmuProcess child, EmuThread first) {
        process = (EmuProcess) child.grab();
        thread = (EmuThread) first.grab();
    }

    /** The child picked the record up in init_process: wakes the creator's wait_process. */
    public void markPicked() {
        picked = true;
        wakeUp();
    }

    /** The child ended before picking the record up. */
    public void markAbandoned() {
        abandoned = true;
        wakeUp();
    }
}

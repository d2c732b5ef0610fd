package org.carafe.api.model;

/**
 * What new_thread leaves for the connection that will become the new thread: the process it
 * joins, its creation flags and the token it must present in init_thread. Confined to the loop.
 */
public final class ThreadStart extends KObject {
    private final String token;
    private final EmuProcess process;
    private final int createFlags;

    public ThreadStart(Kernel kernel, String token, EmuProcess process, int createFlags) {
        super(kernel);
        this.token = token;
        this.process = process;
        this.createFlags = createFlags;
        process.grab();
    }

    @Override
    public String typeName() {
        return "ThreadStart";
    }

    @Override
    protected void destroy() {
        kernel().forgetToken(token);
        process.release();
    }

    public String token() {
        return token;
    }

    public EmuProcess process() {
        return process;
    }

    public int createFlags() {
        return createFlags;
    }
}

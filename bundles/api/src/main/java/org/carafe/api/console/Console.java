package org.carafe.api.console;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/**
 * A console: one {@link ConsoleInput}, one {@link ScreenBuffer} and the count of processes
 * attached to it. An attached process keeps the console in its attributes under {@link
 * #ATTRIBUTE}. The console holds one reference on each part until its last process detaches;
 * the parts are destroyed once that is done and no handle refers to them either. Confined to
 * the loop.
 */
public final class Console {
    /** Key of the console in {@link EmuProcess#attributes()}. */
    public static final String ATTRIBUTE = "carafe.console";

    private final ConsoleInput input;
    private final ScreenBuffer screen;
    private int attached;
    private boolean closed;

    /** A console with fresh parts and no process attached yet. */
    public Console(Kernel kernel) {
        input = new ConsoleInput(kernel);
        screen = new ScreenBuffer(kernel);
    }

    /** A new console with {@code process} attached; already attached: STATUS_ACCESS_DENIED. */
    public static Console allocate(EmuProcess process) {
        if (of(process) != null) {
            throw new StatusException(Status.ACCESS_DENIED);
        }
        Console console = new Console(process.kernel());
        console.attach(process);
        return console;
    }

    /** The console {@code process} is attached to, or null. */
    public static Console of(EmuProcess process) {
        Object value = process.attributes().get(ATTRIBUTE);
        return value instanceof Console ? (Console) value : null;
    }

    public ConsoleInput input() {
        return input;
    }

    public ScreenBuffer screen() {
        return screen;
    }

    /** How many processes are attached. */
    public int attached() {
        return attached;
    }

    /** Whether the last process has detached (the console takes no new ones then). */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Attaches {@code process}; one attached elsewhere already: STATUS_ACCESS_DENIED. A closed
     * console: STATUS_INVALID_HANDLE.
     */
    public void attach(EmuProcess process) {
        if (closed) {
            throw new StatusException(Status.INVALID_HANDLE);
        }
        if (of(process) != null) {
            throw new StatusException(Status.ACCESS_DENIED);
        }

        process.attributes().put(ATTRIBUTE, this);
        attached++;
    }

    /**
     * Detaches {@code process} if it is attached here; after the last one the console drops
     * its references on its parts. Returns whether it was attached.
     */
    public boolean detach(EmuProcess process) {
        if (!process.attributes().remove(ATTRIBUTE, this)) {
            return false;
        }

        if (--attached == 0) {
            closed = true;
            input.release();
            screen.release();
        }
        return true;
    }
}

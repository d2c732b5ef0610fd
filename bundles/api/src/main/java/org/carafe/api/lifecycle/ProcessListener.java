package org.carafe.api.lifecycle;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.EmuThread;
import org.carafe.api.model.Module;
import org.carafe.api.model.StartupInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about lifecycle events of emulated processes, on the server loop, in the order they
 * happen. Register an implementation as an OSGi service; every method has an empty default.
 * Listeners must not block: they run on the loop.
 */
@ConsumerType
public interface ProcessListener {
    /**
     * A process is initialising (init_process): {@code parent} and {@code info} are null for a
     * process that has no creator.
     */
    default void processInitializing(EmuProcess process, EmuProcess parent, StartupInfo info) {
    }

    /**
     * The process has finished initialising (init_process_done), before any suspension that
     * CREATE_SUSPENDED asks for. Since 1.1.
     */
    default void processInitDone(EmuProcess process) {
    }

    default void threadStarted(EmuThread thread) {
    }

    /** A thread ended; for the last thread of a process, {@link #processEnded} follows. */
    default void threadEnded(EmuThread thread) {
    }

    default void moduleLoaded(EmuProcess process, Module module) {
    }

    default void moduleUnloaded(EmuProcess process, Module module) {
    }

    default void processEnded(EmuProcess process) {
    }
}

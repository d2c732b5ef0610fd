package org.carafe.process.internal;

import org.carafe.api.lifecycle.ProcessListener;
import org.carafe.api.model.EmuProcess;
import org.osgi.service.component.annotations.Component;

/**
 * Releases what an ending process still holds for this bundle: its startup record if it never
 * called init_process, and the thread starts of new_thread no connection presented.
 */
@Component(name = "process_cleanup", service = ProcessListener.class)
public final class StartupCleanup implements ProcessListener {
    @Override
    public void processEnded(EmuProcess process) {
        ProcessState.dropStartupInfo(process);
        ProcessState.releasePendingStarts(process);
    }
}

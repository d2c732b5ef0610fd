package org.carafe.process.internal;

import org.carafe.api.model.EmuProcess;

/**
 * What this bundle keeps on an {@link EmuProcess}, in its attributes so that it outlives an
 * update of the bundle: the first thread and whether init_process ran. Loop only.
 */
final class ProcessState {
    private static final String FIRST_TID = "carafe.process.first_tid";
    private static final String INITIALIZED = "carafe.process.initialized";

    private ProcessState() {
    }

    static void setFirstThread(EmuProcess process, int tid) {
        process.attributes().put(FIRST_TID, tid);
    }

    static boolean isFirstThread(EmuProcess process, int tid) {
        return Integer.valueOf(tid).equals(process.attributes().get(FIRST_TID));
    }

    static boolean isInitialized(EmuProcess process) {
        return process.attributes().containsKey(INITIALIZED);
    }

    static void setInitialized(EmuProcess process) {
        process.attributes().put(INITIALIZED, Boolean.TRUE);
    }
}

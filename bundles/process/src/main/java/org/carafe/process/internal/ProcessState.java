package org.carafe.process.internal;

import java.util.ArrayList;
import java.util.List;

import org.carafe.api.model.EmuProcess;
import org.carafe.api.model.StartupInfo;
import org.carafe.api.model.ThreadStart;

/**
 * What this bundle keeps on an {@link EmuProcess}, in its attributes so that it outlives an
 * update of the bundle: the first thread, whether init_process ran, unused thread starts.
 * Also the rule for the startup record a child holds until it picks it up. Loop only.
 */
final class ProcessState {
    private static final String FIRST_TID = "carafe.process.first_tid";
    private static final String INITIALIZED = "carafe.process.initialized";
    private static final String PENDING_STARTS = "carafe.process.pending_thread_starts";

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

    /** Keeps the creation reference of a thread start until it is used or the process ends. */
    static void addPendingStart(EmuProcess process, ThreadStart start) {
        pendingStarts(process).add(start);
    }

    /** Forgets a pending thread start; the caller then owns its creation reference. */
    static boolean takePendingStart(EmuProcess process, ThreadStart start) {
        return pendingStarts(process).remove(start);
    }

    /** Releases every thread start of the process nobody used. */
    static void releasePendingStarts(EmuProcess process) {
        List<ThreadStart> pending = pendingStarts(process);
        List<ThreadStart> copy = List.copyOf(pending);
        pending.clear();

        copy.forEach(ThreadStart::release);
    }

    /** The child holds its startup record (one reference) from init_thread. */
    static void holdStartupInfo(EmuProcess child, StartupInfo info) {
        info.grab();
        child.setStartupInfo(info);
    }

    /** Drops the child's hold on its startup record, breaking the record-child cycle. */
    static void dropStartupInfo(EmuProcess child) {
        StartupInfo info = child.startupInfo();
        if (info == null) {
            return;
        }

        child.setStartupInfo(null);
        info.release();
    }

    @SuppressWarnings("unchecked")
    private static List<ThreadStart> pendingStarts(EmuProcess process) {
        return (List<ThreadStart>) process.attributes().computeIfAbsent(PENDING_STARTS,
                k -> new ArrayList<ThreadStart>());
    }
}

package org.carafe.shell.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.carafe.api.model.Kernel;

/** Runs a read of the kernel's state on its loop and hands back the result (Gogo's thread). */
final class OnLoop {
    private OnLoop() {
    }

    static <T> T call(Kernel kernel, Callable<T> read) {
        try {
            return kernel.loop().call(read);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A pid as typed: decimal or 0x hex. */
    static int pid(String text) {
        try {
            return Long.decode(text.trim()).intValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pid: " + text);
        }
    }
}

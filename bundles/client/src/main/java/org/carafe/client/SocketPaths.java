package org.carafe.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the server's socket is. The directory is {@code $CARAFE_SOCKET_DIR} if set, else the
 * system property {@code carafe.socket.dir}, else
 * {@code ${XDG_RUNTIME_DIR:-/tmp}/carafe-<uid>/<$CARAFE_INSTANCE or default>}; the socket is
 * the file {@code socket} in it. Stateless and thread-safe.
 */
public final class SocketPaths {
    /** File name of the socket inside its directory. */
    public static final String SOCKET_NAME = "socket";

    private SocketPaths() {
    }

    /** The socket path for this process's environment. */
    public static Path defaultSocket() {
        return defaultSocket(System.getenv(), System.getProperty("carafe.socket.dir"), uid());
    }

    /** The socket path for the given environment, property value (may be null) and uid. */
    public static Path defaultSocket(Map<String, String> env, String dirProperty, long uid) {
        String dir = env.get("CARAFE_SOCKET_DIR");
        if (isBlank(dir)) {
            dir = dirProperty;
        }
        if (isBlank(dir)) {
            String base = env.get("XDG_RUNTIME_DIR");
            if (isBlank(base)) {
                base = "/tmp";
            }
            String instance = env.get("CARAFE_INSTANCE");
            if (isBlank(instance)) {
                instance = "default";
            }
            return Path.of(base, "carafe-" + uid, instance, SOCKET_NAME);
        }
        return Path.of(dir, SOCKET_NAME);
    }

    /**
     * This process's effective uid, from the {@code Uid:} line of {@code /proc/self/status}
     * (else the {@code unix:uid} attribute of {@code /proc/self}).
     */
    public static long uid() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            Long uid = parseUid(lines);
            if (uid != null) {
                return uid;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the attribute
        }
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot tell this process's uid", e);
        }
    }

    /** The effective uid of a {@code /proc/<pid>/status} text, or null. */
    static Long parseUid(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("Uid:")) {
                String[] f = line.substring(4).trim().split("\\s+");
                return Long.parseLong(f.length > 1 ? f[1] : f[0]);
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

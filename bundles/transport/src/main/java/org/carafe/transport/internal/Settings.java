package org.carafe.transport.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The transport's configuration resolved against the environment: the socket directory with its
 * defaults, and the limits checked against their ranges. Immutable; built by the component on SCR's
 * threads.
 */
record Settings(Path socketDir, boolean persistent, int graceSeconds, int maxRequestBytes,
        int handlerWaitSeconds, int maxConnections, boolean trace) {

    static final String ENV_SOCKET_DIR = "CARAFE_SOCKET_DIR";
    static final String ENV_INSTANCE = "CARAFE_INSTANCE";
    /** Framework property the launcher sets to the directory it computed. */
    static final String PROP_SOCKET_DIR = "carafe.socket.dir";
    /** Framework property {@code ./carafe up} sets: keep running with no processes. */
    static final String PROP_PERSISTENT = "carafe.persistent";

    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_REQUEST_CEILING = 64 << 20;

    /**
     * Resolves {@code config}; {@code raw} holds the same properties as configured (strings
     * from a .cfg file), to tell a boolean that is not one. {@code lookup} reads a system
     * property, framework property or environment variable by name, null when unset. The
     * socket directory is, in order: {@code socket.dir}, CARAFE_SOCKET_DIR, the
     * {@code carafe.socket.dir} property, {@code ${XDG_RUNTIME_DIR:-/tmp}/carafe-<uid>/<instance>};
     * the instance is {@code instance}, CARAFE_INSTANCE, or {@code default}. {@code persistent}
     * unset falls back to the {@code carafe.persistent} property that {@code ./carafe up}
     * sets. A value out of range, not a number or not a boolean is refused with an
     * IllegalArgumentException naming the key.
     */
    static Settings resolve(TransportConfig config, Map<String, ?> raw,
            UnaryOperator<String> lookup, long uid) {
        String dir = usable(config.socket_dir());
        if (dir == null) {
            dir = usable(lookup.apply(ENV_SOCKET_DIR));
        }
        if (dir == null) {
            dir = usable(lookup.apply(PROP_SOCKET_DIR));
        }
        if (dir == null) {
            dir = defaultDir(instance(config, lookup), lookup, uid).toString();
        }

        Object persistent = raw.get("persistent");
        if (persistent == null || usable(persistent.toString()) == null) {
            persistent = lookup.apply(PROP_PERSISTENT);
        }
        return new Settings(Path.of(dir).toAbsolutePath().normalize(),
                persistent != null && bool("persistent", persistent),
                number("grace.seconds", config::grace_seconds, 0, Integer.MAX_VALUE),
                number("max.request.bytes", config::max_request_bytes, 64, MAX_REQUEST_CEILING),
                number("handler.wait.seconds", config::handler_wait_seconds, 0, 3600),
                number("max.connections", config::max_connections, 1, 1 << 20),
                raw.get("trace") != null ? bool("trace", raw.get("trace")) : config.trace());
    }

    /** Reads an integer setting, refusing one that is not a number or out of range. */
    private static int number(String key, IntSupplier value, int min, int max) {
        int n;
        try {
            n = value.getAsInt();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " is not a number (" + rootMessage(e)
                    + ")");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " = " + n + " is outside " + min + ".."
                    + max);
        }
        return n;
    }

    /** {@code true} or {@code false} (any case, as a string or a Boolean); else refused. */
    private static boolean bool(String key, Object value) {
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " = " + text + " is not true or false");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** These settings listening on {@code dir} (a move to another directory failed). */
    Settings withSocketDir(Path dir) {
        return new Settings(dir, persistent, graceSeconds, maxRequestBytes, handlerWaitSeconds,
                maxConnections, trace);
    }

    private static String instance(TransportConfig config, UnaryOperator<String> lookup) {
        String name = usable(config.instance());
        if (name == null) {
            name = usable(lookup.apply(ENV_INSTANCE));
        }
        if (name == null) {
            name = "default";
        }
        if (!INSTANCE.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name \"" + name
                    + "\" is not of [A-Za-z0-9._-]{1,64}");
        }
        return name;
    }

    private static Path defaultDir(String instance, UnaryOperator<String> lookup, long uid) {
        String base = usable(lookup.apply("XDG_RUNTIME_DIR"));
        return Path.of(base != null ? base : "/tmp", "carafe-" + uid, instance);
    }

    /** Null for unset values: empty, blank, or a FileInstall placeholder left unresolved. */
    private static String usable(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return null;
        }
        return value.trim();
    }
}

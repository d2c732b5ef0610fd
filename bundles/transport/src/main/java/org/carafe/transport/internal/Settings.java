package org.carafe.transport.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The transport's configuration resolved against the environment: the socket directory with its
 * defaults, and the limits clamped to sane ranges. Immutable; built by the component on SCR's
 * threads.
 */
record Settings(Path socketDir, boolean persistent, int graceSeconds, int maxRequestBytes,
        int handlerWaitSeconds, int maxConnections, boolean trace) {

    static final String ENV_SOCKET_DIR = "CARAFE_SOCKET_DIR";
    static final String ENV_INSTANCE = "CARAFE_INSTANCE";
    /** Framework property the launcher sets to the directory it computed. */
    static final String PROP_SOCKET_DIR = "carafe.socket.dir";

    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_REQUEST_CEILING = 64 << 20;

    /**
     * Resolves {@code config}. {@code lookup} reads a system property, framework property or
     * environment variable by name, null when unset. The socket directory is, in order:
     * {@code socket.dir}, CARAFE_SOCKET_DIR, the {@code carafe.socket.dir} property,
     * {@code ${XDG_RUNTIME_DIR:-/tmp}/carafe-<uid>/<instance>}; the instance is
     * {@code instance}, CARAFE_INSTANCE, or {@code default}.
     */
    static Settings resolve(TransportConfig config, UnaryOperator<String> lookup, long uid) {
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
        return new Settings(Path.of(dir).toAbsolutePath().normalize(), config.persistent(),
                Math.max(0, config.grace_seconds()),
                Math.min(Math.max(64, config.max_request_bytes()), MAX_REQUEST_CEILING),
                Math.max(0, config.handler_wait_seconds()), Math.max(1, config.max_connections()),
                config.trace());
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

package org.carafe.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The transport's configuration (PID {@code org.carafe.transport}), read by DS from ConfigAdmin.
 * Property names use dots: {@code socket.dir}, {@code grace.seconds}, ... {@link Settings}
 * resolves the values that depend on the environment.
 */
@ObjectClassDefinition(id = "org.carafe.transport", name = "Carafe transport",
        description = "Master socket, limits and tracing of the Carafe server.")
public @interface TransportConfig {
    @AttributeDefinition(name = "Socket directory", required = false,
            description = "Directory of the socket and lock file (mode 0700). Empty: "
                    + "$CARAFE_SOCKET_DIR, else ${XDG_RUNTIME_DIR:-/tmp}/carafe-<uid>/<instance>.")
    String socket_dir() default "";

    @AttributeDefinition(name = "Instance", required = false,
            description = "Instance name in the default socket directory. Empty: "
                    + "$CARAFE_INSTANCE, else \"default\".")
    String instance() default "";

    // a string, so that "not configured" stays visible: empty falls back to carafe.persistent
    @AttributeDefinition(name = "Persistent", required = false,
            description = "true: keep running after the last process has ended. Empty: the "
                    + "carafe.persistent property (./carafe up sets it), else false.")
    String persistent() default "";

    @AttributeDefinition(name = "Grace period (s)",
            description = "Seconds without processes before the server exits.")
    int grace_seconds() default 3;

    @AttributeDefinition(name = "Largest request (bytes)",
            description = "Largest request data size; a larger size field is a protocol fault.")
    int max_request_bytes() default 65536;

    @AttributeDefinition(name = "Handler wait (s)",
            description = "How long a request waits for a missing handler before it fails "
                    + "with STATUS_NOT_IMPLEMENTED.")
    int handler_wait_seconds() default 10;

    @AttributeDefinition(name = "Most connections",
            description = "Connections (emulated threads) open at once; beyond, new ones are "
                    + "closed at once.")
    int max_connections() default 16000;

    @AttributeDefinition(name = "Trace", description = "Log every request and reply at INFO.")
    boolean trace() default false;
}

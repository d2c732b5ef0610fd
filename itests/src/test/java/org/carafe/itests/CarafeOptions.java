package org.carafe.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.cm.ConfigurationAdminOptions.newConfiguration;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options shared by every integration test.
 *
 * <pre>
 * &#64;RunWith(PaxExam.class)
 * &#64;ExamReactorStrategy(PerClass.class)
 * public class SomethingIT {
 *     &#64;Configuration
 *     public Option[] config() {
 *         return CarafeOptions.server();
 *     }
 * }
 * </pre>
 *
 * <p>Bundles are installed by file URL from {@code itests/target/bundles} (filled by the build,
 * no versions in the names), so the tests always run the jars of the current reactor build.
 * Each call to {@link #server()} creates a fresh socket directory and hands it to the transport
 * through ConfigAdmin (PID {@value #TRANSPORT_PID}, property {@value #SOCKET_DIR}); it is also
 * exposed as the system property {@value #SOCKET_DIR_PROPERTY} so a test can find the socket.
 */
public final class CarafeOptions {

    /** ConfigAdmin PID of the transport. */
    public static final String TRANSPORT_PID = "org.carafe.transport";
    /** Transport property naming the socket directory. */
    public static final String SOCKET_DIR = "socket.dir";
    /** System property carrying the socket directory of the current container. */
    public static final String SOCKET_DIR_PROPERTY = "carafe.socket.dir";

    /** Symbolic names of the Carafe bundles of the full server, in start order. */
    public static final List<String> CARAFE_BUNDLES = List.of(
            "carafe-junixsocket", "carafe-api", "carafe-object", "carafe-transport",
            "carafe-process", "carafe-memory", "carafe-debugger", "carafe-client");

    /** The console bundle; not in {@link #CARAFE_BUNDLES}, whose tests expect no console. */
    public static final String CONSOLE_BUNDLE = "carafe-console";

    /** The Gogo commands; not in {@link #CARAFE_BUNDLES} (tests call them as services). */
    public static final String SHELL_BUNDLE = "carafe-shell";

    /** The example third-party bundle; tests install it at run time, by {@link #bundleFile}. */
    public static final String AUDIT_EXAMPLE_BUNDLE = "carafe-example-audit";

    private CarafeOptions() {
    }

    /** Options for the full server and the console bundle, with a fresh socket directory. */
    public static Option[] serverWithConsole() {
        return options(
                composite(server(newSocketDir())),
                newConfiguration("org.carafe.console").put("linger.seconds", "1").asOption(),
                carafeBundles(CONSOLE_BUNDLE));
    }

    /** Options for the full server with a fresh socket directory. */
    public static Option[] server() {
        return server(newSocketDir());
    }

    /** Options for the full server using the given socket directory. */
    public static Option[] server(Path socketDir) {
        return options(
                platform(),
                transportConfig(socketDir),
                carafeBundles(CARAFE_BUNDLES.toArray(String[]::new)));
    }

    /**
     * Framework, logging, DS, ConfigAdmin and JUnit: everything except the Carafe bundles.
     * Use with {@link #carafeBundles(String...)} to boot a partial server.
     */
    public static Option platform() {
        return composite(
                systemTimeout(30_000),
                frameworkProperty("org.osgi.framework.bsnversion").value("multiple"),
                // logging: SLF4J through pax-logging (pax.exam.logging=none in the build)
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                lib("pax-logging-api").startLevel(1),
                lib("pax-logging-log4j2").startLevel(1),
                logging(System.getProperty("carafe.itests.log.level", "INFO")),
                // Declarative Services and ConfigAdmin
                lib("org.osgi.util.function").startLevel(2),
                lib("org.osgi.util.promise").startLevel(2),
                lib("org.osgi.service.component").startLevel(2),
                lib("org.apache.felix.scr").startLevel(2),
                lib("org.apache.felix.configadmin").startLevel(2),
                junitBundles());
    }

    /**
     * Log4j 2 configuration of pax-logging (PID org.ops4j.pax.logging): everything at the given
     * level to the console, which the build redirects to target/failsafe-reports/*-output.txt.
     */
    public static Option logging(String level) {
        return newConfiguration("org.ops4j.pax.logging")
                .put("log4j2.rootLogger.level", level)
                .put("log4j2.rootLogger.appenderRef.console.ref", "console")
                .put("log4j2.appender.console.type", "Console")
                .put("log4j2.appender.console.name", "console")
                .put("log4j2.appender.console.layout.type", "PatternLayout")
                .put("log4j2.appender.console.layout.pattern",
                        "%d{HH:mm:ss.SSS} %-5level [%t] %c{1.} - %msg%n")
                .put("log4j2.logger.felix.name", "org.apache.felix")
                .put("log4j2.logger.felix.level", "WARN")
                .asOption();
    }

    /** ConfigAdmin configuration of the transport for the given socket directory. */
    public static Option transportConfig(Path socketDir) {
        return composite(
                systemProperty(SOCKET_DIR_PROPERTY).value(socketDir.toString()),
                newConfiguration(TRANSPORT_PID)
                        .put(SOCKET_DIR, socketDir.toString())
                        .put("persistent", "true")
                        .asOption());
    }

    /** The named Carafe bundles (symbolic name = artifactId), installed and started. */
    public static Option carafeBundles(String... names) {
        Option[] bundles = new Option[names.length];
        for (int i = 0; i < names.length; i++) {
            bundles[i] = lib(names[i]).startLevel(3);
        }
        return composite(bundles);
    }

    /** A fresh, private (0700) directory for the master socket. */
    public static Path newSocketDir() {
        try {
            Path base = Paths.get(System.getProperty("carafe.itests.tmp",
                    System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            // short names: a UNIX socket path is limited to 108 bytes
            Path dir = Files.createTempDirectory(base, "s");
            dir.toFile().setReadable(false, false);
            dir.toFile().setWritable(false, false);
            dir.toFile().setExecutable(false, false);
            dir.toFile().setReadable(true, true);
            dir.toFile().setWritable(true, true);
            dir.toFile().setExecutable(true, true);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar of bundle {@code name} in the build's bundle folder, for installing later. */
    public static File bundleFile(String name) {
        File dir = new File(System.getProperty("carafe.bundles.dir", "target/bundles"));
        return new File(dir, name + ".jar");
    }

    private static org.ops4j.pax.exam.options.UrlProvisionOption lib(String name) {
        File jar = bundleFile(name);
        if (!jar.isFile()) {
            throw new IllegalStateException("missing bundle " + jar
                    + " (run the itests through Maven: mvn verify)");
        }
        return bundle(jar.toURI().toString());
    }
}

package org.carafe.itests.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Updates a bundle in place the way an operator does (Bundle.update, then
 * FrameworkWiring.refreshBundles), from a copy of its jar whose Bundle-Version carries a new
 * qualifier, so that the server can report which version serves a request. Test thread only.
 */
final class BundleSwapper {
    private final BundleContext context;
    private final Path bundlesDir;
    private final Path workDir;

    BundleSwapper(BundleContext context, Path bundlesDir, Path workDir) {
        this.context = context;
        this.bundlesDir = bundlesDir;
        this.workDir = workDir;
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    /** The version the jar of round {@code round} gets: the build's, qualifier + "-rN". */
    static Version versionOf(Version built, int round) {
        String qualifier = built.getQualifier().isEmpty() ? "r" + round
                : built.getQualifier() + "-r" + round;
        return new Version(built.getMajor(), built.getMinor(), built.getMicro(), qualifier);
    }

    /** Writes the build's jar of {@code name} with Bundle-Version {@code version}. */
    Path versionedJar(String name, Version version) throws IOException {
        Path source = bundlesDir.resolve(name + ".jar");
        Path target = workDir.resolve(name + "-" + version + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name(Constants.BUNDLE_VERSION),
                    version.toString());
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                copyEntries(in, out);
            }
        }
        return target;
    }

    /** Bundle.update from {@code jar}, then a refresh of that bundle, waited for. */
    void updateAndRefresh(Bundle bundle, Path jar, long deadlineMillis)
            throws IOException, BundleException, InterruptedException {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.refreshBundles(List.of(bundle), event -> refreshed.countDown());
        if (!refreshed.await(deadlineMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("refresh of " + bundle.getSymbolicName()
                    + " did not finish in " + deadlineMillis + " ms");
        }
    }

    private static void copyEntries(JarInputStream in, JarOutputStream out)
            throws IOException {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
            out.putNextEntry(new JarEntry(entry.getName()));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}

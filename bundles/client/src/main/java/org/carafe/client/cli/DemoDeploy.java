package org.carafe.client.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The live-update step's view of the server's bundles: a jar is put into the deploy folder that
 * FileInstall watches, and the outcome is read from the framework's storage on disk (Felix keeps
 * one {@code bundleN} directory per installed bundle: {@code bundle.info} holds its location
 * and persistent state, and each update adds a {@code versionR.V} revision directory). No
 * request tells a client about bundles, so the disk is the witness.
 */
final class DemoDeploy {
    /** Felix's persistent state of a started bundle (Bundle.ACTIVE). */
    static final int ACTIVE = 32;
    /** Felix's persistent state of a bundle started with its activation policy. */
    static final int STARTING = 8;

    /** One installed bundle as the storage shows it. */
    record Installed(long id, String location, int state, Path dir, int revisions) {
    }

    private final Path deployDir;
    private final Path storage;
    private final Path staging;

    DemoDeploy(Path deployDir, Path storage, Path staging) {
        this.deployDir = deployDir;
        this.storage = storage;
        this.staging = staging;
    }

    Path deployDir() {
        return deployDir;
    }

    /**
     * Puts {@code jar} into the deploy folder as {@code name}, whole at once (copied next to
     * it first, then renamed), with a modification time later than any earlier copy's.
     */
    Path put(Path jar, String name) throws IOException {
        Path target = deployDir.resolve(name);
        Files.createDirectories(staging);
        Path tmp = staging.resolve(name + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        long now = System.currentTimeMillis();
        long before = Files.exists(target) ? Files.getLastModifiedTime(target).toMillis() : 0;
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(Math.max(now, before + 2000)));
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Whether a persistent state means started (ACTIVE, or STARTING: lazy activation). */
    static boolean started(int state) {
        return state == ACTIVE || state == STARTING;
    }

    /** The first bundle whose location contains {@code part}, or null. */
    Installed findByLocation(String part) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path dir : dirs) {
                Installed b = read(dir);
                if (b != null && b.location().contains(part)) {
                    return b;
                }
            }
        }
        return null;
    }

    /** Re-reads a bundle's directory; null once it is gone. */
    static Installed read(Path dir) throws IOException {
        Path info = dir.resolve("bundle.info");
        List<String> lines;
        try {
            lines = Files.readAllLines(info);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        if (lines.size() < 3) {
            return null;
        }
        int revisions = 0;
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir, "version*")) {
            for (Path v : versions) {
                revisions++;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        try {
            return new Installed(Long.parseLong(lines.get(0).trim()), lines.get(1).trim(),
                    Integer.parseInt(lines.get(2).trim()), dir, revisions);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The newest revision directory's name (versionR.V), or "". */
    static String newestRevision(Path dir) throws IOException {
        String best = "";
        long bestKey = -1;
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir, "version*")) {
            for (Path v : versions) {
                String[] rv = v.getFileName().toString().substring("version".length()).split("\\.");
                try {
                    long key = Long.parseLong(rv[0]) * 1_000_000 + Long.parseLong(rv[1]);
                    if (key > bestKey) {
                        bestKey = key;
                        best = v.getFileName().toString();
                    }
                } catch (RuntimeException e) {
                    // not a revision directory
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return "";
        }
        return best;
    }
}

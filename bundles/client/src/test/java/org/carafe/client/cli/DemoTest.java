package org.carafe.client.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import picocli.CommandLine;

public class DemoTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void paceIsOptional() {
        CommandLine cl = Main.commandLine(new Main());
        DemoCommand demo = (DemoCommand) cl.parseArgs("demo").subcommand().commandSpec()
                .userObject();
        assertEquals(0.0, demo.pace, 0);
        cl = Main.commandLine(new Main());
        demo = (DemoCommand) cl.parseArgs("demo", "--pace", "1.5").subcommand().commandSpec()
                .userObject();
        assertEquals(1.5, demo.pace, 0);
    }

    @Test
    public void readsFelixStorage() throws Exception {
        Path storage = tmp.newFolder("framework").toPath();
        Path b = storage.resolve("bundle15");
        Files.createDirectories(b.resolve("version0.0"));
        Files.writeString(b.resolve("bundle.info"), "15\nreference:file:/x/carafe-repo/org/"
                + "carafe/carafe-memory/0.1.0-SNAPSHOT/carafe-memory-0.1.0-SNAPSHOT.jar\n32\n6\n"
                + "1796324316570\n0\n");
        Files.createDirectories(storage.resolve("bundle3/version0.0"));
        Files.writeString(storage.resolve("bundle3/bundle.info"), "3\nfile:/y/other.jar\n32\n");
        DemoDeploy deploy = new DemoDeploy(tmp.newFolder("deploy").toPath(), storage,
                tmp.getRoot().toPath());
        DemoDeploy.Installed found = deploy.findByLocation("/carafe-memory/");
        assertEquals(15, found.id());
        assertTrue(DemoDeploy.started(found.state()));
        assertEquals("version0.0", DemoDeploy.newestRevision(b));
        Files.createDirectories(b.resolve("version0.1"));
        Files.createDirectories(b.resolve("version0.10"));
        assertEquals("version0.10", DemoDeploy.newestRevision(b));
        assertNull(DemoDeploy.read(storage.resolve("bundle99")));
        assertFalse(DemoDeploy.started(2));
    }

    @Test
    public void putReplacesWholeWithALaterTime() throws Exception {
        Path deployDir = tmp.newFolder("deploy").toPath();
        Path jar = tmp.newFile("a.jar").toPath();
        Files.writeString(jar, "one");
        DemoDeploy deploy = new DemoDeploy(deployDir, tmp.getRoot().toPath(),
                tmp.newFolder("staging").toPath());
        Path first = deploy.put(jar, "x.jar");
        long t1 = Files.getLastModifiedTime(first).toMillis();
        Files.writeString(jar, "two");
        Path second = deploy.put(jar, "x.jar");
        assertEquals("two", Files.readString(second));
        assertTrue(Files.getLastModifiedTime(second).toMillis() > t1);
        assertEquals(1, deployDir.toFile().list().length);
    }
}

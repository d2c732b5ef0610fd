package org.carafe.client.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.carafe.client.CarafeException;
import org.carafe.client.NoServerException;
import org.carafe.client.Status;
import org.junit.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

public class ArgumentsTest {

    private static Object sub(String... args) {
        CommandLine cl = Main.commandLine(new Main());
        ParseResult pr = cl.parseArgs(args);
        return pr.subcommand().commandSpec().userObject();
    }

    @Test
    public void runWithDoubleDash() {
        RunCommand run = (RunCommand) sub("run", "--suspended", "--", "sleep", "60");
        assertTrue(run.suspended);
        assertEquals(List.of("sleep", "60"), run.program);
    }

    @Test
    public void runStopsAtTheProgram() {
        RunCommand run = (RunCommand) sub("run", "sh", "-c", "exit 7");
        assertFalse(run.suspended);
        assertEquals(List.of("sh", "-c", "exit 7"), run.program);
        run = (RunCommand) sub("run", "--", "ls", "--suspended");
        assertFalse(run.suspended);
        assertEquals(List.of("ls", "--suspended"), run.program);
    }

    @Test
    public void runWrapsTheProgramInAShellThatStopsItself() {
        assertEquals(List.of("sh", "-c", "kill -STOP $$; exec \"$@\"", "carafe-run", "ls", "-l"),
                RunCommand.argv(List.of("ls", "-l")));
        assertEquals(137, RunCommand.exitStatus(137));
        assertEquals(7, RunCommand.exitStatus(7));
    }

    @Test
    public void killDefaultsToExitCodeOneAndTakesHex() {
        KillCommand k = (KillCommand) sub("kill", "0x2c");
        assertEquals(0x2c, k.pid);
        assertEquals(1, k.exitCode);
        k = (KillCommand) sub("kill", "44", "9");
        assertEquals(44, k.pid);
        assertEquals(9, k.exitCode);
        k = (KillCommand) sub("kill", "44", "0xC000013A");
        assertEquals(0xC000013A, k.exitCode);
    }

    @Test
    public void pidCommands() {
        assertEquals(32, ((SuspendCommand) sub("suspend", "32")).pid);
        assertEquals(0x20, ((ResumeCommand) sub("resume", "0x20")).pid);
        assertEquals(0x20, ((HandlesCommand) sub("handles", "0X20")).pid);
        assertEquals(48, ((ModulesCommand) sub("modules", "48")).pid);
        assertTrue(((PsCommand) sub("ps", "--json")).json);
        assertFalse(((PsCommand) sub("ps")).json);
    }

    @Test
    public void benchDefaults() {
        BenchCommand b = (BenchCommand) sub("bench");
        assertEquals(200000, b.requests);
        assertEquals(8, b.clients);
        assertEquals(5.0, b.seconds, 0);
        b = (BenchCommand) sub("bench", "--requests", "1000", "--clients", "2", "--seconds", "1");
        assertEquals(1000, b.requests);
        assertEquals(2, b.clients);
        assertEquals(1.0, b.seconds, 0);
    }

    @Test
    public void numbers() {
        assertEquals(12345, Numbers.parseU32("12345"));
        assertEquals(0xFFFFFFFF, Numbers.parseU32("0xffffffff"));
        assertEquals(-1, Numbers.parseU32("-1"));
        for (String bad : new String[] {"abc", "0x", "0x100000000", "4294967296", "1.5"}) {
            try {
                Numbers.parseU32(bad);
                fail(bad);
            } catch (TypeConversionException expected) {
                assertTrue(expected.getMessage().contains(bad));
            }
        }
    }

    @Test
    public void contextIsTheSubcommandAsTyped() {
        Main m = new Main();
        m.args = List.of("--socket", "/s", "kill", "12345");
        assertEquals("kill 12345", m.context());
        m.args = List.of("ps", "--json");
        assertEquals("ps --json", m.context());
    }

    @Test
    public void errorLines() {
        StringWriter sw = new StringWriter();
        PrintWriter err = new PrintWriter(sw);
        int rc = Main.report(new CarafeException(Status.INVALID_CID, "open_process"),
                "kill 12345", err);
        assertEquals(1, rc);
        rc = Main.report(new NoServerException(Path.of("/r/socket"), null), "ps", err);
        assertEquals(2, rc);
        err.flush();
        assertEquals("carafe: kill 12345: STATUS_INVALID_CID (0xC000000B)\n"
                + "carafe: no server at /r/socket (start one with ./carafe up)\n",
                sw.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    public void noServerEndToEnd() {
        CommandLine cl = Main.commandLine(new Main());
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        int rc = cl.execute("--socket", "/nonexistent-carafe/socket", "kill", "12345");
        assertEquals(2, rc);
        assertEquals("carafe: no server at /nonexistent-carafe/socket (start one with "
                + "./carafe up)", err.toString().trim());
        assertEquals("", out.toString());
    }

    @Test
    public void usageErrorsAreOneLine() {
        CommandLine cl = Main.commandLine(new Main());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("kill", "abc"));
        String text = err.toString().trim();
        assertTrue(text, text.startsWith("carafe: "));
        assertEquals(1, text.lines().count());
    }

    @Test
    public void badHexBytesAreAUsageErrorBeforeAnyConnection() {
        CommandLine cl = Main.commandLine(new Main());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("--socket", "/nonexistent-carafe/socket", "mem", "write", "32",
                "0x1000", "zz");
        assertEquals(1, rc);
        String text = err.toString().trim();
        assertTrue(text, text.startsWith("carafe: ") && text.contains("'zz' is not hex bytes"));
        assertEquals(text, 1, text.lines().count());

        ParseResult parsed = Main.commandLine(new Main()).parseArgs("mem", "write", "32",
                "0x1000", "c0 ff ee");
        MemWriteCommand write = (MemWriteCommand) parsed.subcommand().subcommand()
                .commandSpec().userObject();
        assertArrayEquals(new byte[] {(byte) 0xc0, (byte) 0xff, (byte) 0xee},
                write.bytes.value());
    }

    @Test
    public void benchSummaryAndPinning() {
        long[] t = new long[100];
        for (int i = 0; i < 100; i++) {
            t[i] = (i + 1) * 1000L;
        }
        BenchCommand.Phase1 p = BenchCommand.summarize(t, 1_000_000_000L);
        assertEquals(50_500, p.median(), 0.001);
        assertEquals(99_000, p.p99(), 0.001);
        assertEquals(50_500, p.mean(), 0.001);
        assertEquals(100, p.rate(), 0.001);
        assertTrue(BenchCommand.pinningLine("0").startsWith("pinned to CPU 0"));
        assertTrue(BenchCommand.pinningLine("0-1").contains("not pinned"));
        assertTrue(BenchCommand.pinningLine("0-1").contains("taskset -c 0 ./carafe bench"));
    }
}

package org.carafe.client.cli;

import static org.carafe.client.FakeServer.buf;
import static org.carafe.client.FakeServer.hello;
import static org.carafe.client.FakeServer.reply;
import static org.carafe.client.FakeServer.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.carafe.client.FakeServer;
import org.carafe.client.Protocol;
import org.carafe.client.RequestCodes;
import org.carafe.client.Status;
import org.junit.Test;

import picocli.CommandLine;

/** carafe run against a scripted server: the real program is spawned. */
public class RunCommandTest {

    /** Serves init_thread, init_process, init_process_done; returns the claimed Linux pid. */
    private static int startup(SocketChannel ch, String command) throws Exception {
        hello(ch, 1, 0, "");
        ByteBuffer init = request(ch);
        assertEquals(RequestCodes.INIT_THREAD, init.getInt());
        init.getInt();
        assertEquals(Protocol.KIND_OWNED, init.getInt());
        int linuxPid = init.getInt();
        assertEquals(0, init.getInt());
        byte[] cmd = new byte[init.getInt()];
        init.get(cmd);
        assertEquals(command, new String(cmd, StandardCharsets.UTF_8));
        reply(ch, 0, buf(12).putInt(0x20).putInt(0x24).putInt(1));
        assertEquals(RequestCodes.INIT_PROCESS, request(ch).getInt());
        reply(ch, 0, buf(28).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt(0));
        assertEquals(RequestCodes.INIT_PROCESS_DONE, request(ch).getInt());
        reply(ch, 0, buf(4).putInt(0));
        return linuxPid;
    }

    private static int run(FakeServer s, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine(new Main());
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--socket";
        all[1] = s.socket.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    public void exitsWithTheProgramsCodeAndReportsIt() throws Exception {
        AtomicInteger reported = new AtomicInteger(-1);
        AtomicInteger linuxPid = new AtomicInteger();
        try (FakeServer s = new FakeServer((srv, ch) -> {
            linuxPid.set(startup(ch, "sh -c exit 7"));
            ByteBuffer term = request(ch);
            assertEquals(RequestCodes.TERMINATE_THREAD, term.getInt());
            term.getInt();
            assertEquals(Protocol.CURRENT_THREAD, term.getInt());
            reported.set(term.getInt());
            reply(ch, 0, buf(8).putInt(1).putInt(1));
        })) {
            StringWriter err = new StringWriter();
            assertEquals(7, run(s, err, "run", "--", "sh", "-c", "exit 7"));
            s.join();
            assertEquals(7, reported.get());
            assertTrue(linuxPid.get() > 0);
            assertEquals("", err.toString());
        }
    }

    @Test
    public void theEndFrameGivesTheExitCode() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> {
            int pid = startup(ch, "sleep 30");
            new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
            reply(ch, Status.THREAD_IS_TERMINATING, buf(4).putInt(9));
        })) {
            assertEquals(9, run(s, new StringWriter(), "run", "sleep", "30"));
            s.join();
        }
    }

    @Test
    public void aVanishedServerKillsTheProgramWithOneWarning() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> startup(ch, "sh -c sleep 60; exit 3"))) {
            StringWriter err = new StringWriter();
            assertEquals(Main.EXIT_ERROR, run(s, err, "run", "sh", "-c", "sleep 60; exit 3"));
            s.join();
            assertTrue(err.toString(), err.toString().startsWith("carafe: warning: lost"));
            assertTrue(err.toString(), err.toString().contains("the program was killed"));
            assertEquals(1, err.toString().trim().lines().count());
        }
    }

    @Test
    public void aMissingProgramIsOneLine() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> hello(ch, 1, 0, ""))) {
            StringWriter err = new StringWriter();
            assertEquals(127, run(s, err, "run", "/nonexistent/program"));
            s.join();
            assertTrue(err.toString(), err.toString().startsWith("carafe: run /nonexistent"));
            assertEquals(1, err.toString().trim().lines().count());
        }
    }
}

package org.carafe.client;

import static org.carafe.client.FakeServer.buf;
import static org.carafe.client.FakeServer.hello;
import static org.carafe.client.FakeServer.reply;
import static org.carafe.client.FakeServer.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.Test;

public class CarafeConnectionTest {

    @Test
    public void helloThenTypedRequests() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            ByteBuffer init = request(ch);
            assertEquals(RequestCodes.INIT_THREAD, init.getInt());
            assertEquals(24, init.getInt());
            assertEquals(Protocol.KIND_EMBEDDED, init.getInt());
            reply(ch, 0, buf(12).putInt(0x20).putInt(0x24).putInt(1));
            ByteBuffer list = request(ch);
            assertEquals(RequestCodes.LIST_PROCESSES, list.getInt());
            byte[] cmd = "sleep 60".getBytes(StandardCharsets.UTF_8);
            reply(ch, 0, buf(4 + 28 + 4 + cmd.length).putInt(1).putInt(0x20).putInt(0)
                    .putInt(4242).putInt(1).putInt(0).putInt(259).putInt(cmd.length).put(cmd));
            request(ch); // next_module at the end
            reply(ch, Status.NO_MORE_ENTRIES, null);
            request(ch); // compare_objects
            reply(ch, Status.NOT_SAME_OBJECT, null);
            request(ch); // select
            reply(ch, Status.TIMEOUT, null);
            request(ch); // open_process
            reply(ch, Status.INVALID_CID, null);
        })) {
            try (EmulatedThread t = EmulatedThread.connect(s.socket)) {
                assertEquals(1, t.connection().serverVersion());
                InitThreadResult ids = t.initThread(Protocol.KIND_EMBEDDED, 0, "", "test cmd");
                assertEquals(new InitThreadResult(0x20, 0x24, true), ids);
                assertEquals(0x20, t.pid());
                List<ProcessEntry> ps = t.listProcesses();
                assertEquals(List.of(new ProcessEntry(0x20, 0, 4242, 1, 0, 259, "sleep 60")), ps);
                assertNull(t.nextModule(4, true));
                assertFalse(t.compareObjects(4, 8));
                SelectResult sel = t.select(0, 10, 4);
                assertTrue(sel.timedOut());
                assertEquals(-1, sel.index());
                try {
                    t.openProcess(99996, Rights.PROCESS_TERMINATE, false);
                    fail();
                } catch (CarafeException e) {
                    assertEquals(Status.INVALID_CID, e.status());
                    assertEquals("open_process", e.request());
                    assertEquals("STATUS_INVALID_CID (0xC000000B)", e.getMessage());
                }
            }
            s.join();
        }
    }

    @Test
    public void endFrameThrowsWithTheExitCode() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            request(ch);
            reply(ch, Status.THREAD_IS_TERMINATING, buf(4).putInt(9));
        })) {
            CarafeConnection c = CarafeConnection.connect(s.socket);
            try {
                c.call("get_process_info", new WireWriter().u32(-1));
                fail();
            } catch (ThreadTerminatedException e) {
                assertEquals(9, e.exitCode());
                assertEquals(Status.THREAD_IS_TERMINATING, e.status());
            }
            assertFalse(c.isOpen());
            assertEquals(9, c.terminatedExitCode());
            s.join();
        }
    }

    @Test
    public void endFrameSentBeforeTheRequestIsStillSeen() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            reply(ch, Status.THREAD_IS_TERMINATING, buf(4).putInt(7));
            ch.close();
        })) {
            CarafeConnection c = CarafeConnection.connect(s.socket);
            s.join();
            try {
                c.call(RequestCodes.GET_PROCESS_INFO, c.writer().u32(-1));
                fail();
            } catch (ThreadTerminatedException e) {
                assertEquals(7, e.exitCode());
            }
        }
    }

    @Test
    public void serverEndedSeesTheEndFrameAndLeavesItForTheNextCall() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            request(ch);
            reply(ch, Status.SUCCESS, buf(4).putInt(5));
            reply(ch, Status.THREAD_IS_TERMINATING, buf(4).putInt(3));
        })) {
            CarafeConnection c = CarafeConnection.connect(s.socket);
            assertEquals(5, c.call(RequestCodes.GET_PROCESS_INFO, c.writer().u32(-1)).data().u32());
            s.join();
            assertTrue(c.serverEnded());
            assertTrue("seen again", c.serverEnded());
            try {
                c.call(RequestCodes.GET_PROCESS_INFO, c.writer().u32(-1));
                fail();
            } catch (ThreadTerminatedException e) {
                assertEquals(3, e.exitCode());
            }
        }
    }

    @Test
    public void serverEndedIsFalseWhileTheServerIsQuietAndTrueAtEndOfStream() throws Exception {
        CountDownLatch checked = new CountDownLatch(1);
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            checked.await();
            ch.close();
        })) {
            CarafeConnection c = CarafeConnection.connect(s.socket);
            assertFalse(c.serverEnded());
            checked.countDown();
            s.join();
            assertTrue(c.serverEnded());
            try {
                c.call(RequestCodes.GET_PROCESS_INFO, c.writer().u32(-1));
                fail();
            } catch (ConnectionLostException e) {
                assertFalse(c.isOpen());
            }
        }
    }

    @Test
    public void versionMismatchCarriesTheServersMessage() throws Exception {
        String msg = "Carafe protocol version mismatch: client 1, server 2";
        try (FakeServer s = new FakeServer((srv, ch) ->
                hello(ch, 2, Status.REVISION_MISMATCH, msg))) {
            try {
                CarafeConnection.connect(s.socket);
                fail();
            } catch (VersionMismatchException e) {
                assertEquals(msg, e.getMessage());
                assertEquals(2, e.serverVersion());
            }
            s.join();
        }
    }

    @Test
    public void dynamicCodesAreResolvedOnce() throws Exception {
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            ByteBuffer q = request(ch);
            assertEquals(0, q.getInt());
            q.getInt();
            byte[] name = new byte[q.getInt()];
            q.get(name);
            assertEquals("my_request", new String(name, StandardCharsets.UTF_8));
            reply(ch, 0, buf(4).putInt(0x1000));
            for (int i = 0; i < 2; i++) {
                ByteBuffer r = request(ch);
                assertEquals(0x1000, r.getInt());
                reply(ch, 0, buf(4).putInt(i));
            }
        })) {
            try (CarafeConnection c = CarafeConnection.connect(s.socket)) {
                assertEquals(0, c.call("my_request", new WireWriter()).data().u32());
                Reply r = c.call("my_request", null);
                assertEquals(1, r.data().u32());
                assertEquals("my_request", r.request());
                assertEquals(0x1000, c.code("my_request"));
            }
            s.join();
        }
    }

    @Test
    public void largeRepliesGrowTheReceiveBuffer() throws Exception {
        int n = 5000;
        try (FakeServer s = new FakeServer((srv, ch) -> {
            hello(ch, 1, 0, "");
            request(ch);
            ByteBuffer data = buf(4 + n * 21).putInt(n);
            for (int i = 0; i < n; i++) {
                data.putInt(i * 4).putInt(0x1F0003).putInt(0).putInt(1).put((byte) 'e')
                        .putInt(0);
            }
            reply(ch, 0, data);
        })) {
            try (EmulatedThread t = EmulatedThread.connect(s.socket)) {
                List<HandleEntry> h = t.listHandles(0x20);
                assertEquals(n, h.size());
                assertEquals(new HandleEntry((n - 1) * 4, 0x1F0003, 0, "e", ""), h.get(n - 1));
            }
            s.join();
        }
    }

    @Test
    public void noServerIsReported() throws Exception {
        Path p = Path.of("/nonexistent-carafe-dir/socket");
        try {
            CarafeConnection.connect(p);
            fail();
        } catch (NoServerException e) {
            assertEquals(p, e.socket());
            assertEquals("no server at " + p, e.getMessage());
        }
    }
}

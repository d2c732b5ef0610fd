package org.carafe.client;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;

import org.junit.Test;

public class WireCodecTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    public void initThreadDataMatchesTheProtocolExample() {
        WireWriter w = new WireWriter().u32(0).u32(0).str("").str("ls");
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0x6c, 0x73),
                w.toArray());
        assertEquals(18, w.size());
    }

    @Test
    public void frameCarriesCodeAndSizeLittleEndian() {
        WireWriter w = new WireWriter().u32(0xFFFFFFFF);
        ByteBuffer f = w.frame(RequestCodes.GET_PROCESS_INFO);
        byte[] all = new byte[f.remaining()];
        f.get(all);
        assertArrayEquals(bytes(11, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff), all);
        w.restore(12);
        assertEquals(4, w.size());
        assertEquals(0, w.clear().size());
    }

    @Test
    public void roundTripOfEveryFieldType() {
        WireWriter w = new WireWriter().u32(0xC000000B).u64(-1L).u64(0x123456789abcdefL)
                .str("héllo ✓").bytes(new byte[] {1, 2, 3}).str(null);
        WireReader r = new WireReader(w.toArray());
        assertEquals(0xC000000B, r.u32());
        assertEquals(-1L, r.u64());
        assertEquals(0x123456789abcdefL, r.u64());
        assertEquals("héllo ✓", r.str());
        assertArrayEquals(new byte[] {1, 2, 3}, r.bytes());
        assertEquals("", r.str());
        assertEquals(0, r.remaining());
    }

    @Test
    public void writerGrowsAndKeepsWhatWasWritten() {
        WireWriter w = new WireWriter();
        for (int i = 0; i < 10_000; i++) {
            w.u32(i);
        }
        WireReader r = new WireReader(w.toArray());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, r.u32());
        }
    }

    @Test
    public void readerRejectsShortData() {
        try {
            new WireReader(bytes(1, 2, 3)).u32();
            fail();
        } catch (WireFormatException expected) {
            assertTrue(expected.getMessage().contains("u32"));
        }
        try {
            new WireReader(bytes(9, 0, 0, 0, 'a')).str();
            fail();
        } catch (WireFormatException expected) {
            assertTrue(expected.getMessage().contains("exceeds"));
        }
    }

    @Test
    public void readerOverByteBufferStartsAtItsPosition() {
        ByteBuffer b = ByteBuffer.wrap(bytes(9, 9, 5, 0, 0, 0));
        b.position(2);
        assertEquals(5, new WireReader(b).u32());
        assertEquals(2, b.position());
    }

    @Test
    public void statusNamesAndSeverity() {
        assertEquals("STATUS_INVALID_CID (0xC000000B)", Status.format(Status.INVALID_CID));
        assertEquals("0xC0001234", Status.format(0xC0001234));
        assertTrue(Status.isError(Status.ACCESS_DENIED));
        assertFalse(Status.isError(Status.TIMEOUT));
        assertFalse(Status.isError(Status.NO_MORE_ENTRIES));
        assertFalse(Status.isError(Status.OBJECT_NAME_EXISTS));
        assertEquals("STATUS_ACCESS_DENIED (0xC0000022)",
                new CarafeException(Status.ACCESS_DENIED, "open_process").getMessage());
        assertEquals("STATUS_NOT_SAME_OBJECT", Status.name(0xC00001AC));
    }

    @Test
    public void fixedRequestCodes() {
        assertEquals(0, RequestCodes.builtIn("get_request_code"));
        assertEquals(1, RequestCodes.builtIn("init_thread"));
        assertEquals(26, RequestCodes.builtIn("list_processes"));
        assertEquals(33, RequestCodes.builtIn("select"));
        assertEquals(36, RequestCodes.builtIn("event_op"));
        assertEquals(37, RequestCodes.builtIn("read_process_memory"));
        assertEquals(57, RequestCodes.builtIn("list_handlers"));
        assertEquals(-1, RequestCodes.builtIn("my_request"));
        assertEquals("dup_handle", RequestCodes.name(RequestCodes.DUP_HANDLE));
        String[] names = {"new_thread", "terminate_process", "open_thread", "set_thread_info",
            "resume_process", "wait_input_idle", "next_module", "close_handle",
            "get_object_info", "open_event"};
        int[] codes = {RequestCodes.NEW_THREAD, RequestCodes.TERMINATE_PROCESS,
            RequestCodes.OPEN_THREAD, RequestCodes.SET_THREAD_INFO, RequestCodes.RESUME_PROCESS,
            RequestCodes.WAIT_INPUT_IDLE, RequestCodes.NEXT_MODULE, RequestCodes.CLOSE_HANDLE,
            RequestCodes.GET_OBJECT_INFO, RequestCodes.OPEN_EVENT};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], codes[i], RequestCodes.builtIn(names[i]));
        }
    }
}

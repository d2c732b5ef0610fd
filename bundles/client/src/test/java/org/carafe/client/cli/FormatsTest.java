package org.carafe.client.cli;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.carafe.client.HandleEntry;
import org.carafe.client.ModuleEntry;
import org.carafe.client.ProcessEntry;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

public class FormatsTest {
    private static final List<ProcessEntry> ROWS = List.of(
            new ProcessEntry(0x20, 0, 4242, 1, ProcessEntry.RUNNING, 259, "sleep 60"),
            new ProcessEntry(0x28, 0x20, 4300, 2, ProcessEntry.SUSPENDED, 259, "sh -c x"),
            new ProcessEntry(0x30, 0, 0, 0, ProcessEntry.EXITED, 7, "carafe ps"));

    @Test
    public void psTable() {
        String expected = ""
                + "PID  PPID  LINUX_PID  THREADS  STATUS     EXIT_CODE  COMMAND\n"
                + "32   0     4242       1        running    -          sleep 60\n"
                + "40   32    4300       2        suspended  -          sh -c x\n"
                + "48   0     0          0        exited     7          carafe ps\n";
        assertEquals(expected, Formats.psTable(ROWS));
    }

    @Test
    public void psTableWithoutProcessesIsTheHeader() {
        assertEquals("PID  PPID  LINUX_PID  THREADS  STATUS  EXIT_CODE  COMMAND\n",
                Formats.psTable(List.of()));
    }

    @Test
    public void psJson() throws Exception {
        String json = Formats.psJson(ROWS);
        assertEquals("{\"pid\":32,\"ppid\":0,\"linuxPid\":4242,\"threads\":1,"
                + "\"status\":\"running\",\"exitCode\":259,\"command\":\"sleep 60\"}",
                json.substring(1, json.indexOf('}') + 1));
        List<?> parsed = new ObjectMapper().readValue(json, List.class);
        assertEquals(3, parsed.size());
        Map<?, ?> last = (Map<?, ?>) parsed.get(2);
        assertEquals("exited", last.get("status"));
        assertEquals(7, last.get("exitCode"));
        assertEquals("carafe ps", last.get("command"));
        assertEquals("[]", Formats.psJson(List.of()));
    }

    @Test
    public void psJsonNumbersAreUnsigned() throws Exception {
        String json = Formats.psJson(List.of(
                new ProcessEntry(0x20, 0, 1, 0, ProcessEntry.EXITED, 0xC000013A, "x")));
        Map<?, ?> row = (Map<?, ?>) new ObjectMapper().readValue(json, List.class).get(0);
        assertEquals(0xC000013AL, ((Number) row.get("exitCode")).longValue());
    }

    @Test
    public void handlesTable() {
        String expected = ""
                + "HANDLE  ACCESS      FLAGS            TYPE     DESCRIPTION\n"
                + "0x0004  0x001fffff  -                process  process 0x20\n"
                + "0x0008  0x00100000  inherit,protect  event\n";
        assertEquals(expected, Formats.handlesTable(List.of(
                new HandleEntry(4, 0x1FFFFF, 0, "process", "process 0x20"),
                new HandleEntry(8, 0x100000, 3, "event", ""))));
    }

    @Test
    public void modulesTable() {
        String expected = ""
                + "BASE                SIZE     NAME\n"
                + "0x00007f0000000000  0x10000  kernel32.dll\n";
        assertEquals(expected, Formats.modulesTable(List.of(
                new ModuleEntry(0x7f0000000000L, 0x10000, "kernel32.dll"))));
    }

    @Test
    public void flagWords() {
        assertEquals("-", Formats.flagWords(0));
        assertEquals("inherit", Formats.flagWords(1));
        assertEquals("protect", Formats.flagWords(2));
        assertEquals("inherit,0x8", Formats.flagWords(9));
    }
}

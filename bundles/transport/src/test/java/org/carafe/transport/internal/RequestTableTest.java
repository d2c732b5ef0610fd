package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.carafe.api.protocol.RequestCodes;
import org.junit.Test;

/** Request codes: fixed built-ins, stable dynamic codes, and a cap on names without handler. */
public class RequestTableTest {
    private final RequestTable table = new RequestTable();

    @Test
    public void builtInNamesKeepTheirFixedCodes() {
        assertEquals(RequestCodes.builtInCode("select"), table.code("select", false));
        assertEquals("select", table.name(RequestCodes.builtInCode("select")));
        assertNull(table.name(RequestCodes.FIRST_DYNAMIC_CODE));
    }

    @Test
    public void dynamicCodesAreStable() {
        int code = table.code("audit_thing", true);

        assertEquals(RequestCodes.FIRST_DYNAMIC_CODE, code);
        assertEquals(code, table.code("audit_thing", false));
        assertEquals("audit_thing", table.name(code));
    }

    @Test
    public void namesWithoutHandlerAreCappedButHandlersStillGetCodes() {
        for (int i = 0; i < RequestTable.MAX_SPECULATIVE; i++) {
            assertTrue(table.code("guess_" + i, false) > 0);
        }

        assertEquals(-1, table.code("one_guess_too_many", false));
        assertTrue(table.code("installed_later", true) > 0);
        table.handlerSeen("guess_0");
        assertTrue(table.code("now_there_is_room", false) > 0);
    }

    @Test
    public void aSuccessorGivesTheSameNamesTheSameCodes() {
        int first = table.code("audit_echo", true);
        int second = table.code("audit_other", false);

        RequestTable next = new RequestTable();
        next.adopt(table.dynamicNames());

        assertEquals(first, next.code("audit_echo", false));
        assertEquals(second, next.code("audit_other", false));
        assertEquals("audit_other", next.name(second));
        assertEquals(second + 1, next.code("audit_new", true));
    }
}

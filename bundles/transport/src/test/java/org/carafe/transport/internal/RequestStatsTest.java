package org.carafe.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.carafe.api.protocol.RequestCodes;
import org.carafe.transport.stats.RequestCounter;
import org.junit.Test;

/** Counts and percentiles of the per-request histograms. */
public class RequestStatsTest {
    private final RequestStats stats = new RequestStats();

    @Test
    public void bucketsAreContiguousAndBoundTheirValues() {
        for (long v = 0; v < 1 << 16; v++) {
            int b = RequestStats.bucket(v);
            assertTrue(v + " above its bucket", v <= RequestStats.upperBound(b));
            assertTrue(v + " below its bucket", b == 0 || v > RequestStats.upperBound(b - 1));
        }
    }

    @Test
    public void percentilesComeWithinAnEighthOfTheTrueValue() {
        int code = RequestCodes.builtInCode("get_process_info");
        for (int i = 1; i <= 1000; i++) {
            stats.record(code, i * 1000L);
        }

        RequestCounter c = stats.snapshot(n -> n == code ? "get_process_info" : null).get(0);
        assertEquals("get_process_info", c.request());
        assertEquals(1000, c.count());
        assertEquals(1_000_000, c.maxNanos());
        assertWithinAnEighth(500_000, c.p50Nanos());
        assertWithinAnEighth(990_000, c.p99Nanos());
    }

    @Test
    public void dynamicCodesAreCountedAndBusiestComeFirst() {
        int dynamic = RequestCodes.FIRST_DYNAMIC_CODE + 3;
        stats.record(dynamic, 10);
        stats.record(dynamic, 10);
        stats.record(1, 10);
        stats.record(-5, 10);

        List<RequestCounter> all = stats.snapshot(n -> n == dynamic ? "audit_echo" : null);
        assertEquals(2, all.size());
        assertEquals("audit_echo", all.get(0).request());
        assertEquals(2, all.get(0).count());
        assertEquals("code 1", all.get(1).request());
    }

    private static void assertWithinAnEighth(long expected, long actual) {
        assertTrue(actual + " is not within 12.5 % of " + expected,
                actual >= expected && actual <= expected + expected / 8);
    }
}

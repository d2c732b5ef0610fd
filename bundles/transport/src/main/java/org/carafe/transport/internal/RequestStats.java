package org.carafe.transport.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import org.carafe.api.protocol.RequestCodes;
import org.carafe.transport.stats.RequestCounter;

/**
 * Reply counts and latency histograms by request code: one {@code long[]} per code, made on the
 * code's first reply, holding the count, the largest latency and buckets of eight steps per
 * power of two. Confined to the loop; recording is an array index and three increments.
 */
final class RequestStats {
    private static final int COUNT = 0;
    private static final int MAX = 1;
    private static final int FIRST_BUCKET = 2;
    /** Latencies are clamped below 2^41 ns (about 36 minutes). */
    private static final int TOP_EXPONENT = 40;
    private static final int BUCKETS = bucket((1L << (TOP_EXPONENT + 1)) - 1) + 1;

    private final int builtIn = RequestCodes.BUILT_IN.size();
    private long[][] byIndex = new long[builtIn + 16][];

    /** Counts one reply to {@code code} that took {@code nanos}. */
    void record(int code, long nanos) {
        int index = index(code);
        if (index < 0) {
            return;
        }
        if (index >= byIndex.length) {
            byIndex = Arrays.copyOf(byIndex, Math.max(index + 1, byIndex.length * 2));
        }
        long[] h = byIndex[index];
        if (h == null) {
            h = byIndex[index] = new long[FIRST_BUCKET + BUCKETS];
        }

        long v = Math.min(Math.max(nanos, 0), (1L << (TOP_EXPONENT + 1)) - 1);
        h[COUNT]++;
        if (v > h[MAX]) {
            h[MAX] = v;
        }
        h[FIRST_BUCKET + bucket(v)]++;
    }

    /** The counters of every code replied to, busiest first; {@code names} names a code. */
    List<RequestCounter> snapshot(IntFunction<String> names) {
        List<RequestCounter> out = new ArrayList<>();
        for (int index = 0; index < byIndex.length; index++) {
            long[] h = byIndex[index];
            if (h == null) {
                continue;
            }
            int code = index < builtIn ? index : RequestCodes.FIRST_DYNAMIC_CODE + index - builtIn;
            String name = names.apply(code);
            out.add(new RequestCounter(name != null ? name : "code " + code, code, h[COUNT],
                    percentile(h, 0.50), percentile(h, 0.99), h[MAX]));
        }
        out.sort(Comparator.comparingLong(RequestCounter::count).reversed()
                .thenComparing(RequestCounter::request));
        return out;
    }

    private int index(int code) {
        if (code >= 0 && code < builtIn) {
            return code;
        }
        int dynamic = code - RequestCodes.FIRST_DYNAMIC_CODE;
        return dynamic >= 0 && dynamic < RequestTable.MAX_DYNAMIC ? builtIn + dynamic : -1;
    }

    /** The upper bound of the bucket holding the {@code q} quantile, at most the maximum. */
    private static long percentile(long[] h, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * h[COUNT]));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += h[FIRST_BUCKET + b];
            if (seen >= rank) {
                return Math.min(upperBound(b), h[MAX]);
            }
        }
        return h[MAX];
    }

    /** Values below 8 have a bucket each; above, eight buckets per power of two. */
    static int bucket(long v) {
        if (v < 8) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v);
        return (e - 2) * 8 + (int) ((v >>> (e - 3)) & 7);
    }

    /** The largest value that falls into bucket {@code b}. */
    static long upperBound(int b) {
        if (b < 8) {
            return b;
        }
        int e = b / 8 + 2;
        long step = 1L << (e - 3);
        return ((8L + b % 8) << (e - 3)) + step - 1;
    }
}

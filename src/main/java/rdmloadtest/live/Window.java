package rdmloadtest.live;

import org.HdrHistogram.IntCountsHistogram;

/**
 * One SLO group's last seconds, a bucket per second of the time requests were sent: how many were sent, how many
 * answered, how many answers were server errors (5xx, 429), and the answers' response times.
 */
final class Window {
    private static final long MAX_MS = 3_600_000L;

    private final Bucket[] ring;

    Window(int seconds) {
        ring = new Bucket[seconds];
        for (int i = 0; i < seconds; i++) ring[i] = new Bucket();
    }

    int seconds() {
        return ring.length;
    }

    synchronized void sent(long second) {
        bucket(second).sent++;
    }

    synchronized void answered(long sentSecond, long ms, boolean serverError) {
        Bucket b = bucket(sentSecond);
        b.answered++;
        if (serverError) b.serverErrors++;
        b.latencies.recordValue(Math.max(0, Math.min(MAX_MS, ms)));
    }

    /** The requests sent in the seconds {@code from..to} (inclusive); seconds older than the ring are not counted. */
    synchronized Tally over(long from, long to) {
        Tally t = new Tally();
        for (long s = from; s <= to; s++) {
            Bucket b = ring[(int) Math.floorMod(s, (long) ring.length)];
            if (b.second != s) continue;
            t.sent += b.sent;
            t.answered += b.answered;
            t.serverErrors += b.serverErrors;
            t.latencies.add(b.latencies);
        }
        return t;
    }

    private Bucket bucket(long second) {
        Bucket b = ring[(int) Math.floorMod(second, (long) ring.length)];
        if (b.second != second) b.reset(second);
        return b;
    }

    /** Sums over some seconds. */
    static final class Tally {
        long sent;
        long answered;
        long serverErrors;
        final IntCountsHistogram latencies = new IntCountsHistogram(MAX_MS, 2);

        void add(Tally o) {
            sent += o.sent;
            answered += o.answered;
            serverErrors += o.serverErrors;
            latencies.add(o.latencies);
        }

        /** Requests that failed: server errors, and those sent but never answered (when the window is old enough). */
        long failed() {
            return serverErrors + Math.max(0, sent - answered);
        }

        double p95() {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(95);
        }
    }

    private static final class Bucket {
        long second = Long.MIN_VALUE;
        long sent;
        long answered;
        long serverErrors;
        final IntCountsHistogram latencies = new IntCountsHistogram(MAX_MS, 2);

        void reset(long s) {
            second = s;
            sent = 0;
            answered = 0;
            serverErrors = 0;
            latencies.reset();
        }
    }
}

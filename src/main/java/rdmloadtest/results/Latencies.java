package rdmloadtest.results;

import org.HdrHistogram.Histogram;

/**
 * Response times of a set of requests, and their percentiles: the one implementation behind summary.json, the gate,
 * capacity.json and the merge. An HdrHistogram with 3 significant digits holds every value up to 2 047 ms exactly and
 * larger ones within 0.1 %; it is deterministic and merges exactly across injectors. Min and max are kept exact
 * beside it, as Gatling's own report gives them, even for responses over 2 047 ms.
 */
public final class Latencies {
    private static final long HIGHEST_MS = 3_600_000;
    private final Histogram histogram = new Histogram(HIGHEST_MS, 3);
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public void add(int ms) {
        long v = Math.min(Math.max(0, ms), HIGHEST_MS);
        histogram.recordValue(v);
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    public void addAll(Latencies other) {
        histogram.add(other.histogram);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The smallest recorded value v such that {@code pct} % of the values are ≤ v (0 when empty). */
    public int percentile(double pct) {
        return count() == 0 ? 0 : (int) histogram.getValueAtPercentile(pct);
    }

    public int min() {
        return count() == 0 ? 0 : (int) min;
    }

    public int max() {
        return count() == 0 ? 0 : (int) max;
    }

    public int mean() {
        return count() == 0 ? 0 : (int) Math.round(histogram.getMean());
    }
}

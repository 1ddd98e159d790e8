package rdmloadtest.results;

import org.HdrHistogram.Histogram;

/**
 * Response times of a set of requests, and their percentiles: the one implementation behind summary.json, the gate,
 * capacity.json and the merge. An HdrHistogram with 3 significant digits holds every value up to 2 047 ms exactly and
 * larger ones within 0.1 %; it is deterministic and merges exactly across injectors.
 */
public final class Latencies {
    private static final long HIGHEST_MS = 3_600_000;
    private final Histogram histogram = new Histogram(HIGHEST_MS, 3);

    public void add(int ms) {
        histogram.recordValue(Math.min(Math.max(0, ms), HIGHEST_MS));
    }

    public void addAll(Latencies other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The smallest recorded value v such that {@code pct} % of the values are ≤ v (0 when empty). */
    public int percentile(double pct) {
        return count() == 0 ? 0 : (int) histogram.getValueAtPercentile(pct);
    }

    public int min() {
        return count() == 0 ? 0 : (int) histogram.getMinValue();
    }

    public int max() {
        return count() == 0 ? 0 : (int) histogram.getMaxValue();
    }

    public int mean() {
        return count() == 0 ? 0 : (int) Math.round(histogram.getMean());
    }
}

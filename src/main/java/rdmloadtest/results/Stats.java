package rdmloadtest.results;

import java.util.List;

/**
 * Counts and response-time figures of a set of responses. Percentiles, min, max and mean come from Gatling's
 * own digest (the one behind its HTML report and assertions), so they equal the report's numbers.
 * {@code rps} is count over the period's whole seconds, as Gatling's "mean throughput (rps)".
 */
public record Stats(
        long count,
        long ok,
        long ko,
        double errorRatePct,
        double rps,
        int min,
        int mean,
        int p50,
        int p75,
        int p90,
        int p95,
        int p99,
        int p999,
        int max,
        List<Second> perSecond) {

    /** One second of the run, counted by request start, from the run's first start. */
    public record Second(int t, int ok, int ko, int meanMs, int maxMs) {}

    public static Stats empty(List<Second> perSecond) {
        return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, perSecond);
    }
}

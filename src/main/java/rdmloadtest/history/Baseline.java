package rdmloadtest.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a group normally does, and how much it normally varies: the median of each figure over the last good
 * comparable runs, with a noise margin from their own spread (3 scaled median absolute deviations, never below a
 * floor), so a baseline neither creeps with every passing run nor flags the noise the runs themselves show. With one
 * run (a pinned file) there is no spread: the margin is the configured tolerance.
 */
public final class Baseline {
    /** Scales a median absolute deviation to a standard deviation for normally distributed figures. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private static final double SIGMAS = 3;
    private static final double THROUGHPUT_FLOOR_PCT = 1;

    /** One group's judged-window figures in one run. */
    public record GroupFigures(
            String group,
            long count,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double throughputRps,
            double errorRatePct) {}

    /**
     * Margins used when the baseline is one run (a pinned file), and floors under the margins measured from several.
     *
     * @param latencyPct one run: a p95/p99 increase up to this percentage is noise
     * @param latencyMinMs an increase smaller than this is noise, whatever the percentage or the spread
     * @param throughputPct one run: a throughput drop up to this percentage is noise
     * @param errorRatePts an error-rate increase up to this many percentage points is noise
     */
    public record Tolerances(double latencyPct, double latencyMinMs, double throughputPct, double errorRatePts) {}

    /** A figure's normal value and how far from it still counts as noise. */
    /** @param count the median number of responses the figure was measured over */
    public record Norm(double median, double margin, double count) {}

    /**
     * Fewest responses for a percentile to be judged: p95 of 60 responses rests on its 3 highest, p99 of 300 on its 3
     * highest; of fewer it is nearly the maximum, which one slow response moves (measured: a download p99 over about
     * 150 responses went from 162 to 186 ms between identical runs of the trends example).
     */
    static final double MIN_RESPONSES_P95 = 60;

    static final double MIN_RESPONSES_P99 = 300;

    /** The comparison of one figure of one group. */
    public record Finding(
            String group,
            String figure,
            double baseline,
            double current,
            double margin,
            boolean regressed,
            String message) {}

    private enum Figure {
        P95("p95", "ms", true, GroupFigures::p95Ms),
        P99("p99", "ms", true, GroupFigures::p99Ms),
        THROUGHPUT("throughput", "req/s", false, GroupFigures::throughputRps),
        ERROR_RATE("error rate", "%", true, GroupFigures::errorRatePct);

        final String label;
        final String unit;
        final boolean higherIsWorse;
        final ToDoubleFunction<GroupFigures> value;

        Figure(String label, String unit, boolean higherIsWorse, ToDoubleFunction<GroupFigures> value) {
            this.label = label;
            this.unit = unit;
            this.higherIsWorse = higherIsWorse;
            this.value = value;
        }
    }

    private final int runs;
    private final String source;
    private final Map<String, Map<Figure, Norm>> norms;

    private Baseline(int runs, String source, Map<String, Map<Figure, Norm>> norms) {
        this.runs = runs;
        this.source = source;
        this.norms = norms;
    }

    /**
     * @param runs each run's groups (a group missing from a run, or with no requests, does not count for it)
     * @param source what the runs are, for messages ("the median of the last 5 good runs", a file name)
     */
    public static Baseline of(List<Map<String, GroupFigures>> runs, String source, Tolerances tol) {
        Map<String, Map<Figure, Norm>> norms = new LinkedHashMap<>();
        List<String> groups =
                runs.stream().flatMap(r -> r.keySet().stream()).distinct().toList();
        for (String g : groups) {
            List<GroupFigures> seen = runs.stream()
                    .map(r -> r.get(g))
                    .filter(f -> f != null && f.count() > 0)
                    .toList();
            if (seen.isEmpty()) continue;
            Map<Figure, Norm> byFigure = new LinkedHashMap<>();
            for (Figure f : Figure.values()) {
                double[] values = seen.stream().mapToDouble(f.value).toArray();
                double median = median(values);
                double count =
                        median(seen.stream().mapToDouble(GroupFigures::count).toArray());
                double spread = values.length < 2 ? 0 : SIGMAS * MAD_TO_SIGMA * mad(values, median);
                byFigure.put(
                        f,
                        new Norm(
                                median,
                                values.length < 2
                                        ? single(f, median, tol)
                                        : Math.max(spread, floor(f, median, count, tol)),
                                count));
            }
            norms.put(g, byFigure);
        }
        return new Baseline(runs.size(), source, norms);
    }

    public int runs() {
        return runs;
    }

    public String source() {
        return source;
    }

    /** The normal value of a figure of a group, if the baseline has the group. */
    public Map<String, Map<String, Norm>> norms() {
        Map<String, Map<String, Norm>> out = new LinkedHashMap<>();
        norms.forEach((g, m) -> {
            Map<String, Norm> byLabel = new LinkedHashMap<>();
            m.forEach((f, n) -> byLabel.put(f.label, n));
            out.put(g, byLabel);
        });
        return out;
    }

    /** Every figure of every group present in both, judged against its norm. */
    public List<Finding> compare(Map<String, GroupFigures> current) {
        List<Finding> out = new ArrayList<>();
        current.forEach((g, now) -> {
            Map<Figure, Norm> norm = norms.get(g);
            if (norm == null || now.count() == 0) return;
            for (Figure f : Figure.values()) {
                Norm n = norm.get(f);
                double v = f.value.applyAsDouble(now);
                double fewest = Math.min(n.count(), now.count());
                double needed = f == Figure.P95 ? MIN_RESPONSES_P95 : f == Figure.P99 ? MIN_RESPONSES_P99 : 0;
                if (fewest < needed) {
                    out.add(new Finding(
                            g,
                            f.label,
                            n.median(),
                            v,
                            Double.NaN,
                            false,
                            String.format(
                                    Locale.ROOT,
                                    "not judged: %s %s over %d responses (fewer than %d) is noise",
                                    g,
                                    f.label,
                                    (long) fewest,
                                    (long) needed)));
                    continue;
                }
                double worse = f.higherIsWorse ? v - n.median() : n.median() - v;
                boolean regressed = worse > n.margin();
                out.add(new Finding(
                        g,
                        f.label,
                        n.median(),
                        v,
                        n.margin(),
                        regressed,
                        String.format(
                                Locale.ROOT,
                                "%s%s %s = %s %s vs %s %s (%s), noise margin %s %s",
                                regressed ? "REGRESSION: " : "no regression: ",
                                g,
                                f.label,
                                num(v),
                                f.unit,
                                num(n.median()),
                                f.unit,
                                source,
                                num(n.margin()),
                                f.unit)));
            }
        });
        return out;
    }

    /** The margin when the baseline is one run: the configured tolerance. */
    private static double single(Figure f, double median, Tolerances tol) {
        return switch (f) {
            case P95, P99 -> Math.max(tol.latencyMinMs(), median * tol.latencyPct() / 100);
            case THROUGHPUT -> median * tol.throughputPct() / 100;
            case ERROR_RATE -> tol.errorRatePts();
        };
    }

    /**
     * Under a margin measured from several runs: identical runs still differ by a millisecond or a request, and a
     * throughput of N responses varies by about sqrt(N) of them (Poisson) however alike the runs are.
     */
    private static double floor(Figure f, double median, double count, Tolerances tol) {
        return switch (f) {
            case P95, P99 -> tol.latencyMinMs();
            case THROUGHPUT ->
                Math.max(median * THROUGHPUT_FLOOR_PCT / 100, count > 0 ? SIGMAS * median / Math.sqrt(count) : 0);
            case ERROR_RATE -> tol.errorRatePts();
        };
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double mad(double[] values, double median) {
        return median(Arrays.stream(values).map(x -> Math.abs(x - median)).toArray());
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}

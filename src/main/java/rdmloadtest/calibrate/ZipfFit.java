package rdmloadtest.calibrate;

import java.util.Arrays;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Zipf exponent of record popularity, P(rank r) proportional to 1/r^s as the toolkit's record feeder draws it,
 * fitted by maximum likelihood to the views of the records seen at least {@link #MIN_VIEWS} times (the well-ranked
 * head: ranks among records seen once or twice are mostly noise).
 */
final class ZipfFit {
    static final int MIN_VIEWS = 10;

    /** The exponent, and over how many records and views it was fitted. */
    record Result(double exponent, int records, long views) {}

    private ZipfFit() {}

    /** @param counts views per record, in any order */
    static Result fit(long[] counts) {
        return fit(counts, MIN_VIEWS);
    }

    /**
     * @param minViews the views a record needs to be fitted: the head the fit sees, and so the exponent it finds,
     *     grow with the views counted
     */
    static Result fit(long[] counts, int minViews) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (long c : sorted) if (c >= minViews) n++;
        if (n < 5) return new Result(Double.NaN, n, 0);
        long[] head = new long[n];
        for (int i = 0; i < n; i++) head[i] = sorted[sorted.length - 1 - i];
        long views = 0;
        double sumLogRank = 0;
        for (int r = 1; r <= n; r++) {
            views += head[r - 1];
            sumLogRank += head[r - 1] * Math.log(r);
        }
        final int ranks = n;
        final long total = views;
        final double weighted = sumLogRank;
        // Log-likelihood of the views under Zipf(s) on ranks 1..n: -s * sum(n_r ln r) - N ln H(n, s).
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(s -> {
            double h = 0;
            for (int r = 1; r <= ranks; r++) h += Math.pow(r, -s);
            return -s * weighted - total * Math.log(h);
        });
        double s = new BrentOptimizer(1e-9, 1e-12)
                .optimize(new MaxEval(500), f, GoalType.MAXIMIZE, new SearchInterval(0.01, 5.0))
                .getPoint();
        return new Result(s, n, views);
    }
}

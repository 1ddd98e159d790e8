package rdmloadtest.datagen;

/**
 * A distribution given by its percentiles (a {@link ShapeSummary.Quantity}): min at 0, each percentile at its
 * fraction, max at 1, interpolated in log(1 + x) between them, so a heavy tail keeps its shape between the knots and
 * a draw reproduces every percentile of the summary up to sampling noise.
 */
final class Percentiles {

    private final double[] at;
    private final double[] logValue;

    Percentiles(ShapeSummary.Quantity q) {
        int n = ShapeSummary.PERCENTILES.size();
        at = new double[n + 2];
        logValue = new double[n + 2];
        at[0] = 0;
        logValue[0] = Math.log1p(q.min());
        for (int i = 0; i < n; i++) {
            at[i + 1] = ShapeSummary.PERCENTILES.get(i).getValue();
            logValue[i + 1] = Math.log1p(q.percentiles()[i]);
        }
        at[n + 1] = 1;
        logValue[n + 1] = Math.log1p(q.max());
    }

    /** The value at fraction u in [0, 1]. */
    double quantile(double u) {
        int i = 1;
        while (i < at.length - 1 && at[i] < u) i++;
        double span = at[i] - at[i - 1];
        double t = span <= 0 ? 1 : (u - at[i - 1]) / span;
        return Math.expm1(logValue[i - 1] + t * (logValue[i] - logValue[i - 1]));
    }

    /** The fraction of values at or below x: the inverse of {@link #quantile}, for truncating at a cap. */
    double cdf(double x) {
        double lx = Math.log1p(Math.max(0, x));
        if (lx >= logValue[logValue.length - 1]) return 1;
        if (lx < logValue[0]) return 0;
        int i = 1;
        while (logValue[i] <= lx) i++;
        double rise = logValue[i] - logValue[i - 1];
        return at[i - 1] + (at[i] - at[i - 1]) * (lx - logValue[i - 1]) / rise;
    }
}

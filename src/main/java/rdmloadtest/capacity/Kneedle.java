package rdmloadtest.capacity;

import java.util.Optional;

/**
 * The knee of a latency curve by Kneedle (Satopää et al., 2011, "Finding a 'Kneedle' in a Haystack"): both axes
 * are scaled to [0, 1] and, for a convex increasing curve such as latency against load, the knee is the point
 * farthest below the diagonal (the largest x - y). A curve whose latency barely rises has no knee.
 */
public final class Kneedle {
    /** Latency must rise by at least this factor from its lowest to its highest point for a knee to exist. */
    static final double MIN_RISE = 1.5;

    private Kneedle() {}

    /** @param x load, increasing; @param y latency at each load. @return the index of the knee */
    public static Optional<Integer> knee(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) return Optional.empty();
        double xmin = x[0], xmax = x[n - 1], ymin = Double.MAX_VALUE, ymax = -Double.MAX_VALUE;
        for (double v : y) {
            ymin = Math.min(ymin, v);
            ymax = Math.max(ymax, v);
        }
        if (xmax <= xmin || ymax < MIN_RISE * Math.max(ymin, 1e-9)) return Optional.empty();
        int best = -1;
        double bestDiff = 0;
        for (int i = 0; i < n; i++) {
            double d = (x[i] - xmin) / (xmax - xmin) - (y[i] - ymin) / (ymax - ymin);
            if (d > bestDiff) {
                bestDiff = d;
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }
}

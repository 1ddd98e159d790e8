package rdmloadtest.datagen;

import java.util.Arrays;
import org.hipparchus.distribution.discrete.ZipfDistribution;

/**
 * Zipf(n, s) over a small n (word lists) by table lookup: the CDF comes from Hipparchus once, then each draw
 * is a binary search, several times cheaper than rejection-inversion for the ~100 words a record needs.
 */
final class ZipfTable {

    private final double[] cdf;
    private final Draw draw;

    ZipfTable(Draw draw, int n, double exponent) {
        this.draw = draw;
        ZipfDistribution zipf = new ZipfDistribution(n, exponent);
        cdf = new double[n];
        for (int k = 1; k <= n; k++) {
            cdf[k - 1] = zipf.cumulativeProbability(k);
        }
        cdf[n - 1] = 1.0;
    }

    /** A rank in 1..n. */
    int sample() {
        int i = Arrays.binarySearch(cdf, draw.nextDouble());
        return (i >= 0 ? i : -i - 1) + 1;
    }
}

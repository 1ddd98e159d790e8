package rdmloadtest.capacity;

import java.util.Optional;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), fitted by Levenberg–Marquardt
 * (Hipparchus) to measured (concurrency N, throughput X) points, with λ, σ, κ kept non-negative.
 *
 * @param lambda throughput of one unit of concurrency (req/s)
 * @param sigma contention (serialisation) coefficient
 * @param kappa coherency (crosstalk) coefficient; 0 means no retrograde region
 * @param peakN concurrency of the highest throughput, sqrt((1 − σ) / κ); null when κ = 0 (no peak)
 * @param peakX X(peakN); for κ = 0 the asymptote λ / σ (null when σ = 0 too: no limit found)
 * @param rSquared 1 − SSres / SStot of X
 */
public record UslFit(
        double lambda, double sigma, double kappa, Double peakN, Double peakX, double rSquared, int points) {

    public double throughput(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Empty with fewer than 3 points (three coefficients). */
    public static Optional<UslFit> fit(double[] n, double[] x) {
        if (n.length < 3) return Optional.empty();
        double lambda0 = 0;
        for (int i = 0; i < n.length; i++) if (n[i] > 0) lambda0 = Math.max(lambda0, x[i] / Math.max(n[i], 1));
        MultivariateJacobianFunction model = p -> {
            double l = p.getEntry(0), s = p.getEntry(1), k = p.getEntry(2);
            RealVector value = new ArrayRealVector(n.length);
            double[][] jac = new double[n.length][3];
            for (int i = 0; i < n.length; i++) {
                double d = 1 + s * (n[i] - 1) + k * n[i] * (n[i] - 1);
                value.setEntry(i, l * n[i] / d);
                jac[i][0] = n[i] / d;
                jac[i][1] = -l * n[i] * (n[i] - 1) / (d * d);
                jac[i][2] = -l * n[i] * n[i] * (n[i] - 1) / (d * d);
            }
            return new Pair<>(value, new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer()
                .optimize(new LeastSquaresBuilder()
                        .start(new double[] {lambda0, 0.01, 0.0001})
                        .model(model)
                        .target(x)
                        .parameterValidator(p -> p.map(v -> Math.max(0, v)))
                        .maxEvaluations(100_000)
                        .maxIterations(100_000)
                        .build());
        double l = o.getPoint().getEntry(0),
                s = o.getPoint().getEntry(1),
                k = o.getPoint().getEntry(2);
        double mean = 0;
        for (double v : x) mean += v / x.length;
        double ssTot = 0, ssRes = 0;
        for (int i = 0; i < n.length; i++) {
            double d = 1 + s * (n[i] - 1) + k * n[i] * (n[i] - 1);
            ssRes += Math.pow(x[i] - l * n[i] / d, 2);
            ssTot += Math.pow(x[i] - mean, 2);
        }
        double r2 = ssTot == 0 ? 0 : 1 - ssRes / ssTot;
        Double peakN = k > 0 ? Math.sqrt(Math.max(0, 1 - s) / k) : null;
        UslFit f = new UslFit(l, s, k, peakN, null, r2, n.length);
        // Not one ternary: a mixed double/Double conditional unboxes the null of linear scaling (s <= 0, k <= 0).
        Double peakX = null;
        if (peakN != null) peakX = f.throughput(peakN);
        else if (s > 0) peakX = l / s;
        return Optional.of(new UslFit(l, s, k, peakN, peakX, r2, n.length));
    }
}

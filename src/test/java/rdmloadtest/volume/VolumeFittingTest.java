package rdmloadtest.volume;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import rdmloadtest.simulator.perf.VolumeFit;

class VolumeFittingTest {
    @Test
    void recoversInterceptAndSlopeFromExactPoints() {
        long[] n = {1_000, 10_000, 100_000};
        double[] d = new double[n.length];
        for (int i = 0; i < n.length; i++) d[i] = 12.5 + 7.25 * Math.log10(n[i]);

        VolumeFit.Fit f = VolumeFitting.fit("test", n, d);

        assertEquals(12.5, f.a(), 1e-9);
        assertEquals(7.25, f.b(), 1e-9);
        for (VolumeFit.Point p : f.points()) assertEquals(0, p.relErrorPct(), 1e-9);
        assertEquals(12.5 + 7.25 * 6, f.at(1_000_000), 1e-9);
    }

    @Test
    void leastSquaresOverNoisyPointsWithEachPointsError() {
        long[] n = {1_000, 10_000, 100_000, 1_000_000};
        // a = 20, b = 10, then +1, -1, -1, +1 ms: symmetric noise leaves the slope, shifts nothing on average
        double[] d = {51, 59, 69, 81};

        VolumeFit.Fit f = VolumeFitting.fit("test", n, d);

        assertEquals(20, f.a(), 1e-9);
        assertEquals(10, f.b(), 1e-9);
        assertEquals(50, f.points().get(0).fittedMs(), 1e-9);
        assertEquals((50 - 51) / 51.0 * 100, f.points().get(0).relErrorPct(), 1e-9);
        assertEquals((80 - 81) / 81.0 * 100, f.points().get(3).relErrorPct(), 1e-9);
    }

    @Test
    void aFlatQuantityHasNoSlope() {
        VolumeFit.Fit f = VolumeFitting.fit("test", new long[] {1_000, 100_000}, new double[] {4, 4});
        assertEquals(4, f.a(), 1e-9);
        assertEquals(0, f.b(), 1e-9);
    }
}

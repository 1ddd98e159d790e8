package rdmloadtest.calibrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.mix.Journey;

/**
 * The journeys' sessions that reproduce the log's class shares, given what each journey sent per session in a run:
 * non-negative least squares over the classes the simulations send (a search also opens records, a landing page
 * fetches its citation and its static files, so no journey's weight follows one class alone).
 */
final class JourneySolver {
    private static final int SWEEPS = 20_000;

    private JourneySolver() {}

    /**
     * @param target each generated class's share of the log (%)
     * @return per journey that ran, the sessions (readers) or users (depositors, harvesters) the run needed, at the
     *     run's own number of reader sessions
     */
    static Map<Journey, Double> solve(Map<String, Double> target, Replay run) {
        List<Journey> journeys = new ArrayList<>();
        for (Journey j : Journey.values()) if (run.sessions(j) > 0) journeys.add(j);
        List<VisitClass> classes = Calibration.GENERATED;
        double[][] a = new double[classes.size()][journeys.size()];
        double[] x = new double[journeys.size()];
        double requests = 0;
        for (int k = 0; k < journeys.size(); k++) {
            Journey j = journeys.get(k);
            long[] sent = run.requests.get(j);
            for (int c = 0; c < classes.size(); c++) {
                a[c][k] = (double) sent[classes.get(c).ordinal()] / run.sessions(j);
                requests += sent[classes.get(c).ordinal()];
            }
            x[k] = run.sessions(j);
        }
        double[] t = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++) t[c] = target.get(classes.get(c).label) / 100 * requests;
        nnls(a, t, x);
        // At the run's number of reader sessions (its rate): the populations scale with them.
        double readersRun = 0;
        double readersSolved = 0;
        for (int k = 0; k < journeys.size(); k++)
            if (journeys.get(k).arrival() == Journey.Arrival.WEIGHT) {
                readersRun += run.sessions(journeys.get(k));
                readersSolved += x[k];
            }
        double scale = readersSolved <= 0 ? 1 : readersRun / readersSolved;
        Map<Journey, Double> out = new EnumMap<>(Journey.class);
        for (int k = 0; k < journeys.size(); k++) out.put(journeys.get(k), x[k] * scale);
        return out;
    }

    /** min |A x - t|² with x ≥ 0, by coordinate descent from the x given (a convex problem: it converges). */
    static void nnls(double[][] a, double[] t, double[] x) {
        int m = t.length;
        int n = x.length;
        double[] r = t.clone();
        for (int c = 0; c < m; c++) for (int k = 0; k < n; k++) r[c] -= a[c][k] * x[k];
        double[] norm = new double[n];
        for (int k = 0; k < n; k++) for (int c = 0; c < m; c++) norm[k] += a[c][k] * a[c][k];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double moved = 0;
            for (int k = 0; k < n; k++) {
                if (norm[k] == 0) continue;
                double g = 0;
                for (int c = 0; c < m; c++) g += a[c][k] * r[c];
                double next = Math.max(0, x[k] + g / norm[k]);
                double d = next - x[k];
                if (d == 0) continue;
                for (int c = 0; c < m; c++) r[c] -= a[c][k] * d;
                x[k] = next;
                moved = Math.max(moved, Math.abs(d) / Math.max(1, Math.abs(next)));
            }
            if (moved < 1e-9) return;
        }
    }
}

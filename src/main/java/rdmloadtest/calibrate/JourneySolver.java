package rdmloadtest.calibrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.mix.Journey;

/**
 * The journeys' sessions that reproduce the log's class shares, given what each journey sent per session in a run:
 * non-negative least squares over the classes the simulations send (a search also opens records, a landing page
 * fetches its citation and its static files, so no journey's weight follows one class alone). The web journeys are
 * one column, in the proportions of the log's web visits.
 */
final class JourneySolver {
    private static final int SWEEPS = 20_000;

    private JourneySolver() {}

    /** The journeys whose rate the profile takes from the log as it is (AutomatedSessions). */
    static final List<Journey> FIXED_RATE = List.of(Journey.HARVEST, Journey.CRAWL);

    /**
     * @param target each generated class's share of the log (%)
     * @param web the log's web visits by the journey their first page starts: the web journeys keep these
     *     proportions (class shares alone cannot tell a front page visit from a search page visit) and are solved
     *     as one
     * @return per journey that ran, the sessions (readers) or users (depositors, harvesters) the run needed, at the
     *     run's own number of reader sessions (per run, when the replay adds up several)
     */
    static Map<Journey, Double> solve(Map<String, Double> target, Map<String, Long> web, Replay run) {
        List<List<Journey>> columns = new ArrayList<>();
        List<double[]> proportions = new ArrayList<>();
        List<Journey> webRan = new ArrayList<>();
        double webVisits = 0;
        for (Journey j : VisitClass.UI.weighs)
            if (run.sessions(j) > 0 && web.getOrDefault(j.id(), 0L) > 0) {
                webRan.add(j);
                webVisits += web.get(j.id());
            }
        for (Journey j : Journey.values())
            if (run.sessions(j) > 0 && !VisitClass.UI.weighs.contains(j) && !FIXED_RATE.contains(j)) {
                columns.add(List.of(j));
                proportions.add(new double[] {1});
            }
        if (!webRan.isEmpty()) {
            double[] p = new double[webRan.size()];
            for (int i = 0; i < p.length; i++) p[i] = web.get(webRan.get(i).id()) / webVisits;
            columns.add(webRan);
            proportions.add(p);
        }
        List<VisitClass> classes = Calibration.GENERATED;
        double[][] a = new double[classes.size()][columns.size()];
        double[] x = new double[columns.size()];
        double requests = 0;
        for (int k = 0; k < columns.size(); k++)
            for (int i = 0; i < columns.get(k).size(); i++) {
                Journey j = columns.get(k).get(i);
                double p = proportions.get(k)[i];
                double[] sent = run.requests.get(j);
                for (int c = 0; c < classes.size(); c++) {
                    a[c][k] += p * sent[classes.get(c).ordinal()] / run.sessions(j);
                    requests += sent[classes.get(c).ordinal()];
                }
                x[k] += run.sessions(j);
            }
        // Harvests (and crawls) run at the log's own rate: what they sent is taken off the target, not solved.
        double[] fixed = new double[classes.size()];
        for (Journey j : FIXED_RATE)
            if (run.sessions(j) > 0)
                for (int c = 0; c < classes.size(); c++) {
                    fixed[c] += run.requests.get(j)[classes.get(c).ordinal()];
                    requests += run.requests.get(j)[classes.get(c).ordinal()];
                }
        double[] t = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++)
            t[c] = Math.max(0, target.get(classes.get(c).label) / 100 * requests - fixed[c]);
        nnls(a, t, x);
        // At the run's number of reader sessions (its rate): the populations scale with them.
        double readersRun = 0;
        double readersSolved = 0;
        for (int k = 0; k < columns.size(); k++)
            if (columns.get(k).get(0).arrival() == Journey.Arrival.WEIGHT) {
                for (Journey j : columns.get(k)) readersRun += run.sessions(j);
                readersSolved += x[k];
            }
        double scale = readersSolved <= 0 ? 1 : readersRun / readersSolved;
        Map<Journey, Double> out = new EnumMap<>(Journey.class);
        for (int k = 0; k < columns.size(); k++)
            for (int i = 0; i < columns.get(k).size(); i++)
                out.put(columns.get(k).get(i), x[k] * proportions.get(k)[i] * scale / Math.max(1, run.runs));
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

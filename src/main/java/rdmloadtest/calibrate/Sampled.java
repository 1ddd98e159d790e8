package rdmloadtest.calibrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.mix.Journey;

/**
 * A fidelity run's shares and their standard errors, from its sessions (LogStats.samples). The readers' sessions pick
 * their journey at random by the profile's weights; which journeys a short run happened to pick is noise, not the
 * profile (a dozen web visits more or fewer move the static files' share by a point). So the shares are the profile's
 * expectation: each reader journey's requests per session, weighted by the profile's weights (post-stratified);
 * depositors, harvests and crawls count as they ran. A share's standard error is then the delta method's over the
 * sessions within each journey: what a session of a journey sends varies (its pages, its citations), its journey no
 * longer. A weighted journey that did not run (a rare one in a short run) is left out of the expectation. Without
 * the weights the shares are as counted and their error is the ratio estimator's over all sessions.
 */
record Sampled(Map<String, Double> shares, Map<String, Double> errors, long sessions) {

    static Sampled of(List<long[]> samples, Map<Journey, Integer> weights) {
        Map<Integer, List<long[]>> byJourney = new LinkedHashMap<>();
        for (long[] y : samples)
            byJourney
                    .computeIfAbsent((int) y[LogStats.JOURNEY_SLOT], k -> new ArrayList<>())
                    .add(y);
        // Each group's weight: the sessions the profile expects of it over the sessions it ran.
        Map<Integer, Double> factor = new LinkedHashMap<>();
        byJourney.forEach((j, g) -> factor.put(j, 1.0));
        // The weighted reader journeys that ran (one of a few sessions in a thousand may not, in a short run).
        Map<Journey, Integer> readers = new EnumMap<>(Journey.class);
        weights.forEach((j, w) -> {
            if (w > 0 && j.arrival() == Journey.Arrival.WEIGHT && byJourney.containsKey(j.ordinal() + 1))
                readers.put(j, w);
        });
        boolean stratified = !readers.isEmpty();
        if (stratified) {
            long ran = 0;
            for (Journey j : readers.keySet())
                ran += byJourney.get(j.ordinal() + 1).size();
            double total = readers.values().stream().mapToInt(Integer::intValue).sum();
            for (Journey j : readers.keySet())
                factor.put(
                        j.ordinal() + 1,
                        ran
                                * readers.get(j)
                                / total
                                / byJourney.get(j.ordinal() + 1).size());
        }
        List<Integer> slots = new ArrayList<>();
        for (VisitClass c : Calibration.GENERATED) slots.add(c.ordinal());
        slots.add(LogStats.CRAWLER_SLOT);
        double all = 0;
        for (var e : byJourney.entrySet()) for (long[] y : e.getValue()) all += factor.get(e.getKey()) * generated(y);
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int slot : slots) {
            String label = slot == LogStats.CRAWLER_SLOT ? LogStats.CRAWLERS : VisitClass.values()[slot].label;
            double sum = 0;
            for (var e : byJourney.entrySet()) for (long[] y : e.getValue()) sum += factor.get(e.getKey()) * y[slot];
            double p = all == 0 ? 0 : sum / all;
            shares.put(label, 100 * p);
            errors.put(
                    label,
                    all == 0 || samples.size() < 2
                            ? Double.NaN
                            : 100 * Math.sqrt(variance(byJourney, factor, slot, p, stratified)) / all);
        }
        return new Sampled(shares, errors, samples.size());
    }

    /**
     * Sum over the groups of factor² × their sessions × the variance of (y − p n) within them (stratified), or of
     * (y − p n)² over all sessions (as counted: the groups' sizes are part of the noise).
     */
    private static double variance(
            Map<Integer, List<long[]>> byJourney, Map<Integer, Double> factor, int slot, double p, boolean stratified) {
        double v = 0;
        long n = 0;
        for (var e : byJourney.entrySet()) {
            List<long[]> g = e.getValue();
            n += g.size();
            double mean = 0;
            if (stratified) {
                for (long[] y : g) mean += y[slot] - p * generated(y);
                mean /= g.size();
            }
            double squares = 0;
            for (long[] y : g) {
                double d = y[slot] - p * generated(y) - mean;
                squares += d * d;
            }
            double f = factor.get(e.getKey());
            if (stratified) v += g.size() < 2 ? 0 : f * f * squares * g.size() / (g.size() - 1.0);
            else v += squares;
        }
        return stratified ? v : v * n / Math.max(1, n - 1.0);
    }

    private static long generated(long[] y) {
        long n = 0;
        for (VisitClass c : Calibration.GENERATED) n += y[c.ordinal()];
        return n;
    }
}

package rdmloadtest.results;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.slo.SloKeys;

/**
 * Whether a planned run can be judged, checked before any load: it sends something; and when its gate is enforced, a
 * warm-up shorter than the run and enough sessions of
 * every journey that a request the journeys always send is sent (a too-short run would otherwise fail its gate with
 * "never sent", a verdict on the run's length, not on the target).
 */
public final class RunShape {
    /** Fewest expected sessions of a journey: with 3, a Poisson count is 0 one time in 20. */
    static final double MIN_SESSIONS = 3;

    private RunShape() {}

    /**
     * @param planned the run's planned length (ramp and steady part)
     * @param closedUsers whether closed populations (depositors, harvesters, crawlers) run beside the planned arrivals
     * @param leastShare per open scenario, the share of its sessions its least-weighted journey gets; NaN for a
     *     scenario the gate requires nothing of
     * @param alwaysSent whether the gate requires requests that the journeys always send
     */
    public static void check(
            Settings s,
            InjectionPlan plan,
            Duration planned,
            boolean closedUsers,
            ToDoubleFunction<String> leastShare,
            boolean alwaysSent) {
        Duration warmup = s.get(SloKeys.WARMUP);
        boolean enforce = s.get(SloKeys.ENFORCE);
        // A report-only run (slo.enforce=false) is not judged: only that it sends something matters.
        if (enforce && !warmup.isZero() && warmup.compareTo(planned) >= 0) {
            throw new ConfigException(SloKeys.WARMUP.name() + "='" + seconds(warmup) + "': the run lasts only "
                    + seconds(planned) + " (run.rampUp + run.duration), all of it warm-up; expected a warm-up shorter"
                    + " than the run, or a longer run.duration");
        }
        if (plan.starts().values().stream().allMatch(p -> p.length == 0) && !closedUsers) {
            throw new ConfigException("traffic.readers.rate: no session is planned in " + seconds(planned)
                    + " (the rate is 0 or the run too short) and there are no depositors or harvesters; expected a"
                    + " rate above 0 or a longer run.duration");
        }
        if (!alwaysSent || !enforce) return;
        for (Map.Entry<String, long[]> e : plan.starts().entrySet()) {
            double share = leastShare.applyAsDouble(e.getKey());
            if (Double.isNaN(share)) continue;
            double expected = e.getValue().length * share;
            if (expected < MIN_SESSIONS) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "run.duration: %d %s sessions are planned in %s, %.1f of them for its least-weighted journey;"
                                + " expected at least %.0f, or the gate fails with \"never sent\" for want of time: run"
                                + " longer or at a higher traffic.readers.rate",
                        e.getValue().length,
                        e.getKey(),
                        seconds(planned),
                        expected,
                        MIN_SESSIONS));
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}

package rdmloadtest.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The machine's CPU that no tier explains: the machine's cores in use minus the sum of every tier's (the injector
 * included), in cores and as a share of the machine's. Above {@link #WARN_PCT} the tiers miss a process that matters
 * (a tier not in the metrics file, a daemon, another job on the host), and demands and bounds read from them are too
 * low.
 *
 * @param machineCores the machine tier's utilization
 * @param tiersCores the sum of the other tiers' utilization
 * @param cores machine − tiers (negative when the tiers' sum exceeds the machine's: sampling, or overlapping tiers)
 * @param pct cores as a percentage of machineCores
 */
public record Unattributed(double machineCores, double tiersCores, double cores, double pct) {
    /** The share of the machine's CPU above which the report warns. */
    public static final double WARN_PCT = 15;

    /** The tier whose utilization is the whole machine's CPU (cores in use). */
    public static final String MACHINE = "machine";

    /** Null without a machine tier with a positive utilization, or when a tier has no value. */
    public static Unattributed of(List<TierMetrics.TierUsage> tiers) {
        Double machine = null;
        double sum = 0;
        for (TierMetrics.TierUsage u : tiers) {
            if (Double.isNaN(u.utilization())) return null;
            if (u.tier().equals(MACHINE)) machine = u.utilization();
            else sum += u.utilization();
        }
        if (machine == null || !(machine > 0)) return null;
        double cores = machine - sum;
        return new Unattributed(machine, sum, cores, 100 * cores / machine);
    }

    /** Above {@link #WARN_PCT} as the report shows it (to 0.1 %): 15.0 % does not warn, 15.1 % does. */
    public boolean warns() {
        return Math.round(pct * 10) / 10.0 > WARN_PCT;
    }

    /** One line: how much, out of what, and the warning when above {@link #WARN_PCT}. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "unattributed CPU: %.3f cores, %.1f %% of the machine's %.3f (the tiers explain %.3f)%s",
                cores,
                pct,
                machineCores,
                tiersCores,
                warns()
                        ? String.format(
                                Locale.ROOT,
                                "; WARNING: above %.0f %%: a process outside every tier uses the machine's CPU, so the"
                                        + " tiers' demands and bounds are too low",
                                WARN_PCT)
                        : "");
    }
}

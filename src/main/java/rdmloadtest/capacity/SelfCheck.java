package rdmloadtest.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rdmloadtest.metrics.TierMetrics;

/**
 * The report checked against itself: at every step a tier's demand times the throughput measured never exceeds its
 * capacity, and no bound lies below a throughput a step measured meeting the SLOs. Either would be impossible; when
 * one fires, the figures it rests on are wrong (a window that does not match the throughput, a tier counting another's
 * time as its own).
 */
final class SelfCheck {
    /** How far a check may be off before it fires (%): utilization sampled over a step's 10–15 s window. */
    static final double TOLERANCE_PCT = 5;

    /** A check that failed: the tier, the step (null: the report as a whole) and what does not add up. */
    record Finding(String tier, Integer step, String message) {}

    private SelfCheck() {}

    /**
     * @param tiers the tiers at the reference step, with their bounds
     */
    static List<Finding> of(List<TierSteps.Row> rows, List<Attribution.TierLimit> tiers) {
        double slack = 1 + TOLERANCE_PCT / 100;
        List<Finding> out = new ArrayList<>();
        TierSteps.Row top = null;
        for (TierSteps.Row r : rows) {
            if (!r.step().valid() || r.step().phase().equals(StepResult.WARMUP)) continue;
            // A bound is the offered mix's: only a step that met the SLOs completed that mix (past saturation the
            // queued class completes less than its share).
            if (r.step().passed()
                    && (top == null || r.step().throughputRps() > top.step().throughputRps())) top = r;
            double x = r.step().throughputRps();
            for (TierMetrics.TierUsage u : r.tiers().tiers()) {
                if (u.capacity() == null || !(u.capacity() > 0) || !(u.demandMs() > 0)) continue;
                double busy = u.demandMs() / 1000 * x;
                if (busy > u.capacity() * slack)
                    out.add(new Finding(
                            u.tier(),
                            r.step().index(),
                            String.format(
                                    Locale.ROOT,
                                    "step %d: %s: demand %.1f ms × measured throughput %.1f req/s = %.2f busy, %.0f %%"
                                            + " of its capacity %s (allowed %.0f %%)",
                                    r.step().index(),
                                    u.tier(),
                                    u.demandMs(),
                                    x,
                                    busy,
                                    100 * busy / u.capacity(),
                                    TierSteps.n(u.capacity()),
                                    100 + TOLERANCE_PCT)));
            }
        }
        if (top == null) return out;
        for (Attribution.TierLimit t : tiers)
            if (t.boundRps() != null && t.boundRps() * slack < top.step().throughputRps())
                out.add(new Finding(
                        t.tier(),
                        null,
                        String.format(
                                Locale.ROOT,
                                "%s: bound %.1f req/s lies below the %.1f req/s step %d measured meeting the SLOs",
                                t.tier(),
                                t.boundRps(),
                                top.step().throughputRps(),
                                top.step().index())));
        return List.copyOf(out);
    }

    static String markdown(List<Finding> findings) {
        if (findings.isEmpty())
            return String.format(
                    Locale.ROOT,
                    "%n**Self-check passed:** at every step each tier's demand × the measured throughput is within its"
                            + " capacity (+%.0f %%), and no bound lies below a throughput measured.%n",
                    TOLERANCE_PCT);
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%n**Self-check FAILED** (tolerance %.0f %%): the figures below cannot all be true, so the bounds and"
                        + " demands of this report are not to be trusted:%n%n",
                TOLERANCE_PCT));
        findings.forEach(f -> b.append("- ").append(f.message()).append('\n'));
        return b.toString();
    }
}

package rdmloadtest.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Judges every objective of the SLO file on the window after the warm-up, which Gatling's assertions cannot
 * do (they always see the whole run). A group without requests in the window is skipped, except for a
 * throughput objective, which then fails.
 */
public final class Gate {
    private Gate() {}

    public static List<Check> judge(Slo slo, Map<String, Measured> byGroup) {
        List<Check> out = new ArrayList<>();
        for (SloGroup g : slo.groups()) {
            Measured m = byGroup.get(g.name());
            Objectives o = g.objectives();
            latency(out, g.name(), "p50", o.p50Ms(), m, m == null ? 0 : m.p50());
            latency(out, g.name(), "p95", o.p95Ms(), m, m == null ? 0 : m.p95());
            latency(out, g.name(), "p99", o.p99Ms(), m, m == null ? 0 : m.p99());
            if (o.maxErrorRatePct().isPresent()) {
                double max = o.maxErrorRatePct().getAsDouble();
                if (m == null || m.count() == 0) {
                    out.add(skipped(g.name(), "error rate", max, "%"));
                } else {
                    boolean ok = m.errorRatePct() <= max;
                    out.add(new Check(
                            Check.Kind.SLO,
                            g.name(),
                            "error rate",
                            m.errorRatePct(),
                            max,
                            "%",
                            ok ? Check.Status.PASSED : Check.Status.FAILED,
                            (ok ? "SLO met: " : "SLO FAILED: ") + g.name() + " error rate = "
                                    + Format.pct(m.errorRatePct()) + (ok ? " ≤ " : " > ") + Format.num(max) + " %"));
                }
            }
            if (o.minThroughputRps().isPresent()) {
                double min = o.minThroughputRps().getAsDouble();
                double rps = m == null ? 0 : m.rps();
                boolean ok = rps >= min;
                out.add(new Check(
                        Check.Kind.SLO,
                        g.name(),
                        "throughput",
                        rps,
                        min,
                        "req/s",
                        ok ? Check.Status.PASSED : Check.Status.FAILED,
                        (ok ? "SLO met: " : "SLO FAILED: ") + g.name() + " throughput = " + Format.rate(rps)
                                + (ok ? " ≥ " : " < ") + Format.num(min) + " req/s"));
            }
        }
        return out;
    }

    private static void latency(
            List<Check> out, String group, String metric, OptionalDouble objective, Measured m, int value) {
        if (objective.isEmpty()) return;
        double max = objective.getAsDouble();
        if (m == null || m.count() == 0) {
            out.add(skipped(group, metric, max, "ms"));
            return;
        }
        boolean ok = value <= max;
        out.add(new Check(
                Check.Kind.SLO,
                group,
                metric,
                (double) value,
                max,
                "ms",
                ok ? Check.Status.PASSED : Check.Status.FAILED,
                (ok ? "SLO met: " : "SLO FAILED: ") + group + " " + metric + " = " + value + " ms"
                        + (ok ? " ≤ " : " > ") + Format.num(max) + " ms"));
    }

    private static Check skipped(String group, String metric, double objective, String unit) {
        return new Check(
                Check.Kind.SLO,
                group,
                metric,
                null,
                objective,
                unit,
                Check.Status.SKIPPED,
                "SLO skipped: " + group + " " + metric + ": no requests of this group after the warm-up");
    }
}

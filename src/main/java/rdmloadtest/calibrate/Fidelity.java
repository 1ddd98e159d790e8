package rdmloadtest.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How closely a run of the calibrated profile reproduced the log: the share of every class the simulations send, the
 * popularity exponent, the web pages per visit.
 */
record Fidelity(
        int round,
        List<Row> rows,
        double logExponent,
        double runExponent,
        double logPagesPerVisit,
        double runPagesPerVisit,
        long runWebVisits,
        double requestsPerSession) {
    static final double SHARE_TOLERANCE_PP = 2.0;
    static final double EXPONENT_TOLERANCE = 0.1;
    /** Relative: ±10 % of the log's pages per visit. */
    static final double PAGES_TOLERANCE = 0.1;

    /** One class: its share (%) of what the simulations send, in the log and in the run. */
    record Row(String label, double log, double run) {
        double delta() {
            return run - log;
        }

        boolean ok() {
            return Math.abs(delta()) <= SHARE_TOLERANCE_PP;
        }
    }

    static Fidelity compare(int round, Calibration log, Calibration run, double requestsPerSession) {
        List<Row> rows = new ArrayList<>();
        for (VisitClass c : Calibration.GENERATED)
            rows.add(new Row(
                    c.label,
                    log.generatedShares().get(c.label),
                    run.generatedShares().get(c.label)));
        return new Fidelity(
                round,
                rows,
                log.zipf().exponent(),
                run.zipf().exponent(),
                log.web().pagesPerVisit(),
                run.web().pagesPerVisit(),
                run.web().visits(),
                requestsPerSession);
    }

    /** Without web visits in the log there is nothing to compare. */
    boolean pagesOk() {
        return logPagesPerVisit == 0 || Math.abs(pagesMiss()) <= PAGES_TOLERANCE;
    }

    private double pagesMiss() {
        return logPagesPerVisit == 0 ? 0 : runPagesPerVisit / logPagesPerVisit - 1;
    }

    boolean exponentOk() {
        return Double.isNaN(logExponent) || Math.abs(runExponent - logExponent) <= EXPONENT_TOLERANCE;
    }

    boolean passed() {
        return exponentOk() && pagesOk() && rows.stream().allMatch(Row::ok);
    }

    /** The largest miss, in units of its tolerance (to keep the best round). */
    double worst() {
        double w = Double.isNaN(logExponent) || Double.isNaN(runExponent)
                ? 0
                : Math.abs(runExponent - logExponent) / EXPONENT_TOLERANCE;
        for (Row r : rows) w = Math.max(w, Math.abs(r.delta()) / SHARE_TOLERANCE_PP);
        return Math.max(w, Math.abs(pagesMiss()) / PAGES_TOLERANCE);
    }

    String table() {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT, "%-16s %8s %8s %8s  %s%n", "class", "log %", "run %", "diff pp", "ok (within ±2 pp)"));
        for (Row r : rows)
            b.append(String.format(
                    Locale.ROOT,
                    "%-16s %8.2f %8.2f %+8.2f  %s%n",
                    r.label(),
                    r.log(),
                    r.run(),
                    r.delta(),
                    r.ok() ? "yes" : "NO"));
        b.append(String.format(
                Locale.ROOT,
                "%-16s %8.3f %8.3f %+8.3f  %s%n",
                "Zipf exponent",
                logExponent,
                runExponent,
                runExponent - logExponent,
                exponentOk() ? "yes (±0.1)" : "NO (±0.1)"));
        b.append(String.format(
                Locale.ROOT,
                "%-16s %8.2f %8.2f %+7.1f%%  %s, %d web visits replayed%n",
                "pages per visit",
                logPagesPerVisit,
                runPagesPerVisit,
                100 * pagesMiss(),
                pagesOk() ? "yes (±10 %)" : "NO (±10 %)",
                runWebVisits));
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "Round %d: the profile run against the embedded simulator, its access log read back (%.2f requests per"
                        + " reader session). %s%n%n| Class | Log %% | Run %% | Diff (pp) | Within ±2 pp |%n"
                        + "|---|---:|---:|---:|---|%n",
                round,
                requestsPerSession,
                passed() ? "**Passed.**" : "**Not within the tolerances.**"));
        for (Row r : rows)
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %+.2f | %s |%n",
                    r.label(),
                    r.log(),
                    r.run(),
                    r.delta(),
                    r.ok() ? "yes" : "no"));
        b.append(String.format(
                Locale.ROOT,
                "| Zipf exponent | %.3f | %.3f | %+.3f | %s (±0.1) |%n",
                logExponent,
                runExponent,
                runExponent - logExponent,
                exponentOk() ? "yes" : "no"));
        b.append(String.format(
                Locale.ROOT,
                "| Pages per web visit | %.2f | %.2f | %+.1f %% | %s (±10 %%; %d web visits replayed) |%n",
                logPagesPerVisit,
                runPagesPerVisit,
                100 * pagesMiss(),
                pagesOk() ? "yes" : "no",
                runWebVisits));
        return b.toString();
    }
}

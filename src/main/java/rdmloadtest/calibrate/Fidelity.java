package rdmloadtest.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How closely a run of the calibrated profile reproduced the log: the share of every class the simulations send and
 * the crawlers' share of them, the popularity exponent, the web pages per visit. A run is a sample: each share and the pages per visit are judged with
 * their sampling error, and a figure whose error alone is larger than its tolerance is not judged, but named.
 */
record Fidelity(
        int round,
        int runs,
        List<Row> rows,
        double logExponent,
        double runExponent,
        double logPagesPerVisit,
        double runPagesPerVisit,
        double pagesError,
        long runWebVisits,
        double requestsPerSession) {
    static final double SHARE_TOLERANCE_PP = 2.0;
    static final double EXPONENT_TOLERANCE = 0.1;
    /** Relative: ±10 % of the log's pages per visit. */
    static final double PAGES_TOLERANCE = 0.1;
    /**
     * Standard errors a figure may miss by beyond its tolerance (about 95 % two-sided), and the most a figure may
     * have within its tolerance to be judged: a run whose 95 % interval is wider than the tolerance cannot hold it.
     */
    static final double Z = 2.0;

    enum Verdict {
        YES,
        NO,
        /** Its sampling error alone exceeds the tolerance: the run is too short to say. */
        TOO_FEW
    }

    /**
     * One class: its share (%) of what the simulations send, in the log and in the run, and the standard error of the
     * run's share (percentage points; NaN when not known: judged at the tolerance alone).
     */
    record Row(String label, double log, double run, double error) {
        double delta() {
            return run - log;
        }

        double allowance() {
            return Double.isNaN(error) ? 0 : Z * error;
        }

        Verdict verdict() {
            return judge(Math.abs(delta()), SHARE_TOLERANCE_PP, allowance());
        }

        boolean ok() {
            return verdict() == Verdict.YES;
        }
    }

    /** Out beyond the tolerance and the sampling allowance: NO; else too few when the allowance exceeds it. */
    static Verdict judge(double miss, double tolerance, double allowance) {
        if (miss > tolerance + allowance) return Verdict.NO;
        return allowance > tolerance ? Verdict.TOO_FEW : Verdict.YES;
    }

    /**
     * @param run the runs of this round's profile read together (runs: how many; a round whose runs missed nothing
     *     but held too few samples is run again with the same profile)
     * @param sampled their shares and standard errors (Sampled: the reader journeys at the profile's weights)
     */
    static Fidelity compare(
            int round, int runs, Calibration log, Calibration run, Sampled sampled, double requestsPerSession) {
        List<Row> rows = new ArrayList<>();
        for (VisitClass c : Calibration.GENERATED)
            rows.add(new Row(
                    c.label,
                    log.generatedShares().get(c.label),
                    sampled.shares().get(c.label),
                    sampled.errors().get(c.label)));
        // Who sends them: the crawlers' share of those requests (their landing pages are web pages, their robots.txt
        // and sitemaps static files).
        rows.add(new Row(
                LogStats.CRAWLERS,
                log.crawlerShare(),
                sampled.shares().get(LogStats.CRAWLERS),
                sampled.errors().get(LogStats.CRAWLERS)));
        // Both means are samples: the log's error counts too (small for a day's log).
        double pagesError = Math.hypot(
                orZero(log.web().pagesPerVisitError()), orZero(run.web().pagesPerVisitError()));
        return new Fidelity(
                round,
                runs,
                rows,
                log.zipf().exponent(),
                run.zipf().exponent(),
                log.web().pagesPerVisit(),
                run.web().pagesPerVisit(),
                run.web().visits() < 2 ? Double.NaN : pagesError,
                run.web().visits(),
                requestsPerSession);
    }

    private static double orZero(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    /** Without web visits in the log there is nothing to compare; without any in the run, it missed them all. */
    Verdict pagesVerdict() {
        if (logPagesPerVisit == 0) return Verdict.YES;
        if (runWebVisits == 0) return Verdict.NO;
        return judge(Math.abs(pagesMiss()), PAGES_TOLERANCE, pagesAllowance());
    }

    boolean pagesOk() {
        return pagesVerdict() == Verdict.YES;
    }

    /** Relative to the log's pages per visit, like the tolerance. */
    double pagesAllowance() {
        return logPagesPerVisit == 0 || Double.isNaN(pagesError) ? 0 : Z * pagesError / logPagesPerVisit;
    }

    private double pagesMiss() {
        return logPagesPerVisit == 0 ? 0 : runPagesPerVisit / logPagesPerVisit - 1;
    }

    boolean exponentOk() {
        return Double.isNaN(logExponent) || Math.abs(runExponent - logExponent) <= EXPONENT_TOLERANCE;
    }

    /** Nothing out of its tolerance (figures too few to judge aside: see {@link #tooFew()}). */
    boolean noMiss() {
        return exponentOk() && pagesVerdict() != Verdict.NO && rows.stream().noneMatch(r -> r.verdict() == Verdict.NO);
    }

    /** The figures this run held too few samples of to judge. */
    List<String> tooFew() {
        List<String> out = new ArrayList<>();
        for (Row r : rows)
            if (r.verdict() == Verdict.TOO_FEW)
                out.add(String.format(Locale.ROOT, "%s (±%.1f pp sampling error)", r.label(), r.allowance()));
        if (pagesVerdict() == Verdict.TOO_FEW)
            out.add(String.format(
                    Locale.ROOT,
                    "pages per visit (%d web visits, ±%.0f %% sampling error)",
                    runWebVisits,
                    100 * pagesAllowance()));
        return out;
    }

    /** Every figure judged and within its tolerance. */
    boolean passed() {
        return noMiss() && tooFew().isEmpty();
    }

    /** The largest miss, in units of its tolerance with its allowance (to keep the best round). */
    double worst() {
        double w = Double.isNaN(logExponent) || Double.isNaN(runExponent)
                ? 0
                : Math.abs(runExponent - logExponent) / EXPONENT_TOLERANCE;
        for (Row r : rows) w = Math.max(w, Math.abs(r.delta()) / (SHARE_TOLERANCE_PP + r.allowance()));
        return Math.max(w, Math.abs(pagesMiss()) / (PAGES_TOLERANCE + pagesAllowance()));
    }

    /** One line: passed, failed, or not judged for want of samples. */
    String verdict() {
        if (!noMiss()) return "FAILED";
        List<String> few = tooFew();
        return few.isEmpty()
                ? "PASSED"
                : "NOT JUDGED: too few samples for " + String.join(", ", few)
                        + " (a longer calibrate.checkDuration or a higher calibrate.checkRate)";
    }

    private static String word(Verdict v) {
        return switch (v) {
            case YES -> "yes";
            case NO -> "NO";
            case TOO_FEW -> "too few to judge";
        };
    }

    private static String allowance(double a) {
        return a == 0 ? "" : String.format(Locale.ROOT, " (±%.2f)", a);
    }

    String table() {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%-16s %8s %8s %8s  %s%n",
                "class",
                "log %",
                "run %",
                "diff pp",
                "ok (within ±2 pp, ± 2 standard errors of the run)"));
        for (Row r : rows)
            b.append(String.format(
                    Locale.ROOT,
                    "%-16s %8.2f %8.2f %+8.2f  %s%s%n",
                    r.label(),
                    r.log(),
                    r.run(),
                    r.delta(),
                    word(r.verdict()),
                    allowance(r.allowance())));
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
                "%-16s %8.2f %8.2f %+7.1f%%  %s (±10 %%%s), %d web visits replayed%n",
                "pages per visit",
                logPagesPerVisit,
                runPagesPerVisit,
                100 * pagesMiss(),
                word(pagesVerdict()),
                pagesAllowance() == 0 ? "" : String.format(Locale.ROOT, " ± %.1f %%", 100 * pagesAllowance()),
                runWebVisits));
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "Round %d%s: the profile run against the embedded simulator, its access log read back (%.2f requests"
                        + " per reader session). **%s.** Each figure is judged within its tolerance plus two standard"
                        + " errors of its sampling (the run's sessions are its samples); one whose two standard"
                        + " errors alone exceed its tolerance is too few to judge.%n%n"
                        + "| Class | Log %% | Run %% | Diff (pp) | Sampling (±pp) | Within ±2 pp |%n"
                        + "|---|---:|---:|---:|---:|---|%n",
                round,
                runs > 1
                        ? String.format(Locale.ROOT, " (its last %d runs of the same profile, read together)", runs)
                        : "",
                requestsPerSession,
                verdict()));
        for (Row r : rows)
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %+.2f | %.2f | %s |%n",
                    r.label(),
                    r.log(),
                    r.run(),
                    r.delta(),
                    r.allowance(),
                    word(r.verdict())));
        b.append(String.format(
                Locale.ROOT,
                "| Zipf exponent | %.3f | %.3f | %+.3f | | %s (±0.1) |%n",
                logExponent,
                runExponent,
                runExponent - logExponent,
                exponentOk() ? "yes" : "no"));
        b.append(String.format(
                Locale.ROOT,
                "| Pages per web visit | %.2f | %.2f | %+.1f %% | %.1f %% | %s (±10 %%; %d web visits replayed) |%n",
                logPagesPerVisit,
                runPagesPerVisit,
                100 * pagesMiss(),
                100 * pagesAllowance(),
                word(pagesVerdict()),
                runWebVisits));
        return b.toString();
    }
}

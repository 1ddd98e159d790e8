package rdmloadtest.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Key;
import rdmloadtest.config.Keys;
import rdmloadtest.config.Settings;
import rdmloadtest.history.RunHistory;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.metrics.MetricsFile;
import rdmloadtest.results.ResultKeys;
import rdmloadtest.results.RunReport;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.slo.RequestNames;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;
import rdmloadtest.slo.SloKeys;

/**
 * A capacity search: one in-process Gatling run of {@code CapacitySimulation} per step, each an open-model ramp
 * then a constant rate, measured on its steady part only. After a warm-up, the rate grows by capacity.growth (a
 * breakpoint search) until the first failing rate, an error rate above capacity.stopErrorRatePct, a lagging injector,
 * capacity.maxRate or capacity.maxDuration; then it bisects between the last passing and the first failing rate until
 * they are within capacity.precisionPct (at most capacity.refineSteps steps), analyses the steps and writes the
 * report. A failing step is measured again at its rate (capacity.confirmFailures): the rate fails only when every
 * measurement of it fails. One run per step, rather than one Gatling run of stairs, because the next rate depends on
 * what the last step measured (requests per session, bisection) and a step never inherits the queue of an overloaded
 * one.
 */
public final class CapacitySearch {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SIMULATION = "rdmloadtest.simulations.CapacitySimulation";
    static final String READERS = "Readers";
    /** Requests a session of a mix is assumed to send before the warm-up measured it (the default mix sends about 3). */
    static final double WARMUP_REQUESTS_PER_SESSION = 10;
    /** A failing step that completed under this fraction of the requests it started was overloaded, not noisy. */
    static final double SATURATED = 0.8;

    private final CapacityPlan plan;
    private final Slo slo;
    private final PrintStream out;
    private final List<StepResult> steps = new ArrayList<>();
    private double requestsPerSession = 1;
    private double loadSeconds;
    private long searchStart;
    /** Where each step's run folder (and its tiers.json) is; null for a search without Gatling (tests). */
    private Path tiersRoot;

    private Double injectorBoundAt;

    private final String target;
    private final Map<String, String> planValues;
    private final StepRunner runner;

    /** Runs one step of the search at a rate and measures its steady window. */
    @FunctionalInterface
    interface StepRunner {
        StepResult run(StepMeasure.Step step) throws IOException;
    }

    CapacitySearch(
            CapacityPlan plan,
            Slo slo,
            String target,
            Map<String, String> planValues,
            StepRunner runner,
            PrintStream out) {
        this.plan = plan;
        this.slo = slo;
        this.target = target;
        this.planValues = planValues;
        this.runner = runner;
        this.out = out;
    }

    private static CapacitySearch withGatling(LoadTestConfig cfg, PrintStream out) {
        Settings s = cfg.settings();
        CapacityPlan plan = CapacityPlan.from(s);
        Slo slo = Slo.load(s);
        GatlingSteps gatling = new GatlingSteps(
                plan,
                slo,
                Path.of(s.get(ResultKeys.RESULTS_FOLDER)).toAbsolutePath(),
                s.get(ResultKeys.INJECTOR_MAX_LAG),
                s.get(ResultKeys.INJECTOR_MAX_MISSING),
                MetricsFile.load(s),
                out);
        CapacitySearch search = new CapacitySearch(
                plan, slo, cfg.embedded() ? "simulator" : cfg.baseUrl().get().getHost(), planValues(cfg), gatling, out);
        search.tiersRoot = Path.of(s.get(ResultKeys.RESULTS_FOLDER)).toAbsolutePath();
        return search;
    }

    /** The search's outcome and the folder its report went to. */
    public record Outcome(CapacityResult result, Path report) {}

    /**
     * Runs a search with the process's configuration (system properties, environment, profile) plus {@code overrides}
     * (applied as system properties for the duration of the search, then restored).
     */
    public static synchronized Outcome run(Map<String, String> overrides, PrintStream out) throws IOException {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            overrides.forEach(System::setProperty);
            LoadTestConfig cfg = LoadTestConfig.load();
            if (cfg.settings().get(ResultKeys.HISTORY_RECORD))
                Folders.writable(
                        ResultKeys.HISTORY_DIR.name(), Path.of(cfg.settings().get(ResultKeys.HISTORY_DIR)));
            cfg.baseUrl()
                    .ifPresent(site -> out.println("capacity: target: "
                            + Preflight.of(cfg.settings(), site, cfg.invenioVersion(), "INVENIO_TOKEN", List.of())));
            Outcome o = withGatling(cfg, out).search();
            if (cfg.settings().get(ResultKeys.HISTORY_RECORD)) record(cfg, o);
            return o;
        } finally {
            System.setProperties(saved);
        }
    }

    Outcome search() throws IOException {
        long t0 = System.currentTimeMillis();
        searchStart = t0;
        out.printf(
                Locale.ROOT,
                "capacity: takes at most %s%s, at most %d steps of about %s s; journey %s on %s; from %s req/s ×%s"
                        + " a step to the first failure, then bisection to ±%s %% (at most %d steps); each step %s s"
                        + " ramp, %s s (%s s settle, %s s measured); SLOs %s%n",
                minutes(plan.mostTime()),
                plan.mostTime().equals(plan.maxDuration()) ? " (capacity.maxDuration)" : "",
                plan.mostSteps(),
                secs(plan.stepEstimate()),
                plan.journey(),
                target,
                num(plan.startRate()),
                num(plan.growth()),
                num(plan.precisionPct()),
                plan.refineSteps(),
                secs(plan.ramp()),
                secs(plan.stepDuration()),
                secs(plan.settle()),
                num(plan.measuredSeconds()),
                slo.source());
        String stopReason = grow(t0);
        boolean grewToLag = injectorBoundAt != null;
        refine(t0);
        double wall = (System.currentTimeMillis() - t0) / 1000.0;

        CapacityAnalysis.Limits limits = CapacityAnalysis.mixLimit(steps);
        List<CapacityResult.GroupLimit> groups = CapacityAnalysis.groupLimits(slo, steps);
        // Without an SLO failure below the rate where the injector gave out, nothing is known of the target's limit.
        boolean bound = injectorBoundAt != null
                && (limits.firstFailingTargetRps() == null || limits.firstFailingTargetRps() > injectorBoundAt);
        Double max = bound ? null : limits.maxSustainableRps();
        if (grewToLag && !bound)
            stopReason += "; the target failed below it, at " + num(limits.firstFailingTargetRps()) + " req/s";
        List<TierSteps.Row> tiers = TierSteps.read(tiersRoot, steps);
        Attribution attribution =
                Attribution.of(tiers, max, plan.expectedPeakRps(), plan.targetUtilizationPct(), plan.whatIfScale());
        CapacityResult result = new CapacityResult(
                CapacityResult.SCHEMA,
                target,
                plan.journey(),
                slo.source(),
                Instant.ofEpochMilli(t0).toString(),
                loadSeconds,
                wall,
                stopReason,
                max,
                bound ? null : limits.step(),
                bound ? injectorBoundAt : null,
                bound ? limits.maxSustainableRps() : null,
                limits.firstFailingTargetRps(),
                CapacityAnalysis.breaksFirst(groups),
                groups,
                CapacityAnalysis.knee(steps),
                CapacityAnalysis.usl(steps).orElse(null),
                CapacityAnalysis.headroom(max, plan.expectedPeakRps()),
                List.copyOf(steps),
                planValues,
                attribution,
                TierSteps.dataset(tiersRoot, steps).orElse(null),
                Background.of(
                        steps,
                        tiers,
                        slo.groupOf(RequestNames.TIME_TO_SEARCHABLE)
                                .map(SloGroup::name)
                                .orElse(null)));
        Path dir = CapacityReport.write(plan.reportDir(), result, tiers);
        printConclusion(result, dir);
        TierSteps.conclusion(tiers, attribution).forEach(out::println);
        if (result.dataset() != null) result.dataset().warnings().forEach(w -> out.println("capacity: WARNING: " + w));
        return new Outcome(result, dir);
    }

    /** The search joins the run history: capacity over time is what the trends report draws. */
    private static void record(LoadTestConfig cfg, Outcome o) {
        Settings s = cfg.settings();
        CapacityResult c = o.result();
        try {
            new RunHistory(Path.of(s.get(ResultKeys.HISTORY_DIR)))
                    .record(
                            "capacity",
                            Instant.parse(c.startedAt()),
                            RunReport.fingerprint(s, SIMULATION),
                            c.maxSustainableRps() != null,
                            c.injectorBoundAtRps() == null,
                            o.report().toString(),
                            JSON.valueToTree(c));
        } catch (UncheckedIOException e) {
            System.err.println("rdm-loadtest: " + e.getMessage() + ": the capacity result is not in the history");
        }
    }

    /**
     * The warm-up, then rates growing by capacity.growth until the first failing rate (confirmed), a stopping error
     * rate, a lagging injector, capacity.maxRate or capacity.maxDuration; returns why it stopped.
     */
    private String grow(long t0) throws IOException {
        // Not measured: JIT, connection pools and caches warm up, and it tells how many requests a session sends.
        StepResult warm = runStep(StepResult.WARMUP, plan.startRate(), warmupRequestsPerSession());
        if (warm.requestsPerSession() > 0) requestsPerSession = warm.requestsPerSession();
        double rate = plan.startRate();
        while (true) {
            if (!timeLeft(t0)) return "capacity.maxDuration (" + secs(plan.maxDuration()) + " s) would be exceeded";
            StepResult r = measureRate("step", rate, t0);
            if (!r.injectorOk()) {
                injectorBoundAt = r.targetRps();
                return "injector-bound at " + num(r.targetRps()) + " req/s (step " + r.index() + ": " + r.injectorNote()
                        + "): add injectors or cores";
            }
            if (r.errorRatePct() > plan.stopErrorRatePct()) {
                return "error rate " + num(r.errorRatePct()) + " % > capacity.stopErrorRatePct "
                        + num(plan.stopErrorRatePct()) + " % at step " + r.index();
            }
            if (!r.passed()) return "first failing rate " + num(rate) + " req/s (step " + r.index() + ")";
            if (rate >= plan.maxRate() - 1e-9) return "reached capacity.maxRate (" + num(plan.maxRate()) + " req/s)";
            rate = plan.nextRate(rate);
        }
    }

    /**
     * Before any step is measured, requests per session are not known: viewRecord sends one, and the warm-up of a mix
     * assumes {@link #WARMUP_REQUESTS_PER_SESSION}, so that it offers at most capacity.startRate, not several times it.
     */
    private double warmupRequestsPerSession() {
        return plan.journey().equals("viewRecord") ? 1 : WARMUP_REQUESTS_PER_SESSION;
    }

    /**
     * Bisects between the highest passing rate and the first failing one (or, when growing stopped at a lagging
     * injector, the rate it lagged at: the target's limit may lie below it), until they are within
     * capacity.precisionPct or after capacity.refineSteps steps. A step on a lagging injector lowers the top and the
     * rate the injector is bound at.
     */
    private void refine(long t0) throws IOException {
        Double failing = CapacityAnalysis.mixLimit(steps).firstFailingTargetRps();
        if (failing == null && injectorBoundAt == null) return;
        double top = failing != null ? failing : injectorBoundAt;
        double hi = top;
        double lo = steps.stream()
                .filter(StepResult::valid)
                .filter(StepResult::passed)
                .mapToDouble(StepResult::targetRps)
                .filter(r -> r < top)
                .max()
                .orElse(0);
        for (int i = 0; i < plan.refineSteps() && !withinPrecision(lo, hi) && timeLeft(t0); i++) {
            double mid = (lo + hi) / 2;
            StepResult r = measureRate("refine", mid, t0);
            if (!r.injectorOk()) injectorBoundAt = Math.min(injectorBoundAt == null ? mid : injectorBoundAt, mid);
            if (r.injectorOk() && r.passed()) lo = mid;
            else hi = mid;
        }
    }

    private boolean withinPrecision(double lo, double hi) {
        return lo > 0 && (hi / lo - 1) * 100 <= plan.precisionPct() + 1e-9;
    }

    /**
     * One step at a rate and, while it fails its SLOs on a healthy injector without a stopping error rate, up to
     * capacity.confirmFailures more at the same rate: a p95 of one short window rests on few samples. Not a step that
     * completed under {@link #SATURATED} of the requests it started: no noisy window does that, an overload does.
     * Returns the first that met the SLOs, else the last.
     */
    private StepResult measureRate(String phase, double rate, long t0) throws IOException {
        StepResult r = runStep(phase, rate, requestsPerSession);
        for (int i = 0; i < plan.confirmFailures() && timeLeft(t0); i++) {
            if (r.passed() || !r.injectorOk() || r.errorRatePct() > plan.stopErrorRatePct() || saturated(r)) break;
            r = runStep("confirm", rate, requestsPerSession);
        }
        return r;
    }

    static boolean saturated(StepResult r) {
        return r.offeredRps() > 0 && r.throughputRps() < SATURATED * r.offeredRps();
    }

    private boolean timeLeft(long t0) {
        return System.currentTimeMillis() - t0 + plan.stepEstimate().toMillis()
                <= plan.maxDuration().toMillis();
    }

    private StepResult runStep(String phase, double targetRps, double perSession) throws IOException {
        int index = steps.size() + 1;
        long started = System.currentTimeMillis();
        printStart(index, phase, targetRps, started);
        StepResult r = runner.run(new StepMeasure.Step(index, phase, targetRps, targetRps / perSession));
        loadSeconds += (System.currentTimeMillis() - started) / 1000.0;
        steps.add(r);
        double measured = measuredRequestsPerSession();
        if (measured > 0) requestsPerSession = measured;
        print(r);
        return r;
    }

    /**
     * Step k of at most n ({@link CapacityPlan#mostSteps}) and the most time left (those steps, capped by
     * capacity.maxDuration): the search itself may stop sooner.
     */
    private void printStart(int index, String phase, double targetRps, long now) {
        int most = plan.mostSteps();
        long elapsed = now - searchStart;
        long left = Math.min(
                (long) (most - index + 1) * plan.stepEstimate().toMillis(),
                plan.maxDuration().toMillis() - elapsed);
        out.printf(
                Locale.ROOT,
                "capacity: step %d of at most %d (%s, %s req/s) starting; %s s elapsed, at most %s s left%n",
                index,
                most,
                phase,
                num(targetRps),
                secs(Duration.ofMillis(elapsed)),
                secs(Duration.ofMillis(Math.max(0, left))));
    }

    /** Requests per reader session over every step so far with a healthy injector (closed-model background included). */
    private double measuredRequestsPerSession() {
        double req = 0, sessions = 0;
        for (StepResult s : steps) {
            if (!s.injectorOk() || s.requests() == 0 || s.requestsPerSession() <= 0) continue;
            req += s.requests();
            sessions += s.requests() / s.requestsPerSession();
        }
        return sessions == 0 ? 0 : req / sessions;
    }

    private void print(StepResult r) {
        out.printf(
                Locale.ROOT,
                "capacity: step %2d %-9s target %7s req/s (%s sessions/s): offered %7s, throughput %7s"
                        + " req/s, p50/p95/p99 %d/%d/%d ms, errors %.2f %%, N %.1f: %s%n",
                r.index(),
                r.phase(),
                num(r.targetRps()),
                num(r.sessionsPerSec()),
                num(r.offeredRps()),
                num(r.throughputRps()),
                r.p50Ms(),
                r.p95Ms(),
                r.p99Ms(),
                r.errorRatePct(),
                r.concurrency(),
                !r.injectorOk()
                        ? "INJECTOR LAGGING (" + r.injectorNote() + ")"
                        : r.passed() ? "SLOs met" : String.join("; ", r.failures()));
    }

    private void printConclusion(CapacityResult c, Path dir) {
        out.println("capacity: stopped: " + c.stopReason());
        if (c.injectorBoundAtRps() != null) {
            out.println("capacity: INVALID: injector-bound at " + num(c.injectorBoundAtRps())
                    + " req/s: add injectors or"
                    + " cores; no capacity is given"
                    + (c.lowerBoundRps() == null
                            ? ""
                            : " (the target met every SLO up to " + num(c.lowerBoundRps()) + " req/s: a lower bound)"));
        } else
            out.println("capacity: max sustainable throughput meeting every SLO: "
                    + (c.maxSustainableRps() == null
                            ? "none (the first step already failed)"
                            : num(c.maxSustainableRps()) + " req/s")
                    + (c.firstFailingTargetRps() == null
                            ? " (no step failed: the limit is higher)"
                            : "; first failure at " + num(c.firstFailingTargetRps()) + " req/s, by "
                                    + String.join(", ", c.breaksFirst())));
        if (c.injectorBoundAtRps() == null && c.firstFailingTargetRps() != null) {
            double failing = c.firstFailingTargetRps();
            c.steps().stream()
                    .filter(StepResult::valid)
                    .filter(StepResult::passed)
                    .mapToDouble(StepResult::targetRps)
                    .filter(r -> r < failing)
                    .max()
                    .ifPresent(passing -> out.printf(
                            Locale.ROOT,
                            "capacity: the limit lies between %s req/s (met) and %s req/s (failed): %.1f %% apart%s%n",
                            num(passing),
                            num(failing),
                            (failing / passing - 1) * 100,
                            withinPrecision(passing, failing)
                                    ? ""
                                    : ", wider than capacity.precisionPct (" + num(plan.precisionPct()) + " %)"));
        }
        if (c.background() != null && c.background().verdict() != null)
            out.println("capacity: " + c.background().verdict().replace("**", ""));
        if (c.knee().offeredRps() != null)
            out.println("capacity: knee of p95 at " + num(c.knee().offeredRps()) + " req/s offered");
        if (c.usl() != null) {
            out.printf(
                    Locale.ROOT,
                    "capacity: USL λ=%.3f σ=%.4f κ=%.6f R²=%.3f%s%n",
                    c.usl().lambda(),
                    c.usl().sigma(),
                    c.usl().kappa(),
                    c.usl().rSquared(),
                    c.usl().peakN() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", peak N*=%.1f X(N*)=%.1f req/s",
                                    c.usl().peakN(),
                                    c.usl().peakX()));
        }
        if (c.headroom().headroomPct() != null) {
            out.printf(
                    Locale.ROOT,
                    "capacity: headroom over the expected peak of %s req/s: %+.1f %%%n",
                    num(c.headroom().expectedPeakRps()),
                    c.headroom().headroomPct());
        }
        out.printf(
                Locale.ROOT,
                "capacity: %d steps, %.0f s of load, %.0f s in all; report: %s%n",
                c.steps().size(),
                c.loadSeconds(),
                c.wallSeconds(),
                dir.resolve("index.html").toAbsolutePath().toUri());
    }

    /** The capacity.* and simulator keys in force, for the report. */
    private static Map<String, String> planValues(LoadTestConfig cfg) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Key<?> k : Keys.all()) {
            boolean relevant = k.name().startsWith("capacity.")
                    || k.name().startsWith("traffic.")
                    || k.name().equals(SloKeys.SLO_FILE.name())
                    || (cfg.embedded()
                            && (k.name().startsWith("simulator.workers")
                                    || k.name().startsWith("simulator.serviceTime")
                                    || k.name().equals("simulator.bandwidthMBps")));
            if (!relevant || k.name().equals("traffic.readers.rate") || k.name().equals(CapacityKeys.REPORT_DIR.name()))
                continue;
            cfg.settings()
                    .source()
                    .get(k.name())
                    .map(v -> v.text())
                    .or(() -> Optional.ofNullable(k.defaultValue()))
                    .ifPresent(v -> m.put(k.name(), v));
        }
        return m;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String secs(Duration d) {
        return num(d.toMillis() / 1000.0);
    }

    private static String minutes(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}

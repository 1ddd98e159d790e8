package rdmloadtest.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.history.Fingerprint;
import rdmloadtest.live.LiveRun;
import rdmloadtest.monitor.InjectorSample;
import rdmloadtest.monitor.InjectorValidity;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Format;
import rdmloadtest.slo.Gate;
import rdmloadtest.slo.Measured;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;

/**
 * Turns one run's simulation.log into its {@link RunSummary}: statistics, SLO verdicts, the baseline comparison, the
 * injector's health, and the one verdict they make.
 */
public final class Summarizer {

    /** What a summary is judged against, fixed before the run. */
    public record Inputs(
            Slo slo,
            Duration warmup,
            InjectionPlan plan,
            Duration maxStartLag,
            double maxMissingPct,
            boolean judgeLatency,
            boolean failOnAnyError,
            InjectorValidity.Limits validityLimits,
            Baselines.Resolved baseline,
            Fingerprint fingerprint,
            Map<String, Map<String, String>> configuration,
            List<String> alwaysSent) {
        public Inputs expecting(List<String> names) {
            return new Inputs(
                    slo,
                    warmup,
                    plan,
                    maxStartLag,
                    maxMissingPct,
                    judgeLatency,
                    failOnAnyError,
                    validityLimits,
                    baseline,
                    fingerprint,
                    configuration,
                    List.copyOf(names));
        }
    }

    private Summarizer() {}

    public static RunSummary summarize(SimulationLog log, String runFolder, Inputs in) {
        return summarize(log, runFolder, in, null);
    }

    /** @param monitor the injector's samples during the run, or null when it was not watched (a merged run) */
    public static RunSummary summarize(SimulationLog log, String runFolder, Inputs in, List<InjectorSample> monitor) {
        return summarize(log, runFolder, in, monitor, Optional.empty());
    }

    /** @param aborted why a stop condition ended the run early, if one did (rdmloadtest.live) */
    public static RunSummary summarize(
            SimulationLog log,
            String runFolder,
            Inputs in,
            List<InjectorSample> monitor,
            Optional<LiveRun.Abort> aborted) {
        long origin = log.injectStart();
        long windowStart = origin + in.warmup().toMillis();
        double runSeconds = log.durationSeconds();
        double windowSeconds = Math.max(0, (log.injectEnd() - windowStart) / 1000.0);
        int lastSecond = (int) ((log.injectEnd() - origin) / 1000);

        Map<String, StatsBuilder[]> byPath = new LinkedHashMap<>();
        Map<String, String> nameOfPath = new LinkedHashMap<>();
        Map<String, StatsBuilder[]> byGroup = new LinkedHashMap<>();
        for (SloGroup g : in.slo().groups()) byGroup.put(g.name(), pair(origin, runSeconds, windowSeconds));
        StatsBuilder[] global = pair(origin, runSeconds, windowSeconds);
        for (SimulationLog.Request r : log.requests()) {
            boolean inWindow = r.start() >= windowStart;
            StatsBuilder[] p = byPath.computeIfAbsent(r.path(), k -> pair(origin, runSeconds, windowSeconds));
            nameOfPath.putIfAbsent(r.path(), r.name());
            add(p, r, inWindow);
            add(global, r, inWindow);
            in.slo().groupOf(r.name()).ifPresent(g -> add(byGroup.get(g.name()), r, inWindow));
        }
        // A span (time to searchable) is judged and listed like a request, but no total counts it.
        for (SimulationLog.Request r : log.spans()) {
            boolean inWindow = r.start() >= windowStart;
            StatsBuilder[] p = byPath.computeIfAbsent(r.path(), k -> pair(origin, runSeconds, windowSeconds));
            nameOfPath.putIfAbsent(r.path(), r.name());
            add(p, r, inWindow);
            in.slo().groupOf(r.name()).ifPresent(g -> add(byGroup.get(g.name()), r, inWindow));
        }

        List<RunSummary.RequestSummary> requests = new ArrayList<>();
        List<String> withoutSlo = new ArrayList<>();
        byPath.forEach((path, b) -> {
            String name = nameOfPath.get(path);
            String group = in.slo().groupOf(name).map(SloGroup::name).orElse(null);
            if (group == null) withoutSlo.add(path);
            Stats run = b[0].build(lastSecond);
            requests.add(new RunSummary.RequestSummary(name, path, group, run, windowOf(b[1])));
        });
        List<RunSummary.GroupSummary> groups = new ArrayList<>();
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (SloGroup g : in.slo().groups()) {
            StatsBuilder[] b = byGroup.get(g.name());
            Stats window = windowOf(b[1]);
            groups.add(new RunSummary.GroupSummary(g.name(), g.requests(), b[0].build(lastSecond), window));
            measured.put(
                    g.name(),
                    new Measured(
                            window.count(),
                            window.errorRatePct(),
                            window.rps(),
                            window.p50(),
                            window.p95(),
                            window.p99()));
        }
        Stats globalWindow = windowOf(global[1]);

        List<Check> checks = new ArrayList<>();
        for (Check c : Gate.judge(in.slo(), measured))
            checks.add(in.judgeLatency() || c.metric().equals("error rate") ? c : reportedOnly(c, JUDGE_ERRORS_ONLY));
        if (globalWindow.count() == 0) {
            checks.add(new Check(
                    Check.Kind.SLO,
                    "run",
                    "requests after warm-up",
                    0.0,
                    null,
                    "requests",
                    Check.Status.FAILED,
                    "SLO FAILED: no requests after the warm-up of "
                            + in.warmup().toMillis() / 1000.0
                            + " s: the run is too short to judge (lower slo.warmup or run longer)"));
        }
        Stats globalRun = global[0].build(lastSecond);
        for (String name : in.alwaysSent()) {
            long n = requests.stream()
                    .filter(r -> r.name().equals(name))
                    .mapToLong(r -> r.run().count())
                    .sum();
            checks.add(new Check(
                    Check.Kind.SLO,
                    name,
                    "sent",
                    (double) n,
                    1.0,
                    "requests",
                    n > 0 ? Check.Status.PASSED : Check.Status.FAILED,
                    n > 0
                            ? name + ": " + n + " sent"
                            : "SLO FAILED: " + name + ": never sent, though the journeys always send it"));
        }
        if (in.failOnAnyError()) {
            boolean none = globalRun.ko() == 0;
            checks.add(new Check(
                    Check.Kind.SLO,
                    "run",
                    "failed requests",
                    (double) globalRun.ko(),
                    0.0,
                    "requests",
                    none ? Check.Status.PASSED : Check.Status.FAILED,
                    none
                            ? "no failed request"
                            : "SLO FAILED: " + globalRun.ko() + " failed request(s); slo.failOnAnyError allows none"));
        }
        aborted.ifPresent(a -> checks.add(new Check(
                Check.Kind.ABORT, "run", "stop condition", null, null, "", Check.Status.FAILED, a.message())));
        BaselineReport baseline = Baselines.compare(in.baseline(), groups, checks);

        List<String> invalid = new ArrayList<>();
        InjectorHealth injector = InjectorHealth.of(
                in.plan(),
                log,
                in.maxStartLag(),
                aborted.map(LiveRun.Abort::atEpochMs).orElse(Long.MAX_VALUE));
        List<Check> injectorChecks = injectorChecks(injector, in);
        injectorChecks.stream().filter(Check::failed).forEach(c -> invalid.add(c.message()));
        InjectorValidity.Verdict watched = null;
        if (monitor != null) {
            watched = InjectorValidity.judge(
                    InjectorValidity.window(monitor, windowStart, log.injectEnd()), in.validityLimits());
            for (String reason : watched.reasons()) {
                invalid.add("INJECTOR-BOUND: " + reason);
                injectorChecks.add(new Check(
                        Check.Kind.INJECTOR,
                        "injector",
                        "validity",
                        null,
                        null,
                        "",
                        Check.Status.FAILED,
                        "INJECTOR-BOUND: " + reason));
            }
        }
        boolean targetDown = aborted.map(LiveRun.Abort::targetDown).orElse(false);
        if (!in.judgeLatency() || targetDown) {
            // Only errors are judged, and a starved injector does not make requests fail; nor does it close the
            // target's port or make it answer 503 (LiveRun's target watch): its health is reported only.
            injectorChecks = injectorChecks.stream()
                    .map(c -> c.failed() ? reportedOnly(c, targetDown ? "the target went down" : JUDGE_ERRORS_ONLY) : c)
                    .toList();
            invalid.clear();
        }
        checks.addAll(injectorChecks);
        List<String> failures = checks.stream()
                .filter(Check::failed)
                .filter(c -> c.kind() != Check.Kind.INJECTOR)
                .map(Check::message)
                .toList();
        boolean passed = failures.isEmpty();
        boolean valid = invalid.isEmpty();
        RunSummary.Verdict verdict =
                !valid ? RunSummary.Verdict.INVALID : passed ? RunSummary.Verdict.PASSED : RunSummary.Verdict.FAILED;
        return new RunSummary(
                RunSummary.SCHEMA,
                log.header().simulationClass(),
                runFolder,
                log.header().gatlingVersion(),
                Instant.ofEpochMilli(log.header().runStart()).toString(),
                log.injectStart(),
                log.injectEnd(),
                log.durationSeconds(),
                in.warmup().toMillis() / 1000.0,
                windowSeconds,
                log.truncated(),
                verdict,
                passed,
                valid,
                failures,
                List.copyOf(invalid),
                RunSummary.PERCENTILES,
                globalRun,
                globalWindow,
                groups,
                requests,
                withoutSlo,
                in.slo().source(),
                checks,
                injector,
                watched,
                baseline,
                in.fingerprint(),
                in.configuration());
    }

    private static final String JUDGE_ERRORS_ONLY = "slo.judgeLatency=false";

    /** A check kept for the record, not the verdict ({@code why}: slo.judgeLatency=false, the target went down). */
    private static Check reportedOnly(Check c, String why) {
        return new Check(
                c.kind(),
                c.subject(),
                c.metric(),
                c.measured(),
                c.objective(),
                c.unit(),
                Check.Status.SKIPPED,
                "reported only (" + why + "): " + c.message());
    }

    private static List<Check> injectorChecks(InjectorHealth h, Inputs in) {
        List<Check> out = new ArrayList<>();
        if (!h.checked()) {
            out.add(new Check(
                    Check.Kind.INJECTOR,
                    "injector",
                    "start lag",
                    null,
                    null,
                    "ms",
                    Check.Status.SKIPPED,
                    "injector not checked: the simulation passed no injection plan to RunReport.install"));
            return out;
        }
        long maxLag = in.maxStartLag().toMillis();
        for (InjectorHealth.Scenario s : h.scenarios()) {
            boolean lagOk = s.p99LagMs() <= maxLag;
            out.add(new Check(
                    Check.Kind.INJECTOR,
                    s.name(),
                    "p99 start lag",
                    (double) s.p99LagMs(),
                    (double) maxLag,
                    "ms",
                    lagOk ? Check.Status.PASSED : Check.Status.FAILED,
                    (lagOk ? "injector kept up: " : "INJECTOR LAGGING: ") + s.name() + " p99 start lag = "
                            + s.p99LagMs()
                            + " ms" + (lagOk ? " ≤ " : " > ") + maxLag + " ms (" + s.usersLate() + " of " + s.started()
                            + " users started more than " + maxLag + " ms late)"));
            boolean missOk = s.missingPct() <= in.maxMissingPct();
            out.add(new Check(
                    Check.Kind.INJECTOR,
                    s.name(),
                    "users never started",
                    s.missingPct(),
                    in.maxMissingPct(),
                    "%",
                    missOk ? Check.Status.PASSED : Check.Status.FAILED,
                    (missOk ? "injector kept up: " : "INJECTOR LAGGING: ") + s.name() + " started " + s.started()
                            + " of "
                            + s.planned() + " planned users; " + s.missing() + " never started ("
                            + Format.pct(s.missingPct())
                            + (missOk ? " ≤ " : " > ") + Format.num(in.maxMissingPct()) + " %)"));
        }
        return out;
    }

    private static StatsBuilder[] pair(long origin, double runSeconds, double windowSeconds) {
        return new StatsBuilder[] {
            new StatsBuilder(origin, runSeconds), new StatsBuilder(origin, Math.max(windowSeconds, 1e-3))
        };
    }

    private static void add(StatsBuilder[] b, SimulationLog.Request r, boolean inWindow) {
        b[0].add(r);
        if (inWindow) b[1].add(r);
    }

    /** The window's figures without a per-second series (the run's series already covers those seconds). */
    private static Stats windowOf(StatsBuilder b) {
        Stats s = b.build(-1);
        return new Stats(
                s.count(),
                s.ok(),
                s.ko(),
                s.errorRatePct(),
                s.rps(),
                s.min(),
                s.mean(),
                s.p50(),
                s.p75(),
                s.p90(),
                s.p95(),
                s.p99(),
                s.p999(),
                s.max(),
                List.of());
    }
}

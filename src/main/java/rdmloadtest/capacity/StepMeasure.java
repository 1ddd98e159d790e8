package rdmloadtest.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.monitor.InjectorValidity;
import rdmloadtest.results.InjectorHealth;
import rdmloadtest.results.Latencies;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Gate;
import rdmloadtest.slo.Measured;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;

/**
 * Measures one step from its simulation.log on the window [start, end) (epoch ms): the steady part only.
 * Percentiles come from {@link Latencies}, like every other figure of the toolkit.
 */
public final class StepMeasure {
    /** The subject of the keep-up check: every request of the step, not one SLO group. */
    static final String KEPT_UP = "throughput";

    private StepMeasure() {}

    /** The step's identity and the conditions it ran under, as the search planned them. */
    public record Step(int index, String phase, double targetRps, double sessionsPerSec) {}

    public static StepResult measure(
            Step step,
            SimulationLog log,
            long start,
            long end,
            Slo slo,
            InjectorHealth injector,
            InjectorValidity.Verdict watched,
            Duration maxStartLag,
            double maxMissingPct,
            String readersScenario,
            String runFolder,
            double keepUpPct) {
        double seconds = (end - start) / 1000.0;
        Values all = new Values();
        Map<String, Values> byGroup = new LinkedHashMap<>();
        for (SloGroup g : slo.groups()) byGroup.put(g.name(), new Values());
        long completedOk = 0;
        for (SimulationLog.Request r : log.requests()) {
            if (r.ok() && r.end() >= start && r.end() < end) completedOk++;
            if (r.start() < start || r.start() >= end) continue;
            all.add(r);
            slo.groupOf(r.name()).ifPresent(g -> byGroup.get(g.name()).add(r));
        }
        for (SimulationLog.Request r : log.spans()) {
            if (r.start() >= start && r.start() < end)
                slo.groupOf(r.name()).ifPresent(g -> byGroup.get(g.name()).add(r));
        }
        // Over the whole run: a session's requests may start after the window its session started in.
        long sessions = log.users().stream()
                .filter(u -> u.start() && u.scenario().equals(readersScenario))
                .count();

        Map<String, Measured> measured = new LinkedHashMap<>();
        byGroup.forEach((name, v) -> measured.put(name, v.measured(seconds)));
        List<Check> checks = new ArrayList<>(Gate.judge(slo, measured).stream()
                .filter(c -> !c.metric().equals("throughput"))
                .toList());
        keptUp(all.n, completedOk, keepUpPct).ifPresent(checks::add);
        List<StepResult.GroupStep> groups = new ArrayList<>();
        for (SloGroup g : slo.groups()) {
            Values v = byGroup.get(g.name());
            if (v.n == 0) continue;
            List<String> fails = checks.stream()
                    .filter(c -> c.subject().equals(g.name()) && c.failed())
                    .map(Check::message)
                    .toList();
            groups.add(new StepResult.GroupStep(
                    g.name(),
                    v.n,
                    v.errorRatePct(),
                    v.latencies.percentile(50),
                    v.latencies.percentile(95),
                    v.latencies.percentile(99),
                    fails.isEmpty(),
                    fails));
        }
        double throughput = completedOk / seconds;
        double mean = all.n == 0 ? 0 : (double) all.sum / all.n;
        boolean injectorOk = true;
        String note = "not checked";
        if (injector.checked()) {
            InjectorHealth.Scenario sc = injector.scenarios().stream()
                    .filter(x -> x.name().equals(readersScenario))
                    .findFirst()
                    .orElse(null);
            if (sc != null) {
                injectorOk = sc.p99LagMs() <= maxStartLag.toMillis() && sc.missingPct() <= maxMissingPct;
                note = "p99 start lag " + sc.p99LagMs() + " ms, " + sc.missing() + " of " + sc.planned()
                        + " users never started";
            }
        }
        if (watched != null && !watched.valid()) {
            injectorOk = false;
            note = String.join("; ", watched.reasons());
        }
        return new StepResult(
                step.index(),
                step.phase(),
                step.targetRps(),
                step.sessionsPerSec(),
                all.n / seconds,
                throughput,
                all.n,
                all.ko,
                all.errorRatePct(),
                mean,
                all.latencies.percentile(50),
                all.latencies.percentile(95),
                all.latencies.percentile(99),
                all.latencies.max(),
                throughput * mean / 1000.0,
                sessions == 0 ? 0 : (double) log.requests().size() / sessions,
                groups,
                checks,
                injectorOk,
                note,
                watched,
                runFolder);
    }

    /**
     * Whether the throughput kept up with the offered rate: the successful responses completed in the window are at
     * least {@code keepUpPct} % of the requests started in it (capacity.keepUpPct; empty when 0). Free of latency: a
     * queue that stays bounded passes whatever its waits, one that grows for the whole window fails.
     */
    static Optional<Check> keptUp(long started, long completedOk, double keepUpPct) {
        if (keepUpPct <= 0 || started == 0) return Optional.empty();
        double pct = 100.0 * completedOk / started;
        boolean ok = pct >= keepUpPct;
        return Optional.of(new Check(
                Check.Kind.SLO,
                KEPT_UP,
                "completed",
                pct,
                keepUpPct,
                "%",
                ok ? Check.Status.PASSED : Check.Status.FAILED,
                String.format(
                        Locale.ROOT,
                        "%s: completed %.1f %% of the requests started %s %s %% (capacity.keepUpPct)",
                        ok ? "SLO met" : "SLO FAILED",
                        pct,
                        ok ? "≥" : "<",
                        CapacitySearch.num(keepUpPct))));
    }

    private static final class Values {
        final Latencies latencies = new Latencies();
        long n;
        long ko;
        long sum;

        void add(SimulationLog.Request r) {
            latencies.add(r.responseTime());
            n++;
            sum += r.responseTime();
            if (!r.ok()) ko++;
        }

        double errorRatePct() {
            return n == 0 ? 0 : 100.0 * ko / n;
        }

        Measured measured(double seconds) {
            return new Measured(
                    n,
                    errorRatePct(),
                    n / seconds,
                    latencies.percentile(50),
                    latencies.percentile(95),
                    latencies.percentile(99));
        }
    }
}

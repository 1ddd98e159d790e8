package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.slo.Check;

/** The maths of the report on made-up steps whose answers are known. */
class CapacityAnalysisTest {

    @Test
    void uslFitRecoversKnownCoefficients() {
        double lambda = 100, sigma = 0.05, kappa = 0.001;
        double[] n = new double[30];
        double[] x = new double[30];
        for (int i = 0; i < n.length; i++) {
            n[i] = 1 + 2 * i;
            x[i] = lambda * n[i] / (1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1)) * (i % 2 == 0 ? 1.005 : 0.995);
        }
        UslFit f = UslFit.fit(n, x).orElseThrow();
        assertEquals(lambda, f.lambda(), lambda * 0.02);
        assertEquals(sigma, f.sigma(), 0.005);
        assertEquals(kappa, f.kappa(), 0.0002);
        assertEquals(Math.sqrt((1 - sigma) / kappa), f.peakN(), 3);
        assertTrue(f.rSquared() > 0.99, "R² " + f.rSquared());
    }

    @Test
    void uslNeedsThreePoints() {
        assertTrue(UslFit.fit(new double[] {1, 2}, new double[] {10, 20}).isEmpty());
        // Steps that scaled perfectly (seen in a capacity search of the embedded simulator): no peak, no crash.
        UslFit linear = UslFit.fit(new double[] {0.8, 0.5, 0.8, 1.0}, new double[] {43.3, 22.6, 38.9, 53.6})
                .orElseThrow();
        assertTrue(linear.peakX() == null || linear.peakX() > 0, linear.toString());
    }

    @Test
    void kneedleFindsTheLastPointBeforeLatencyTakesOff() {
        double[] load = {50, 100, 150, 200, 250, 300, 350};
        double[] p95 = {20, 21, 22, 24, 60, 100, 140};
        assertEquals(3, Kneedle.knee(load, p95).orElseThrow());
    }

    @Test
    void flatLatencyHasNoKnee() {
        assertTrue(Kneedle.knee(new double[] {1, 2, 3, 4}, new double[] {20, 21, 21, 22})
                .isEmpty());
    }

    @Test
    void sustainableRateIsTheBestPassBelowTheFirstFailureOfAnyGroupAndEachGroupHasItsOwnLimit() {
        List<StepResult> steps = List.of(
                step(1, StepResult.WARMUP, 100, 100, true, true),
                step(2, "step", 100, 99, true, true),
                step(3, "step", 200, 198, true, false),
                step(4, "step", 300, 250, false, false),
                step(5, "refine", 250, 247, true, false),
                step(6, "step", 400, 260, true, true)); // a pass above a failure is noise, not capacity
        CapacityAnalysis.Limits l = CapacityAnalysis.mixLimit(steps);
        assertEquals(99, l.maxSustainableRps());
        assertEquals(2, l.step());
        assertEquals(200, l.firstFailingTargetRps());
        rdmloadtest.slo.Slo slo = rdmloadtest.slo.Slo.read("classpath:slo/invenio-default.json");
        List<CapacityResult.GroupLimit> g = CapacityAnalysis.groupLimits(slo, steps);
        CapacityResult.GroupLimit search =
                g.stream().filter(x -> x.name().equals("search")).findFirst().orElseThrow();
        CapacityResult.GroupLimit view = g.stream()
                .filter(x -> x.name().equals("record view"))
                .findFirst()
                .orElseThrow();
        assertEquals(200, search.failedAtTargetRps());
        assertEquals(99, search.limitRps());
        assertEquals(300, view.failedAtTargetRps());
        assertEquals(247, view.limitRps());
        assertEquals(List.of("search"), CapacityAnalysis.breaksFirst(g));
        assertEquals(-1.2, CapacityAnalysis.headroom(247.0, 250).headroomPct(), 0.01);
    }

    /**
     * Each step's tiers.json read back: the reference step, the utilization-law bounds, the limiting tier, the order
     * of saturation, the sizing for the peak and the what-if predictions.
     */
    @Test
    void tierMetricsOfTheStepsNameTheTierThatLimitsFirstAndWhatToAdd(@TempDir Path root) throws Exception {
        List<StepResult> steps = List.of(
                step(1, "step", 10, 10, true, true),
                step(2, "step", 20, 19.5, true, true),
                step(3, "step", 32, 31, false, false));
        for (int i = 1; i <= 3; i++) {
            double x = steps.get(i - 1).throughputRps();
            // app workers: 60 ms per request on 2 workers; search: 20 ms on 1 core; the machine shares its 2 cores.
            var report = new rdmloadtest.metrics.TierMetrics.Report(
                    0,
                    60,
                    x,
                    List.of(
                            new rdmloadtest.metrics.TierMetrics.TierUsage(
                                    "app workers", 0.06 * x, 2.0, 3.0 * x, 60, null),
                            new rdmloadtest.metrics.TierMetrics.TierUsage("search", 0.02 * x, 1.0, 2.0 * x, 20, null),
                            new rdmloadtest.metrics.TierMetrics.TierUsage(
                                    "machine", 0.025 * x, 2.0, 1.25 * x, 25, null),
                            new rdmloadtest.metrics.TierMetrics.TierUsage("injector", 0.5, null, null, 500 / x, null)),
                    "app workers");
            Files.createDirectories(root.resolve("run-" + i));
            rdmloadtest.metrics.TierMetrics.write(root.resolve("run-" + i).resolve("tiers.json"), report);
        }
        List<TierSteps.Row> rows = TierSteps.read(root, steps);
        assertEquals(3, rows.size());
        TierSteps.Row ref = TierSteps.reference(rows).orElseThrow();
        assertEquals(2, ref.step().index(), "the highest throughput that met the SLOs");
        Attribution a = Attribution.of(rows, 19.5, 100, 70, 2);
        // 2 workers / 60 ms = 33.3 req/s; 1 core / 20 ms = 50 req/s; the machine's 2 cores / 25 ms = 80 req/s.
        assertEquals("app workers", a.limitingTier());
        assertEquals(33.33, a.boundRps(), 0.01);
        assertEquals(List.of("app workers", "search", "machine"), a.saturationOrder(), "the shared cores: 80 req/s");
        Attribution.TierLimit app = a.tiers().get(0);
        Attribution.TierLimit search = a.tiers().get(1);
        assertEquals(3, a.tiers().size(), "the injector is not a tier of the target");
        assertEquals(50.0, search.boundRps(), 0.01);
        // At step 3 (32 req/s offered, 31 served) the app workers ran at 93 % of their 2 workers; search at 62 %.
        assertEquals(32.0, app.saturatedAtOfferedRps());
        assertNull(search.saturatedAtOfferedRps());
        // 100 req/s × 60 ms / 0.7 = 8.57 workers: 7 more than 2; search 100 × 20 ms / 0.7 = 2.86 cores: 2 more.
        assertEquals(8.571, app.neededForPeak(), 0.001);
        assertEquals(7.0, app.toAdd());
        assertEquals(2.0, search.toAdd());
        Attribution.WhatIf doubleApp = a.whatIf().get(0);
        assertEquals("app workers", doubleApp.tier());
        assertEquals("search", doubleApp.thenLimits(), "66.7 req/s for the app, 50 for search");
        assertEquals(50.0, doubleApp.boundRps(), 0.01);
        // The queueing model: the rate at which its response time reaches the reference step's 20 ms.
        assertTrue(doubleApp.modelled());
        assertTrue(doubleApp.predictedRps() > 19.5 && doubleApp.predictedRps() < 50, "" + doubleApp);
        Attribution.WhatIf doubleSearch = a.whatIf().get(1);
        assertEquals("app workers", doubleSearch.thenLimits());
        assertTrue(
                doubleSearch.predictedRps() >= 19.5 && doubleSearch.predictedRps() < doubleApp.predictedRps(),
                "scaling a tier that does not limit gains little: " + doubleSearch);
        assertTrue(a.findings().isEmpty(), a.findings().toString());
        String md = TierSteps.markdown(rows, a);
        assertTrue(md.contains("app workers limits first, at 33.3 req/s"), md);
        assertTrue(md.contains("app workers → search"), md);
        assertTrue(
                md.contains(String.format(
                        Locale.ROOT,
                        "scaling app workers ×2 → bound 50.0 req/s, about %.1f req/s sustainable (queueing model),"
                                + " then search limits",
                        doubleApp.predictedRps())),
                md);
        assertTrue(md.contains("**Self-check passed:**"), md);
        assertTrue(TierSteps.conclusion(List.of(), a).get(0).contains("app workers limits first at 33.3 req/s"));
        assertNull(Attribution.of(List.of(), 19.5, 100, 70, 2), "no tier metrics: no attribution");
    }

    @Test
    void eachStepShowsTheMachinesCpuNoTierExplainsAndWarnsAboveFifteenPercent() {
        // step 1: machine 1.0 core, tiers 0.9 (10 %); step 2: machine 1.5, tiers 1.2 (20 %, warned)
        List<TierSteps.Row> rows = List.of(
                new TierSteps.Row(step(1, "step", 10, 10, true, true), tiers(10, 0.6, 0.2, 0.1, 1.0)),
                new TierSteps.Row(step(2, "step", 20, 20, true, true), tiers(20, 0.8, 0.3, 0.1, 1.5)));
        String md = TierSteps.markdown(rows, null);
        assertTrue(md.contains("| machine | Unattributed |"), md);
        assertTrue(md.contains("| 1.00 (100.0) | 0.10 (10 %) |"), md);
        assertTrue(md.contains("| 1.50 (75.0) | 0.30 (20 %) |"), md);
        assertTrue(
                md.contains("**Warning:** at step 2 more than 15 % of the machine's CPU is explained by no tier"), md);
        List<String> console = TierSteps.conclusion(rows, null);
        assertEquals(1, console.size(), console.toString());
        assertTrue(
                console.get(0).startsWith("capacity: step 2: unattributed CPU: 0.300 cores, 20.0 %"), console.get(0));
        assertTrue(console.get(0).contains("WARNING"), console.get(0));
    }

    private static TierMetrics.Report tiers(double x, double app, double search, double injector, double machine) {
        return new TierMetrics.Report(
                0,
                60,
                x,
                List.of(
                        new TierMetrics.TierUsage("app workers", app, 2.0, 50 * app, 1000 * app / x, null),
                        new TierMetrics.TierUsage("search", search, null, null, 1000 * search / x, null),
                        new TierMetrics.TierUsage("injector", injector, null, null, 1000 * injector / x, null),
                        new TierMetrics.TierUsage("machine", machine, 2.0, 50 * machine, 1000 * machine / x, null)),
                "app workers");
    }

    /** A step where "record view" meets its SLO when {@code viewOk} and "search" when {@code searchOk}. */
    private static StepResult step(
            int i, String phase, double target, double throughput, boolean viewOk, boolean searchOk) {
        List<Check> checks = List.of(check("record view", viewOk), check("search", searchOk));
        List<StepResult.GroupStep> groups = List.of(
                new StepResult.GroupStep(
                        "record view", 100, 0, 10, 20, 30, viewOk, viewOk ? List.of() : List.of("view slow")),
                new StepResult.GroupStep(
                        "search", 100, 0, 10, 20, 30, searchOk, searchOk ? List.of() : List.of("search slow")));
        return stepOf(i, phase, target, throughput, groups, checks);
    }

    /** A valid step of 300 requests (p50 10 ms, p95 20 ms) with these groups and checks; the tests' one builder. */
    static StepResult stepOf(
            int i,
            String phase,
            double target,
            double throughput,
            List<StepResult.GroupStep> groups,
            List<Check> checks) {
        return new StepResult(
                i,
                phase,
                target,
                target,
                target,
                throughput,
                300,
                0,
                0,
                20,
                10,
                20,
                30,
                40,
                1,
                1,
                groups,
                checks,
                true,
                "",
                null,
                "run-" + i);
    }

    static Check check(String group, boolean ok) {
        return new Check(
                Check.Kind.SLO,
                group,
                "p95",
                1.0,
                1.0,
                "ms",
                ok ? Check.Status.PASSED : Check.Status.FAILED,
                ok ? "met" : group + " slow");
    }
}

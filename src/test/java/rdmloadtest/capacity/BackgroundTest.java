package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.slo.Check;

/** When the capacity report names background workers as what fails, from each step's figures (no load). */
class BackgroundTest {
    private static final String SEARCHABLE = "time to searchable";

    @Test
    void aFirstFailureOnTimeToSearchableNamesBackgroundWorkers() {
        List<StepResult> steps = List.of(step(1, 10, true, true, 1200, 1800), step(2, 20, true, false, 4100, 9300));
        Background b = Background.of(steps, List.of(), SEARCHABLE);
        assertNotNull(b.verdict());
        assertTrue(
                b.verdict()
                        .startsWith("At step 2, the first to fail (20.0 req/s offered), what fails is"
                                + " **background workers**: time to searchable failed (p50 4100 ms, p95 9300 ms"),
                b.verdict());
        assertNull(b.tier(), "no tier metrics");
        assertEquals("1200/1800", b.searchableCell(1));
        assertEquals("4100/9300 ✗", b.searchableCell(2));
        assertEquals("–", b.queueCell(2));
        CapacityResult c = result(steps, b);
        String md = CapacityReport.markdown(c);
        assertTrue(md.contains("| Time to searchable p50/p95 | SLOs |"), md);
        assertTrue(md.contains("| 4100/9300 ✗ |"), md);
        assertTrue(md.contains("- At step 2, the first to fail"), md);
        assertTrue(CapacityReport.html(c).contains("<th>Time to searchable p50/p95</th>"));
    }

    @Test
    void aFirstFailureElsewhereDoesNotNameThem() {
        List<StepResult> steps = List.of(step(1, 10, true, true, 1200, 1800), step(2, 20, false, true, 1300, 1900));
        Background b = Background.of(steps, List.of(), SEARCHABLE);
        assertNull(b.verdict(), "search failed, time to searchable met its objectives");
        assertFalse(CapacityReport.markdown(result(steps, b)).contains("what fails is"));
    }

    @Test
    void aQueueThatGrowsWhileTheWorkersAreSaturatedNamesThem() {
        // Time to searchable still met (its records were published early), but the queue grew from 2 to 14.
        List<StepResult> steps = List.of(step(1, 10, true, true, 1200, 1800), step(2, 20, false, true, 1300, 1900));
        List<TierSteps.Row> rows = List.of(
                new TierSteps.Row(steps.get(0), tiers(0.4, 0.3, 0, 1)),
                new TierSteps.Row(steps.get(1), tiers(1.0, 8.0, 2, 14)));
        Background b = Background.of(steps, rows, SEARCHABLE);
        assertEquals(Background.TIER, b.tier());
        assertTrue(
                b.verdict().contains("their queue grew from 2 to 14 over the step with 100 % of their 1 workers busy"),
                b.verdict());
        assertTrue(b.verdict().endsWith("(also failing there: search)."), b.verdict());
        assertEquals("8 (2→14)", b.queueCell(2));
        String md = CapacityReport.markdown(result(steps, b));
        assertTrue(md.contains("| Background queue | Time to searchable p50/p95 | SLOs |"), md);
    }

    @Test
    void aQueueThatGrowsWithIdleWorkersOrStaysFlatDoesNot() {
        List<StepResult> steps = List.of(step(1, 10, false, true, 1200, 1800));
        // Busy 50 %: the queue is a burst the workers will drain.
        assertNull(Background.of(steps, List.of(new TierSteps.Row(steps.get(0), tiers(0.5, 3, 0, 6))), SEARCHABLE)
                .verdict());
        // Saturated but the queue did not grow.
        assertNull(Background.of(steps, List.of(new TierSteps.Row(steps.get(0), tiers(1.0, 3, 3, 3))), SEARCHABLE)
                .verdict());
    }

    @Test
    void withoutDepositorsOrTheTierThereIsNothingToShow() {
        StepResult s = step(1, 10, true, true, 0, 0);
        StepResult readersOnly = new StepResult(
                1, "step", 10, 10, 10, 10, 300, 0, 0, 20, 10, 20, 30, 40, 1, 1, List.of(), List.of(), true, "", null,
                "run-1");
        assertNull(Background.of(List.of(readersOnly), List.of(), SEARCHABLE));
        assertNotNull(Background.of(List.of(s), List.of(), SEARCHABLE));
    }

    private static TierMetrics.Report tiers(double busy, double queue, double start, double end) {
        return new TierMetrics.Report(
                0,
                12,
                10,
                List.of(new TierMetrics.TierUsage(
                        Background.TIER, busy, 1.0, 100 * busy, 100 * busy, queue, "workers", List.of(), start, end)),
                Background.TIER);
    }

    private static StepResult step(int i, double target, boolean searchOk, boolean searchableOk, int p50, int p95) {
        List<Check> checks = new ArrayList<>(List.of(
                CapacityAnalysisTest.check("search", searchOk), CapacityAnalysisTest.check(SEARCHABLE, searchableOk)));
        List<StepResult.GroupStep> groups = List.of(
                new StepResult.GroupStep(
                        "search", 100, 0, 10, 20, 30, searchOk, searchOk ? List.of() : List.of("search slow")),
                new StepResult.GroupStep(
                        SEARCHABLE,
                        4,
                        0,
                        p50,
                        p95,
                        p95,
                        searchableOk,
                        searchableOk ? List.of() : List.of("SLO FAILED: p95 " + p95 + " ms > 5000 ms")));
        return CapacityAnalysisTest.stepOf(i, "step", target, target, groups, checks);
    }

    private static CapacityResult result(List<StepResult> steps, Background b) {
        return new CapacityResult(
                CapacityResult.SCHEMA,
                "simulator",
                "mix",
                "classpath:slo/invenio-default.json",
                "2026-12-07T00:00:00Z",
                30,
                40,
                "test",
                10.0,
                1,
                null,
                null,
                20.0,
                List.of(SEARCHABLE),
                List.of(),
                CapacityAnalysis.knee(steps),
                null,
                CapacityAnalysis.headroom(10.0, 100),
                steps,
                Map.of(),
                null,
                null,
                b);
    }
}

package rdmloadtest.history;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdmloadtest.history.Baseline.Finding;
import rdmloadtest.history.Baseline.GroupFigures;

class BaselineTest {
    private static final Baseline.Tolerances TOL = new Baseline.Tolerances(15, 10, 10, 0.5);

    private static Map<String, GroupFigures> run(double p95, double p99, double rps, double errors) {
        return Map.of("search", new GroupFigures("search", 1000, p95 / 2, p95, p99, rps, errors));
    }

    private static Finding finding(List<Finding> all, String figure) {
        return all.stream().filter(f -> f.figure().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void theNormIsTheMedianOfTheRunsSoOneOutlierDoesNotMoveIt() {
        Baseline b = Baseline.of(
                List.of(
                        run(100, 150, 50, 0),
                        run(104, 150, 50, 0),
                        run(98, 150, 50, 0),
                        run(400, 900, 20, 5),
                        run(102, 150, 50, 0)),
                "the last 5 good runs",
                TOL);
        assertEquals(102, b.norms().get("search").get("p95").median());
        // Spread of 100, 104, 98, 400, 102 around 102: deviations 2, 2, 4, 298, 0 → MAD 2 → margin 3 × 1.4826 × 2.
        assertEquals(10, b.norms().get("search").get("p95").margin(), 1e-9, "below the 10 ms floor");
    }

    @Test
    void aDriftOfFifteenPercentANightIsCaughtAgainstTheMedianNotWavedThroughByAFixedTolerance() {
        List<Map<String, GroupFigures>> nights = List.of(
                run(200, 300, 50, 0),
                run(202, 300, 50, 0),
                run(199, 300, 50, 0),
                run(201, 300, 50, 0),
                run(200, 300, 50, 0));
        Baseline b = Baseline.of(nights, "the last 5 good runs", TOL);
        Finding p95 = finding(b.compare(run(230, 300, 50, 0)), "p95");
        assertTrue(p95.regressed(), p95.message());
        assertEquals(
                "REGRESSION: search p95 = 230 ms vs 200 ms (the last 5 good runs), noise margin 10 ms", p95.message());
        assertFalse(finding(b.compare(run(208, 300, 50, 0)), "p95").regressed(), "within the runs' own noise");
    }

    @Test
    void noisyRunsGetAWiderMargin() {
        Baseline b = Baseline.of(
                List.of(
                        run(200, 300, 50, 0),
                        run(260, 300, 50, 0),
                        run(150, 300, 50, 0),
                        run(230, 300, 50, 0),
                        run(180, 300, 50, 0)),
                "runs",
                TOL);
        // Median 200; deviations 0, 60, 50, 30, 20 → MAD 30 → margin 133.4 ms.
        assertEquals(3 * 1.4826 * 30, b.norms().get("search").get("p95").margin(), 1e-9);
        assertFalse(finding(b.compare(run(300, 300, 50, 0)), "p95").regressed());
    }

    @Test
    void aPinnedSingleRunUsesTheConfiguredTolerances() {
        Baseline b = Baseline.of(List.of(run(200, 300, 50, 1)), "baseline.json", TOL);
        List<Finding> f = b.compare(run(229, 346, 44, 1.6));
        assertFalse(finding(f, "p95").regressed(), "+14.5 % < 15 %");
        assertTrue(finding(f, "p99").regressed(), "+15.3 % > 15 %");
        assertTrue(finding(f, "throughput").regressed(), "-12 % > 10 % fewer requests per second");
        assertTrue(finding(f, "error rate").regressed(), "+0.6 points > 0.5");
    }

    @Test
    void lessThroughputIsWorseButMoreIsNot() {
        Baseline b = Baseline.of(List.of(run(200, 300, 50, 0)), "baseline.json", TOL);
        assertFalse(finding(b.compare(run(200, 300, 80, 0)), "throughput").regressed());
    }

    @Test
    void groupsWithoutRequestsAreNotJudged() {
        Baseline b = Baseline.of(List.of(run(200, 300, 50, 0)), "baseline.json", TOL);
        assertTrue(b.compare(Map.of("search", new GroupFigures("search", 0, 0, 0, 0, 0, 0)))
                .isEmpty());
        assertTrue(b.compare(Map.of("deposit", new GroupFigures("deposit", 5, 900, 900, 900, 1, 0)))
                .isEmpty());
    }

    private static Map<String, GroupFigures> few(long count, double p95, double p99, double rps) {
        return Map.of("dashboard", new GroupFigures("dashboard", count, p95 / 2, p95, p99, rps, 0));
    }

    /** Seen in the trends example: identical runs, a p99 of ~150 responses and a throughput of ~6 responses. */
    @Test
    void percentilesOfTooFewResponsesAreNotJudgedAndThroughputAllowsForCountingNoise() {
        Baseline b = Baseline.of(
                List.of(few(150, 100, 162, 0.3), few(150, 100, 162, 0.3), few(150, 100, 162, 0.3)),
                "the last 3 good runs",
                TOL);
        List<Finding> f = b.compare(few(150, 100, 186, 0.29));
        Finding p99 = finding(f, "p99");
        assertFalse(p99.regressed(), p99.message());
        assertEquals("not judged: dashboard p99 over 150 responses (fewer than 300) is noise", p99.message());
        assertFalse(finding(f, "p95").message().startsWith("not judged"), "150 responses are enough for a p95");
        assertFalse(
                finding(f, "throughput").regressed(), finding(f, "throughput").message());
        // The throughput margin is about 3 sqrt(N) responses: 150 responses at 0.3/s, margin 3 × 0.3 / sqrt(150).
        assertEquals(3 * 0.3 / Math.sqrt(150), finding(f, "throughput").margin(), 1e-9);
        assertTrue(finding(b.compare(few(150, 100, 162, 0.2)), "throughput").regressed(), "a third fewer is real");
    }
}

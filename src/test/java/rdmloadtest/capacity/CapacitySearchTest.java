package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Gate;
import rdmloadtest.slo.Measured;
import rdmloadtest.slo.Slo;

/**
 * The search's algorithm against a model of a server with a known capacity and a known knee: no Gatling, no wall
 * clock, so its answer is exact on any machine. What the search finds against the real simulator is measured by
 * scripts/bench-capacity.sh.
 */
class CapacitySearchTest {
    @TempDir
    Path tmp;

    /** Requests each session of the model's mix sends (what the warm-up measures). */
    private static final double PER_SESSION = 3;

    /**
     * A server that answers in 20 ms up to {@code capacity} req/s and queues beyond it; an injector that gives out
     * from {@code injectorLimit} req/s on. Every step the search ran is added to {@code seen}.
     */
    private static CapacitySearch.StepRunner server(
            Slo slo,
            double capacity,
            double injectorLimit,
            Set<Double> slowOnce,
            List<StepMeasure.Step> seen,
            boolean depositors) {
        return step -> {
            seen.add(step);
            double rate = step.targetRps();
            double throughput = Math.min(rate, capacity);
            // A rate in slowOnce answers its first measurement as if at twice the capacity: a noisy window.
            double felt = slowOnce.remove(rate) ? 2 * capacity : rate;
            int p50 = felt <= capacity ? 20 : (int) (20 + 1000 * (felt / capacity - 1));
            Map<String, Measured> measured = Map.of("record view", new Measured(1000, 0, rate, p50, p50 * 2, p50 * 3));
            List<Check> checks = Gate.judge(slo, measured).stream()
                    .filter(c -> !c.metric().equals("throughput"))
                    .toList();
            boolean injectorOk = rate < injectorLimit;
            return new StepResult(
                    step.index(),
                    step.phase(),
                    rate,
                    step.sessionsPerSec(),
                    rate,
                    throughput,
                    1000,
                    0,
                    0,
                    p50,
                    p50,
                    p50 * 2,
                    p50 * 3,
                    p50 * 4,
                    throughput * p50 / 1000.0,
                    PER_SESSION,
                    groups(p50, checks, depositors ? (int) (1000 * (1 + rate / capacity)) : -1),
                    checks,
                    injectorOk,
                    injectorOk ? "" : "machine CPU above 85 % of 2 cores in 60 % of the seconds",
                    null,
                    "run-" + step.index());
        };
    }

    /** The step's SLO groups; with depositors ({@code searchableP50} ≥ 0) also their time to searchable. */
    private static List<StepResult.GroupStep> groups(int p50, List<Check> checks, int searchableP50) {
        List<StepResult.GroupStep> groups = new ArrayList<>(List.of(new StepResult.GroupStep(
                "record view",
                1000,
                0,
                p50,
                p50 * 2,
                p50 * 3,
                checks.stream().noneMatch(Check::failed),
                checks.stream().filter(Check::failed).map(Check::message).toList())));
        if (searchableP50 >= 0) {
            groups.add(new StepResult.GroupStep(
                    "time to searchable", 10, 0, searchableP50, searchableP50 * 2, searchableP50 * 2, true, List.of()));
        }
        return groups;
    }

    private boolean depositors;

    private final List<StepMeasure.Step> seen = new ArrayList<>();
    private CapacityPlan plan;

    private CapacitySearch search(double capacity, double injectorLimit, String out) {
        return search(capacity, injectorLimit, out, 0, Set.of(), Map.of());
    }

    private CapacitySearch search(
            double capacity,
            double injectorLimit,
            String out,
            int confirmFailures,
            Set<Double> slowOnce,
            Map<String, String> more) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "capacity.confirmFailures",
                String.valueOf(confirmFailures),
                "slo.file",
                "classpath:slo/saturation.json",
                "capacity.reportDir",
                tmp.resolve(out).toString()));
        keys.putAll(more);
        Settings s = new Settings(ConfigSource.ofMap(keys));
        Slo slo = Slo.load(s);
        plan = CapacityPlan.from(s);
        return new CapacitySearch(
                plan,
                slo,
                "model",
                new LinkedHashMap<>(),
                server(slo, capacity, injectorLimit, new HashSet<>(slowOnce), seen, depositors),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static List<Double> rates(CapacityResult c) {
        return c.steps().stream().map(StepResult::targetRps).toList();
    }

    @Test
    void growsGeometricallyToTheFirstFailureThenBisectsToThePrecision() throws Exception {
        CapacitySearch.Outcome o = search(200, Double.MAX_VALUE, "r1").search();
        CapacityResult c = o.result();
        assertEquals(200.0, c.maxSustainableRps(), "the best passing step is the saturation point");
        assertEquals(
                List.of(20.0, 20.0, 40.0, 80.0, 160.0, 320.0, 240.0, 200.0, 220.0, 210.0, 205.0),
                rates(c),
                "warm-up, ×2 to the first failure (320), then bisection of 160..320 until within 3 %");
        assertEquals(
                List.of(
                        "warmup", "step", "step", "step", "step", "step", "refine", "refine", "refine", "refine",
                        "refine"),
                c.steps().stream().map(StepResult::phase).toList());
        assertEquals(205.0, c.firstFailingTargetRps(), "205 is 2.5 % above 200: the bisection stops there");
        assertTrue(c.stopReason().startsWith("first failing rate 320 req/s"), c.stopReason());
        assertNull(c.injectorBoundAtRps());
        for (String f : List.of("capacity.json", "summary.md", "index.html", "throughput.png", "injector.png")) {
            assertTrue(Files.size(o.report().resolve(f)) > 0, f);
        }
        String md = Files.readString(o.report().resolve("summary.md"));
        String perGroup = md.substring(md.indexOf("## p95 per SLO group (ms)"));
        assertTrue(perGroup.contains("| Step | Offered |"), md);
        assertTrue(
                perGroup.lines().anyMatch(l -> l.startsWith("| 6 | ") && l.contains(" ✗")),
                "step 6 failed: " + perGroup);
        assertTrue(Files.readString(o.report().resolve("index.html")).contains("<h2>p95 per SLO group (ms)</h2>"));
        assertFalse(Files.exists(o.report().resolve("searchable.png")), "no depositors, no time to searchable");
        assertFalse(Files.readString(o.report().resolve("index.html")).contains("searchable.png"));
    }

    @Test
    void chartsTimeToSearchableAgainstOfferedLoadWhenDepositorsMeasuredIt() throws Exception {
        depositors = true;
        CapacitySearch.Outcome o = search(200, Double.MAX_VALUE, "searchable").search();
        assertTrue(Files.size(o.report().resolve("searchable.png")) > 0);
        assertTrue(Files.readString(o.report().resolve("index.html")).contains("<img src=\"searchable.png\""));
    }

    @Test
    void findsEveryCapacityWithinThePrecisionAndWithinItsBoundOfSteps() throws Exception {
        for (double capacity : new double[] {13, 37, 120, 199, 250, 333, 999, 1900}) {
            seen.clear();
            CapacityResult c = search(capacity, Double.MAX_VALUE, "p" + (int) capacity, 1, Set.of(), Map.of())
                    .search()
                    .result();
            double error = (c.maxSustainableRps() / capacity - 1) * 100;
            assertTrue(Math.abs(error) <= 3, capacity + " req/s found as " + c.maxSustainableRps());
            assertTrue(
                    c.steps().size() <= plan.mostSteps(),
                    capacity + ": " + c.steps().size() + " steps, at most " + plan.mostSteps() + " announced");
        }
    }

    @Test
    void theDefaultSearchAnnouncesAtMostFiveMinutes() {
        CapacityPlan p = CapacityPlan.from(new Settings(ConfigSource.ofMap(Map.of())));
        assertEquals(8, p.growingSteps(), "20, 40, 80, 160, 320, 640, 1280, then capacity.maxRate 2000");
        assertEquals(20, p.mostSteps(), "warm-up, 8 growing, a confirmation, 5 bisection steps each confirmed");
        assertEquals(Duration.ofSeconds(21), p.stepEstimate(), "3 s ramp, 15 s constant, 3 s for the run itself");
        assertEquals(Duration.ofMinutes(5), p.mostTime(), "20 × 21 s is more than capacity.maxDuration");
        CapacityPlan linear = CapacityPlan.from(new Settings(ConfigSource.ofMap(Map.of(
                "capacity.growth",
                "1",
                "capacity.startRate",
                "20",
                "capacity.step",
                "20",
                "capacity.maxRate",
                "100"))));
        assertEquals(5, linear.growingSteps(), "capacity.growth=1: linear steps 20, 40, 60, 80, 100 as before");
        assertEquals(17, linear.mostSteps());
    }

    @Test
    void theWarmupOffersItsTargetInRequestsNotSessions() throws Exception {
        search(200, Double.MAX_VALUE, "w1", 0, Set.of(), Map.of("capacity.startRate", "120"))
                .search();
        assertEquals(12.0, seen.get(0).sessionsPerSec(), 1e-9, "before any measure a session is assumed 10 requests");
        assertEquals(40.0, seen.get(1).sessionsPerSec(), 1e-9, "then 120 req/s at the 3 requests a session measured");
        seen.clear();
        search(
                        200,
                        Double.MAX_VALUE,
                        "w2",
                        0,
                        Set.of(),
                        Map.of("capacity.startRate", "120", "capacity.journey", "viewRecord"))
                .search();
        assertEquals(120.0, seen.get(0).sessionsPerSec(), 1e-9, "viewRecord: one request a session");
    }

    @Test
    void aFirstStepThatFailsIsBisectedDownwards() throws Exception {
        CapacityResult c = search(10, Double.MAX_VALUE, "d1").search().result();
        assertEquals(20.0, c.steps().get(1).targetRps());
        assertEquals(10.0, c.steps().get(2).targetRps(), "half the failing rate first");
        assertEquals(10.0, c.maxSustainableRps());
    }

    @Test
    void linearStepsStillWorkWithGrowthOne() throws Exception {
        CapacityResult c = search(
                        200,
                        Double.MAX_VALUE,
                        "l1",
                        0,
                        Set.of(),
                        Map.of("capacity.growth", "1", "capacity.startRate", "120", "capacity.step", "40"))
                .search()
                .result();
        assertEquals(List.of(120.0, 120.0, 160.0, 200.0, 240.0), rates(c).subList(0, 5));
        assertEquals(200.0, c.maxSustainableRps());
    }

    @Test
    void anInjectorThatGivesOutFirstGivesNoCapacityOnlyALowerBound() throws Exception {
        CapacityResult c = search(400, 200, "r3").search().result();
        assertNull(c.maxSustainableRps(), "a capacity from an injector-bound search would be wrong");
        assertEquals(
                List.of(320.0, 240.0, 200.0, 180.0, 190.0, 195.0),
                rates(c).subList(5, 11),
                "growing lagged at 320: bisected down to where the injector keeps up");
        assertEquals(200.0, c.injectorBoundAtRps(), "the lowest rate it lagged at");
        assertEquals(195.0, c.lowerBoundRps(), "the target met every SLO up to the last valid step");
        assertTrue(c.stopReason().startsWith("injector-bound at 320 req/s"), c.stopReason());
        assertTrue(c.stopReason().endsWith("add injectors or cores"), c.stopReason());
        String md = Files.readString(
                tmp.resolve("r3").toFile().listFiles()[0].toPath().resolve("summary.md"));
        assertTrue(md.contains("none: injector-bound at 200 req/s: add injectors or cores"), md);
    }

    @Test
    void anSloFailureBelowTheInjectorsLimitStillGivesTheCapacity() throws Exception {
        CapacityResult c = search(200, 260, "r4").search().result();
        assertEquals(
                200.0,
                c.maxSustainableRps(),
                "growing lagged at 320, but bisecting below it found the target failing from 205 on");
        assertNull(c.injectorBoundAtRps());
        assertTrue(c.stopReason().endsWith("the target failed below it, at 205 req/s"), c.stopReason());
    }

    @Test
    void oneSlowWindowBelowTheCapacityIsMeasuredAgainNotTakenForTheLimit() throws Exception {
        CapacityResult confirmed = search(200, Double.MAX_VALUE, "r5", 1, Set.of(160.0), Map.of())
                .search()
                .result();
        assertEquals(200.0, confirmed.maxSustainableRps(), "160 failed once, passed when measured again");
        assertEquals(
                List.of("step", "confirm"),
                confirmed.steps().stream()
                        .filter(st -> st.targetRps() == 160.0)
                        .map(StepResult::phase)
                        .toList());
        assertEquals(205.0, confirmed.firstFailingTargetRps(), "rates that really fail still fail when confirmed");
        assertEquals(
                2,
                confirmed.steps().stream().filter(st -> st.targetRps() == 240.0).count(),
                "a failure close to the capacity (200 of 240 completed) is measured twice");
        assertEquals(
                1,
                confirmed.steps().stream().filter(st -> st.targetRps() == 320.0).count(),
                "an overload (200 of 320 completed) is no noisy window: measured once");

        CapacityResult unconfirmed = search(200, Double.MAX_VALUE, "r6", 0, Set.of(160.0), Map.of())
                .search()
                .result();
        assertEquals(
                157.5,
                unconfirmed.maxSustainableRps(),
                "without confirmation one slow window decides: the search bisects below it");
        assertEquals(160.0, unconfirmed.firstFailingTargetRps());
    }

    @Test
    void keepingUpIsJudgedOnCompletedAgainstStarted() {
        assertTrue(StepMeasure.keptUp(1000, 900, 0).isEmpty(), "0: off");
        Check behind = StepMeasure.keptUp(1000, 975, 98).orElseThrow();
        assertTrue(behind.failed(), behind.message());
        assertEquals(97.5, behind.measured(), 1e-9);
        assertFalse(StepMeasure.keptUp(1000, 985, 98).orElseThrow().failed());
    }
}

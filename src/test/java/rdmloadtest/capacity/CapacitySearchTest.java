package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * A server that answers in 20 ms up to {@code capacity} req/s and queues beyond it; an injector that gives out
     * from {@code injectorLimit} req/s on.
     */
    private static CapacitySearch.StepRunner server(
            Slo slo, double capacity, double injectorLimit, Set<Double> slowOnce) {
        return step -> {
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
                    1,
                    List.of(new StepResult.GroupStep(
                            "record view",
                            1000,
                            0,
                            p50,
                            p50 * 2,
                            p50 * 3,
                            checks.stream().noneMatch(Check::failed),
                            checks.stream()
                                    .filter(Check::failed)
                                    .map(Check::message)
                                    .toList())),
                    checks,
                    injectorOk,
                    injectorOk ? "" : "machine CPU above 85 % of 2 cores in 60 % of the seconds",
                    null,
                    "run-" + step.index());
        };
    }

    private CapacitySearch search(double capacity, double injectorLimit, String out) {
        return search(capacity, injectorLimit, out, 0, Set.of());
    }

    private CapacitySearch search(
            double capacity, double injectorLimit, String out, int confirmFailures, Set<Double> slowOnce) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "capacity.confirmFailures",
                String.valueOf(confirmFailures),
                "slo.file",
                "classpath:slo/saturation.json",
                "capacity.startRate",
                "120",
                "capacity.step",
                "40",
                "capacity.refineSteps",
                "4",
                "capacity.reportDir",
                tmp.resolve(out).toString()));
        Settings s = new Settings(ConfigSource.ofMap(keys));
        Slo slo = Slo.load(s);
        return new CapacitySearch(
                CapacityPlan.from(s),
                slo,
                "model",
                new LinkedHashMap<>(),
                server(slo, capacity, injectorLimit, new HashSet<>(slowOnce)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void findsTheKnownCapacityStepsUpThenBisects() throws Exception {
        CapacitySearch.Outcome o = search(200, Double.MAX_VALUE, "r1").search();
        CapacityResult c = o.result();
        assertEquals(200.0, c.maxSustainableRps(), "the best passing step is the saturation point");
        assertEquals(205.0, c.firstFailingTargetRps(), "bisection: 220, 210, 205 fail; 202.5 still meets p50 <= 40 ms");
        assertNull(c.injectorBoundAtRps());
        assertEquals(
                List.of("warmup", "step", "step", "step", "step", "step", "refine", "refine", "refine", "refine"),
                c.steps().stream().map(StepResult::phase).toList(),
                "stepped up to two failures, then bisected 200..240");
        assertEquals(
                List.of(120.0, 120.0, 160.0, 200.0, 240.0, 280.0, 220.0, 210.0, 205.0, 202.5),
                c.steps().stream().map(StepResult::targetRps).toList());
        assertTrue(c.stopReason().startsWith("two consecutive failing steps"), c.stopReason());
        for (String f : List.of("capacity.json", "summary.md", "index.html", "throughput.png", "injector.png")) {
            assertTrue(Files.size(o.report().resolve(f)) > 0, f);
        }
    }

    @Test
    void twiceTheCapacityIsFoundTwiceAsHigh() throws Exception {
        assertEquals(
                400.0, search(400, Double.MAX_VALUE, "r2").search().result().maxSustainableRps());
    }

    @Test
    void anInjectorThatGivesOutFirstGivesNoCapacityOnlyALowerBound() throws Exception {
        CapacityResult c = search(400, 200, "r3").search().result();
        assertNull(c.maxSustainableRps(), "a capacity from an injector-bound search would be wrong");
        assertEquals(200.0, c.injectorBoundAtRps());
        assertEquals(160.0, c.lowerBoundRps(), "the target met every SLO up to the last valid step");
        assertTrue(c.stopReason().startsWith("injector-bound at 200 req/s"), c.stopReason());
        assertTrue(c.stopReason().endsWith("add injectors or cores"), c.stopReason());
        String md = Files.readString(
                tmp.resolve("r3").toFile().listFiles()[0].toPath().resolve("summary.md"));
        assertTrue(md.contains("none: injector-bound at 200 req/s: add injectors or cores"), md);
    }

    @Test
    void anSloFailureBelowTheInjectorsLimitStillGivesTheCapacity() throws Exception {
        CapacityResult c = search(200, 260, "r4").search().result();
        assertEquals(200.0, c.maxSustainableRps(), "the injector gave out only after the target did");
        assertNull(c.injectorBoundAtRps());
    }

    @Test
    void oneSlowWindowBelowTheCapacityIsMeasuredAgainNotTakenForTheLimit() throws Exception {
        CapacityResult confirmed =
                search(200, Double.MAX_VALUE, "r5", 1, Set.of(160.0)).search().result();
        assertEquals(200.0, confirmed.maxSustainableRps(), "160 failed once, passed when measured again");
        assertEquals(
                List.of("step", "confirm"),
                confirmed.steps().stream()
                        .filter(st -> st.targetRps() == 160.0)
                        .map(StepResult::phase)
                        .toList());
        assertEquals(205.0, confirmed.firstFailingTargetRps(), "rates that really fail still fail when confirmed");
        assertTrue(
                confirmed.steps().stream().filter(st -> st.targetRps() == 240.0).count() == 2,
                "a real failure is measured twice");

        CapacityResult unconfirmed =
                search(200, Double.MAX_VALUE, "r6", 0, Set.of(160.0)).search().result();
        assertEquals(
                157.5,
                unconfirmed.maxSustainableRps(),
                "without confirmation one slow window decides: the search bisects below it");
        assertEquals(160.0, unconfirmed.firstFailingTargetRps());
    }
}

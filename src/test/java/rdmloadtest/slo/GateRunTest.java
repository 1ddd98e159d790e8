package rdmloadtest.slo;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.monitor.InjectorSample;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunSummary;
import rdmloadtest.results.Stats;
import rdmloadtest.results.Summarizer;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.FaultSpec;
import rdmloadtest.testing.ProbeRun;

/** Short Gatling runs of {@link ProbeSimulation} against the embedded simulator, judged by the gate. */
class GateRunTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    private static ProbeRun probe;
    private static ProbeRun.Outcome clean;

    @BeforeAll
    static void start() throws Exception {
        probe = new ProbeRun(tmp, Map.of("simulator.serviceTime.distribution", "fixed"));
    }

    @AfterAll
    static void stop() throws Exception {
        probe.close();
    }

    /** A fault-free run, shared: it is also the baseline of the other runs. */
    private static synchronized ProbeRun.Outcome clean() throws Exception {
        if (clean == null) {
            probe.faults.replaceAll((c, f) -> FaultSpec.NONE);
            // 100 sessions after the warm-up: a p95 is judged against a baseline from 60 responses on (Baseline).
            clean = probe.run(20, Duration.ofSeconds(7), Map.of("slo.warmup", "2s"));
        }
        return clean;
    }

    @Test
    void withoutFaultsTheGatePasses() throws Exception {
        ProbeRun.Outcome o = clean();
        RunSummary s = o.result().summary();
        assertTrue(s.passed(), () -> "gate failed: " + s.failures());
        assertTrue(s.checks().stream().anyMatch(c -> c.kind() == Check.Kind.SLO && c.status() == Check.Status.PASSED));
        for (String f : List.of("summary.json", "junit.xml", "summary.md")) {
            assertTrue(Files.isRegularFile(o.result().folder().resolve(f)), f);
        }
        String junit = Files.readString(o.result().folder().resolve("junit.xml"));
        assertTrue(junit.contains("name=\"record view p95\""), junit);
        assertFalse(junit.contains("<failure"), junit);
        assertTrue(Files.readString(o.result().folder().resolve("summary.md")).contains("✅ Load test passed"));
    }

    @Test
    void summaryPercentilesAreOrderStatisticsOfTheLogAndGatlingNoLongerJudges() throws Exception {
        ProbeRun.Outcome o = clean();
        RunSummary s = o.result().summary();
        assertEquals(0, o.gatlingStatus(), "Gatling's own status: the run went through; the verdict is ours alone");
        int[] sorted = SimulationLog.read(o.result().folder().resolve("simulation.log")).requests().stream()
                .mapToInt(SimulationLog.Request::responseTime)
                .sorted()
                .toArray();
        assertEquals(sorted.length, s.global().count());
        Stats g = s.global();
        int[] ours = {g.p50(), g.p75(), g.p90(), g.p95(), g.p99()};
        double[] ranks = {50, 75, 90, 95, 99};
        for (int i = 0; i < ranks.length; i++) {
            // Every value here is below 2 048 ms, where the histogram is exact: the percentile is an order statistic.
            int v = ours[i];
            long atOrBelow = Arrays.stream(sorted).filter(x -> x <= v).count();
            long below = Arrays.stream(sorted).filter(x -> x < v).count();
            double want = ranks[i] / 100 * sorted.length;
            assertTrue(atOrBelow >= want - 1 && below <= want + 1, "p" + ranks[i] + " = " + v + " of " + sorted.length);
        }
        assertEquals(sorted[0], g.min());
        assertEquals(sorted[sorted.length - 1], g.max());
        assertTrue(s.percentiles().startsWith("HdrHistogram"), s.percentiles());
        // summary.json on disk holds the same numbers.
        JsonNode json = new ObjectMapper()
                .readTree(o.result().folder().resolve("summary.json").toFile());
        assertEquals(s.global().p95(), json.path("global").path("p95").asInt());
        assertEquals(s.global().count(), json.path("global").path("count").asLong());
        assertEquals("PASSED", json.path("verdict").asText());
        assertTrue(Files.readString(o.result().folder().resolve("summary.md"))
                .contains("Gatling's HTML report estimates"));
    }

    @Test
    void summaryKeepsTheConfigurationButNoToken() throws Exception {
        ProbeRun.Outcome o = clean();
        String json = Files.readString(o.result().folder().resolve("summary.json"));
        JsonNode config = new ObjectMapper().readTree(json).path("configuration");
        assertEquals("2s", config.path("slo.warmup").path("value").asText());
        assertEquals("[redacted]", config.path("simulator.tokens").path("value").asText());
        assertFalse(json.contains("rdm-loadtest-token-1"), "a simulator token leaked into summary.json");
        assertFalse(json.toLowerCase().contains("bearer "), "an Authorization value leaked into summary.json");
    }

    @Test
    void injectedFaultsFailTheGateNamingGroupAndNumbersAndRegressAgainstTheBaseline() throws Exception {
        Path baseline = clean().result().folder().resolve("summary.json");
        probe.faults.put(EndpointClass.RECORD, FaultSpec.parse("spike=1.0@300ms"));
        probe.faults.put(EndpointClass.SEARCH, FaultSpec.parse("error=0.4"));
        ProbeRun.Outcome o;
        try {
            o = probe.run(20, Duration.ofSeconds(6), Map.of("slo.warmup", "1s", "baseline", baseline.toString()));
        } finally {
            probe.faults.replaceAll((c, f) -> FaultSpec.NONE);
        }
        RunSummary s = o.result().summary();
        assertFalse(s.passed());
        assertEquals(RunSummary.Verdict.FAILED, s.verdict());
        assertEquals(2, RunReport.status(s, true), "a failed gate exits 2");
        assertEquals(0, RunReport.status(s, false), "slo.enforce=false: report only");
        assertHasFailure(s, "SLO FAILED: record view p95 = (\\d+) ms > 150 ms", 300);
        assertHasFailure(s, "SLO FAILED: search error rate = (\\d+)\\.\\d\\d % > 1 %", 10);
        assertHasFailure(s, "REGRESSION: record view p95 = (\\d+) ms vs \\d+ ms \\(baseline .*", 300);
        assertHasFailure(s, "REGRESSION: search error rate = (\\d+)[.\\d]* % vs 0 % \\(baseline .*", 10);
        String junit = Files.readString(o.result().folder().resolve("junit.xml"));
        assertTrue(junit.contains("<failure message=\"SLO FAILED: record view p95 = "), junit);
        assertTrue(Files.readString(o.result().folder().resolve("summary.md")).contains("❌ regression"));
    }

    @Test
    void warmUpIsLeftOutOfTheVerdict() throws Exception {
        clean();
        probe.faults.put(EndpointClass.RECORD, FaultSpec.parse("spike=1.0@400ms"));
        // Counted before the run starts: counted in the thread, a fast run's folder could already be there.
        long before = runFolders();
        Thread calm = new Thread(() -> {
            try {
                waitForNewRunFolder(before);
                Thread.sleep(2000);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            } finally {
                probe.faults.put(EndpointClass.RECORD, FaultSpec.NONE);
            }
        });
        calm.start();
        ProbeRun.Outcome o;
        try {
            o = probe.run(20, Duration.ofSeconds(6), Map.of("slo.warmup", "3s"));
        } finally {
            calm.join();
        }
        RunSummary s = o.result().summary();
        RunSummary.GroupSummary view = s.groups().stream()
                .filter(g -> g.name().equals("record view"))
                .findFirst()
                .orElseThrow();
        assertTrue(view.run().p95() >= 400, "the spikes should show in the whole run: " + view.run());
        assertTrue(view.window().max() < 400, "the spikes should be in the warm-up only: " + view.window());
        assertTrue(s.passed(), () -> "gate failed: " + s.failures());
        assertEquals(0, o.gatlingStatus(), "no second judge: Gatling's assertions would have failed on the warm-up");
    }

    @Test
    void aLaggingInjectorIsReportedAndFailsTheGate() throws Exception {
        ProbeRun.Outcome o = clean();
        assertTrue(o.result().summary().injector().checked());
        var kept = o.result().summary().injector().scenarios().get(0);
        assertEquals(kept.planned(), kept.started(), "the clean run started every planned user");
        // The same user starts judged against a plan four times as fast: the injector "could not keep up".
        Summarizer.Inputs in = RunReport.inputs(
                settings(Map.of("slo.warmup", "2s")),
                new InjectionPlan().and("readers", constantUsersPerSec(80).during(Duration.ofSeconds(7))),
                PROBE);
        RunSummary s =
                Summarizer.summarize(SimulationLog.read(o.result().folder().resolve("simulation.log")), "x", in);
        assertEquals(RunSummary.Verdict.INVALID, s.verdict(), "a lagging injector measured itself, not the target");
        assertEquals(3, RunReport.status(s, true));
        var lag = s.injector().scenarios().get(0);
        assertEquals(560, lag.planned());
        assertEquals(140, lag.started());
        assertTrue(
                s.invalidReasons().stream()
                        .anyMatch(f -> f.matches("INJECTOR LAGGING: readers p99 start lag = \\d+ ms > 1000 ms .*")),
                s.invalidReasons()::toString);
        assertTrue(
                s.invalidReasons().stream()
                        .anyMatch(
                                f -> f.startsWith(
                                        "INJECTOR LAGGING: readers started 140 of 560 planned users; 420 never started (75.00 % > 1 %)")),
                s.invalidReasons()::toString);
    }

    @Test
    void anEqualRunIsNotFlaggedAsARegression() throws Exception {
        ProbeRun.Outcome o = clean();
        Path own = o.result().folder().resolve("summary.json");
        Summarizer.Inputs in = RunReport.inputs(
                settings(Map.of("slo.warmup", "2s", "baseline", own.toString())), InjectionPlan.none(), PROBE);
        RunSummary s =
                Summarizer.summarize(SimulationLog.read(o.result().folder().resolve("simulation.log")), "x", in);
        assertTrue(s.baseline().compared(), s.baseline()::toString);
        assertTrue(
                s.checks().stream().filter(c -> c.kind() == Check.Kind.BASELINE).noneMatch(Check::failed),
                s.failures()::toString);
        assertTrue(s.baseline().findings().stream().allMatch(f -> f.current() == f.baseline()), s.baseline()::toString);
    }

    @Test
    void aBaselineOfAnotherLoadGivesAnExplanationNotAVerdict() throws Exception {
        ProbeRun.Outcome o = clean();
        Path own = o.result().folder().resolve("summary.json");
        Summarizer.Inputs in = RunReport.inputs(
                settings(Map.of("slo.warmup", "2s", "baseline", own.toString(), "traffic.readers.rate", "9")),
                InjectionPlan.none(),
                PROBE);
        RunSummary s =
                Summarizer.summarize(SimulationLog.read(o.result().folder().resolve("simulation.log")), "x", in);
        assertFalse(s.baseline().compared());
        assertTrue(
                s.baseline()
                        .note()
                        .contains("is not comparable with this run (this vs it: traffic.readers.rate: 9 vs 4)"),
                s.baseline().note());
        assertTrue(
                s.checks().stream().filter(c -> c.kind() == Check.Kind.BASELINE).noneMatch(Check::failed));
    }

    @Test
    void aRunWhoseInjectorWasShortOfCpuIsInvalidAndSaysWhy() throws Exception {
        ProbeRun.Outcome o = clean();
        // Thresholds no run can meet: every second of the window counts as short of CPU.
        Summarizer.Inputs in = RunReport.inputs(
                settings(
                        Map.of("slo.warmup", "2s", "injector.maxMachineCpuPct", "1", "injector.maxShortSharePct", "0")),
                InjectionPlan.none(),
                PROBE);
        List<InjectorSample> busy = new ArrayList<>();
        RunSummary clean = o.result().summary();
        for (long t = clean.injectStartEpochMs(); t <= clean.injectEndEpochMs() + 1000; t += 1000) {
            busy.add(new InjectorSample(t, 1000, 2, 1.9, 1.2, 0.4, 0, 100, 1, 2));
        }
        RunSummary s =
                Summarizer.summarize(SimulationLog.read(o.result().folder().resolve("simulation.log")), "x", in, busy);
        assertEquals(RunSummary.Verdict.INVALID, s.verdict());
        assertTrue(s.passed(), "the SLOs themselves were met");
        assertTrue(
                s.invalidReasons()
                        .get(0)
                        .startsWith("INJECTOR-BOUND: machine CPU above 1 % of 2 cores in 100 % of the"
                                + " seconds (this JVM 1.20 cores, other processes 0.70 cores on average)"),
                s.invalidReasons()::toString);
        assertEquals(3, RunReport.status(s, true));
    }

    private static final String PROBE = "rdmloadtest.testing.ProbeSimulation";

    private static Settings settings(Map<String, String> keys) {
        Map<String, String> m = new HashMap<>(keys);
        m.put("slo.file", "classpath:slo/probe.json");
        return new Settings(ConfigSource.ofMap(m));
    }

    private static long runFolders() throws Exception {
        try (var s = Files.list(probe.results)) {
            return s.count();
        }
    }

    private static void waitForNewRunFolder(long before) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (var s = Files.list(probe.results)) {
                if (s.count() > before) return;
            }
            Thread.sleep(20);
        }
    }

    private static void assertHasFailure(RunSummary s, String regex, int atLeast) {
        Pattern p = Pattern.compile(regex);
        for (String f : s.failures()) {
            Matcher m = p.matcher(f);
            if (m.matches()) {
                assertTrue(Integer.parseInt(m.group(1)) >= atLeast, f);
                return;
            }
        }
        fail("no failure matching " + regex + " in " + s.failures());
    }
}

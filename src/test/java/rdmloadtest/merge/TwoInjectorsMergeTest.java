package rdmloadtest.merge;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.gatling.GatlingLog;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.results.Latencies;
import rdmloadtest.results.RunSummary;
import rdmloadtest.results.Stats;
import rdmloadtest.simulations.SearchSimulation;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;
import rdmloadtest.slo.Check;

/**
 * Two injector JVMs, each with half the rate, against one embedded simulator; their logs merged into one run.
 * The reference figures are computed here from the raw responses of each injector's own log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInjectorsMergeTest {
    private static final int INJECTORS = 2;

    private Path tmp;

    private Path collected;
    private MergeMain.Outcome merged;
    private final List<SimulationLog> injectorLogs = new ArrayList<>();

    @BeforeAll
    void runTwoInjectorsAndMerge(@TempDir Path dir) throws Exception {
        tmp = dir;
        collected = tmp.resolve("run-1");
        SimulatorSettings settings = SimulatorSettings.from(new Settings(ConfigSource.ofMap(Map.of())));
        try (Simulator sim = new Simulator(settings)) {
            sim.start();
            List<Process> injectors = new ArrayList<>();
            for (int i = 0; i < INJECTORS; i++) {
                Path out = Files.createDirectories(collected.resolve("injector-" + i));
                List<String> cmd = List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dinvenio.baseUrl=" + sim.siteUrl(),
                        "-Dinjector.index=" + i,
                        "-Dinjector.count=" + INJECTORS,
                        "-Drun.id=merge-test",
                        "-Dprofile=load",
                        "-Drun.duration=5s",
                        "-Drun.rampUp=1s",
                        "-Dtraffic.readers.rate=30",
                        "-Dtraffic.depositors=0",
                        "-Dtraffic.harvesters=0",
                        "-Dslo.enforce=false",
                        "-Dslo.resultsFolder=" + out.toAbsolutePath(),
                        // This test is about merging: no history, and the injectors' CPU on a busy test machine decides
                        // nothing.
                        "-Dhistory.record=false",
                        "-Dbaseline.runs=0",
                        "-Dinjector.maxMachineCpuPct=100",
                        "-Dinjector.maxCpuPct=100",
                        "-Dinjector.maxLagP99=1h",
                        GatlingLauncher.MAIN,
                        "--simulation",
                        SearchSimulation.class.getName(),
                        "--results-folder",
                        out.toAbsolutePath().toString());
                injectors.add(new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("injector-" + i + ".out").toFile())
                        .start());
            }
            for (int i = 0; i < INJECTORS; i++) {
                Process p = injectors.get(i);
                assertTrue(p.waitFor(90, TimeUnit.SECONDS), "injector " + i + " did not finish in 90 s");
                assertEquals(
                        0, p.exitValue(), "injector " + i + " failed:\n" + tail(tmp.resolve("injector-" + i + ".out")));
            }
        }
        Map<Integer, Path> logs = MergeMain.findLogs(
                collected.toAbsolutePath(), tmp.resolve("none").toAbsolutePath());
        assertEquals(List.of(0, 1), List.copyOf(logs.keySet()));
        for (Path log : logs.values()) injectorLogs.add(SimulationLog.read(log));
        merged = MergeMain.run(collected, tmp.resolve("merged"), LogMerger.Align.START, true, gateSettings());
    }

    private static Settings gateSettings() {
        return new Settings(ConfigSource.ofMap(Map.of("slo.warmup", "0s", "slo.enforce", "false")));
    }

    @Test
    void eachInjectorRanHalfTheLoad() {
        for (SimulationLog log : injectorLogs) {
            long users = log.users().stream().filter(SimulationLog.User::start).count();
            // 15 sessions/s each: 1 s ramp from 10 %, then 5 s flat, about 80; never the whole 30/s.
            assertTrue(users >= 60 && users <= 100, "users started by one injector: " + users);
            assertFalse(log.truncated());
        }
    }

    @Test
    void mergedCountsAreTheSumOfTheInjectors() {
        RunSummary s = merged.summary();
        long total = injectorLogs.stream().mapToLong(l -> l.requests().size()).sum();
        long ok = injectorLogs.stream()
                .mapToLong(l ->
                        l.requests().stream().filter(SimulationLog.Request::ok).count())
                .sum();
        assertTrue(total > 300, "too few requests to test percentiles: " + total);
        assertEquals(total, s.global().count());
        assertEquals(ok, s.global().ok());
        assertEquals(total - ok, s.global().ko());
        assertEquals(total, merged.merge().requests());

        Map<String, Long> byPath = new LinkedHashMap<>();
        for (SimulationLog log : injectorLogs)
            for (SimulationLog.Request r : log.requests()) byPath.merge(r.path(), 1L, Long::sum);
        Map<String, Long> mergedByPath = new LinkedHashMap<>();
        for (RunSummary.RequestSummary r : s.requests())
            mergedByPath.put(r.path(), r.run().count());
        assertEquals(byPath, mergedByPath);
    }

    @Test
    void mergedPercentilesArePercentilesOfThePooledResponses() {
        RunSummary s = merged.summary();
        assertFigures(pooled(r -> true), s.global(), s.globalWindow(), "all requests");
        for (RunSummary.RequestSummary r : s.requests()) {
            assertFigures(pooled(q -> q.path().equals(r.path())), r.run(), r.window(), r.path());
        }
    }

    /** Response times of every injector's own log. */
    private int[] pooled(Predicate<SimulationLog.Request> which) {
        return injectorLogs.stream()
                .flatMap(l -> l.requests().stream())
                .filter(which)
                .mapToInt(SimulationLog.Request::responseTime)
                .toArray();
    }

    /**
     * References from the raw responses of the injectors' own logs: the merged summary's figures equal those of the
     * pooled values (the same {@link Latencies}, filled from the injectors' logs rather than the merged one), and every
     * percentile is an order statistic of them within one rank.
     */
    private static void assertFigures(int[] pooled, Stats run, Stats window, String what) {
        int[] sorted = pooled.clone();
        Arrays.sort(sorted);
        Latencies reference = new Latencies();
        for (int v : pooled) reference.add(v);
        double[] ranks = {50, 75, 90, 95, 99, 99.9};
        for (Stats s : List.of(run, window)) {
            assertEquals(sorted.length, s.count(), what);
            assertEquals(sorted[0], s.min(), what + " min");
            assertEquals(sorted[sorted.length - 1], s.max(), what + " max");
            int[] figures = {s.p50(), s.p75(), s.p90(), s.p95(), s.p99(), s.p999()};
            for (int i = 0; i < ranks.length; i++) {
                assertEquals(reference.percentile(ranks[i]), figures[i], what + " p" + ranks[i]);
                int v = figures[i];
                long atOrBelow = Arrays.stream(sorted).filter(x -> x <= v).count();
                long below = Arrays.stream(sorted).filter(x -> x < v).count();
                double want = ranks[i] / 100 * sorted.length;
                assertTrue(atOrBelow >= want - 1 && below <= want + 1, what + " p" + ranks[i] + " = " + v);
            }
        }
    }

    @Test
    void gatlingsOwnReportOfTheMergedLogAgrees() throws IOException {
        assertTrue(merged.report());
        assertTrue(Files.isRegularFile(merged.folder().resolve("index.html")), "no index.html in " + merged.folder());
        String out = Files.readString(merged.folder().resolve("report.log"));
        Stats g = merged.summary().global();
        assertEquals(g.count(), consoleFigure(out, "request count"), out);
        assertEquals(g.max(), consoleFigure(out, "max response time \\(ms\\)"), out);
    }

    @Test
    void summaryFilesAreWrittenAndTheGateJudgedTheMergedRun() {
        for (String f : List.of("simulation.log", "summary.json", "junit.xml", "summary.md", "merge.json")) {
            assertTrue(Files.isRegularFile(merged.folder().resolve(f)), f);
        }
        assertFalse(merged.summary().checks().isEmpty());
        assertTrue(
                merged.summary().checks().stream()
                        .anyMatch(c -> c.subject().equals("injectors") && c.status() == Check.Status.PASSED),
                merged.summary().checks().toString());
    }

    @Test
    void aSkewedPodClockDoesNotStretchTheRun() throws Exception {
        // The same two logs, injector-1's clock five minutes fast.
        Path skewed = tmp.resolve("skewed");
        Map<Integer, Path> logs = MergeMain.findLogs(
                collected.toAbsolutePath(), tmp.resolve("none").toAbsolutePath());
        Files.createDirectories(skewed.resolve("injector-0"));
        Files.createDirectories(skewed.resolve("injector-1"));
        Files.copy(logs.get(0), skewed.resolve("injector-0/simulation.log"));
        shiftClock(logs.get(1), skewed.resolve("injector-1/simulation.log"), 300_000);

        MergeMain.Outcome start =
                MergeMain.run(skewed, tmp.resolve("skewed-start"), LogMerger.Align.START, false, gateSettings());
        MergeMain.Outcome clock =
                MergeMain.run(skewed, tmp.resolve("skewed-clock"), LogMerger.Align.CLOCK, false, gateSettings());
        long planned = merged.summary().durationSeconds();
        assertTrue(
                Math.abs(start.summary().durationSeconds() - planned) <= 1,
                "aligned on start: " + start.summary().durationSeconds() + " s, unskewed " + planned + " s");
        assertTrue(
                clock.summary().durationSeconds() >= 300,
                "wall clock: " + clock.summary().durationSeconds() + " s");
        assertEquals(merged.summary().global(), start.summary().global(), "skew changed a response time");
        assertEquals(merged.summary().global().p99(), clock.summary().global().p99(), "skew changed a response time");
    }

    @Test
    void aMissingInjectorMakesTheMergedRunInvalid() throws Exception {
        Path partial = tmp.resolve("partial");
        Map<Integer, Path> logs = MergeMain.findLogs(
                collected.toAbsolutePath(), tmp.resolve("none").toAbsolutePath());
        Files.createDirectories(partial.resolve("injector-1"));
        Files.copy(logs.get(1), partial.resolve("injector-1/simulation.log"));
        MergeMain.Outcome o =
                MergeMain.run(partial, tmp.resolve("partial-merged"), LogMerger.Align.START, false, gateSettings());
        assertEquals(RunSummary.Verdict.INVALID, o.summary().verdict(), "the merged run lacks a share of the load");
        assertTrue(
                o.summary().invalidReasons().stream()
                        .anyMatch(f -> f.startsWith("INJECTOR MISSING: no simulation.log" + " of injector(s) [0]")),
                o.summary().invalidReasons().toString());
    }

    @Test
    void aLogWrittenBackIsReadAsTheSame() throws IOException {
        Path copy = tmp.resolve("roundtrip.log");
        Path original = MergeMain.findLogs(
                        collected.toAbsolutePath(), tmp.resolve("none").toAbsolutePath())
                .get(0);
        shiftClock(original, copy, 0);
        SimulationLog a = SimulationLog.read(original);
        SimulationLog b = SimulationLog.read(copy);
        assertEquals(a.header(), b.header());
        assertEquals(a.requests(), b.requests());
        assertEquals(a.users(), b.users());
    }

    /** Rewrites a log as if its pod's clock had been {@code ms} ahead. */
    private static void shiftClock(Path from, Path to, long ms) throws IOException {
        GatlingLog.Header h = GatlingLog.readHeader(from);
        GatlingLog.Header shifted = new GatlingLog.Header(
                h.gatlingVersion(),
                h.simulationClass(),
                h.runStart() + ms,
                h.description(),
                h.scenarios(),
                h.assertions());
        try (GatlingLog.Writer w = new GatlingLog.Writer(to, shifted)) {
            GatlingLog.read(from, GatlingLog.shifted(w, ms));
        }
    }

    /** A figure of Gatling's console summary, e.g. "> request count   |   1,234 |" (Total column). */
    private static long consoleFigure(String out, String label) {
        Matcher m = Pattern.compile("> " + label + "\\s*\\|\\s*([0-9,]+)").matcher(out);
        assertTrue(m.find(), "no '" + label + "' line in Gatling's output");
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String tail(Path f) throws IOException {
        String s = Files.readString(f);
        return s.substring(Math.max(0, s.length() - 3000));
    }
}

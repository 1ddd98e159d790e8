package rdmloadtest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.results.RunReport;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.FaultSpec;

/** Test helper: an embedded simulator with a few records, and in-process Gatling runs of {@link ProbeSimulation}. */
public final class ProbeRun implements AutoCloseable {
    public static final List<String> IDS = List.of("probe-00001", "probe-00002", "probe-00003", "probe-00004");

    final Path dir;
    public final Path results;
    public final Map<EndpointClass, FaultSpec> faults;
    private final Simulator simulator;

    /** What one launch gave: Gatling's status, its console output, and our result. */
    public record Outcome(int gatlingStatus, String console, RunReport.Result result) {}

    public ProbeRun(Path dir, Map<String, String> simulatorKeys) throws Exception {
        this.dir = dir;
        this.results = Files.createDirectories(dir.resolve("gatling"));
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder jsonl = new StringBuilder();
        for (String id : IDS) {
            jsonl.append("{\"id\":\"")
                    .append(id)
                    .append("\",\"created\":\"2025-01-01T00:00:00+00:00\",")
                    .append("\"metadata\":{\"title\":\"Probe data ")
                    .append(id)
                    .append("\",\"publication_date\":\"2025-01-01\"}}\n");
        }
        Files.writeString(data.resolve("records.jsonl"), jsonl);
        Map<String, String> keys = new HashMap<>(simulatorKeys);
        keys.put("data.dir", data.toString());
        SimulatorSettings s = SimulatorSettings.from(new Settings(ConfigSource.ofMap(keys)));
        // Our own map, so a test can change the faults while a run is under way.
        this.faults = new EnumMap<>(s.faults());
        this.simulator = new Simulator(s.withFaults(faults));
        simulator.start();
    }

    public String siteUrl() {
        return simulator.siteUrl();
    }

    public Outcome run(double usersPerSec, Duration duration, Map<String, String> settings) throws IOException {
        Map<String, String> keys = new HashMap<>(settings);
        keys.putIfAbsent("slo.file", "classpath:slo/probe.json");
        // The gate's tests judge the target: the injector's CPU on a busy test machine must not decide them (the
        // validity rules have tests of their own), and a test run joins no history.
        keys.putIfAbsent("injector.maxMachineCpuPct", "100");
        keys.putIfAbsent("injector.maxCpuPct", "100");
        keys.putIfAbsent("injector.maxLagP99", "1h");
        keys.putIfAbsent("history.record", "false");
        keys.putIfAbsent("baseline.runs", "0");
        keys.put("slo.resultsFolder", results.toString());
        ProbeSimulation.params = new ProbeSimulation.Params(simulator.siteUrl(), IDS, usersPerSec, duration, keys);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new Tee(System.out, captured), true, StandardCharsets.UTF_8);
        int rc = GatlingLauncher.run(ProbeSimulation.class.getName(), results, "probe", true, null, tee);
        RunReport.Result r = RunReport.last().orElseThrow(() -> new AssertionError("no run summary was written"));
        return new Outcome(rc, captured.toString(StandardCharsets.UTF_8), r);
    }

    @Override
    public void close() throws Exception {
        simulator.close();
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}

package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * Capacity searches against the embedded simulator with depositors: with one background worker that takes 4 s to index
 * a record, every record published in a step waits at least 4 s for it (its queue only lengthens that), so time to
 * searchable fails its 5 s p95 at the first step and the report names the background workers; with the default
 * configuration (records searchable after the 1 s refresh) it does not. Verdicts, not speeds: a slower machine only
 * makes the slow worker's records later.
 */
class BackgroundCapacityTest {
    @TempDir
    Path tmp;

    /**
     * A first search in a cold JVM on a busy machine can outlast the pre-flight's 15 s: one search first, without a
     * time limit, so that the steps' pre-flights measure the simulator rather than the JIT.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        try (Simulator sim = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(Map.of()))))) {
            sim.start();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.siteUrl() + "/api/records?size=1"))
                                    .timeout(Duration.ofMinutes(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    private CapacitySearch.Outcome search(Map<String, String> extra) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("traffic.depositors", "2");
        p.put("traffic.depositors.pause", "500ms");
        p.put("traffic.deposit.maxFileMB", "1");
        p.put("simulator.serviceTime.distribution", "fixed");
        // A few reader sessions beside the depositors; one measured step (the warm-up, then the rate tried last).
        p.put("capacity.startRate", "2");
        p.put("capacity.maxRate", "2");
        p.put("capacity.rampBetweenSteps", "1s");
        p.put("capacity.settle", "1s");
        p.put("capacity.stepDuration", "14s");
        p.put("capacity.refineSteps", "0");
        p.put("capacity.confirmFailures", "0");
        p.put("capacity.reportDir", tmp.resolve("reports").toString());
        p.put("slo.resultsFolder", tmp.resolve("results").toString());
        p.put("history.record", "false");
        // The machine is shared with other builds: the steps judge the target, not whether the injector had the CPU.
        p.put("injector.maxShortSharePct", "100");
        p.put("slo.injector.maxStartLag", "5s");
        p.put("slo.injector.maxMissing", "50");
        p.putAll(extra);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            return CapacitySearch.run(p, out);
        } finally {
            Files.writeString(tmp.resolve("console.txt"), console.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void oneSlowBackgroundWorkerIsNamedAsWhatFails() throws Exception {
        CapacitySearch.Outcome o = search(
                Map.of("simulator.tiers.background.workers", "1", "simulator.tiers.background.serviceTime", "4s"));
        Background b = o.result().background();
        String console = Files.readString(tmp.resolve("console.txt"));
        assertNotNull(b, console);
        assertNotNull(b.verdict(), "the report names no background work: " + b + "\n" + console);
        assertTrue(
                b.verdict().contains("what fails is **background workers**: time to searchable failed"), b.verdict());
        String md = Files.readString(o.report().resolve("summary.md"));
        assertTrue(md.contains("what fails is **background workers**"), md);
        assertTrue(md.contains("Time to searchable p50/p95"), md);
        assertTrue(console.contains("capacity: At step"), console);
    }

    @Test
    void theDefaultConfigurationDoesNotNameThem() throws Exception {
        CapacitySearch.Outcome o = search(Map.of());
        Background b = o.result().background();
        String console = Files.readString(tmp.resolve("console.txt"));
        assertNotNull(b, "depositors measured time to searchable: " + console);
        assertTrue(b.hasSearchable(), b.toString());
        assertNull(b.verdict(), b.verdict());
        assertFalse(Files.readString(o.report().resolve("summary.md")).contains("what fails is"));
    }
}

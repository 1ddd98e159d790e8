package rdmloadtest.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;
import rdmloadtest.simulator.perf.EndpointClass;

/** The benchmark's check reads the simulator's own /metrics: a record read capped by its modelled tier fails it. */
class ModelledCapCheckTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int READS = 50;

    /** The simulator with {@code config}, after {@link #READS} record reads: its tiers' counters from /metrics. */
    private static List<ModelledCapCheck.TierCounters> afterRecordReads(Map<String, String> config) throws Exception {
        Map<String, String> m = new HashMap<>(config);
        m.put("invenio.version", "13");
        m.put("data.dir", "data/default");
        m.put("simulator.serviceTime.distribution", "fixed");
        try (Simulator sim = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(m))))) {
            sim.start();
            for (int i = 0; i < READS; i++) assertEquals(200, get(sim.siteUrl() + "/api/records/" + firstRecord()));
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sim.siteUrl() + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return ModelledCapCheck.parse(r.body());
        }
    }

    private static int get(String url) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String firstRecord() throws Exception {
        try (Stream<String> lines = Files.lines(Path.of("data/default/feeders/records.csv"))) {
            return lines.skip(1).findFirst().orElseThrow().split(",")[1];
        }
    }

    @Test
    void aRecordReadWhoseDatabaseTierIsModelledIsCappedByItAndFailsTheCheckNearTheCap() throws Exception {
        // What bench-simulator measured before: the app's time zeroed, PostgreSQL's 1 ms on its 8 workers kept.
        List<ModelledCapCheck.TierCounters> tiers = afterRecordReads(Map.of(
                "simulator.workers", "512",
                "simulator.serviceTime.record", "0ms",
                "simulator.backendTime.record", "database=1ms",
                "simulator.tiers.database.workers", "8"));
        Map<String, Double> caps = ModelledCapCheck.caps(tiers);
        assertEquals(8000, caps.get("database"), 1e-6, "8 workers / 1 ms: " + tiers);
        assertEquals(512_000, caps.get("app"), 1e-3, "512 workers each held 1 ms while PostgreSQL works: " + tiers);
        assertEquals(Double.POSITIVE_INFINITY, caps.get("search"), "a record read never searches: " + tiers);
        List<String> near = ModelledCapCheck.tooClose(tiers, 7970);
        assertEquals(1, near.size(), near.toString());
        assertTrue(near.get(0).contains("database tier caps it at 8000 req/s"), near.get(0));
        assertEquals(List.of(), ModelledCapCheck.tooClose(tiers, 6000), "0.75 of the cap is not near it");
    }

    @Test
    void withEveryTierZeroedNoRateIsNearACap() throws Exception {
        Map<String, String> zeroed = new HashMap<>(Map.of("simulator.workers", "512"));
        for (EndpointClass c : EndpointClass.values()) {
            zeroed.put("simulator.serviceTime." + c.id(), "0ms");
            zeroed.put("simulator.backendTime." + c.id(), "none");
        }
        List<ModelledCapCheck.TierCounters> tiers = afterRecordReads(zeroed);
        assertEquals(
                READS,
                tiers.stream()
                        .filter(t -> t.tier().equals("app"))
                        .findFirst()
                        .orElseThrow()
                        .completions());
        assertEquals(List.of(), ModelledCapCheck.tooClose(tiers, 1e9));
    }
}

package rdmloadtest.metrics;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigException;

/** The metrics file, Prometheus's query API (a stand-in answering as Prometheus does) and the tier report. */
class TierMetricsTest {
    @TempDir
    Path dir;

    private HttpServer server;
    /** query text (contained) -> value; a query matching none answers an empty result. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query", ex -> {
            String q = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            String body;
            if (q.contains("syntax error"))
                body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}";
            else {
                String value = answers.entrySet().stream()
                        .filter(e -> q.contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                        + (value == null ? "" : "{\"metric\":{},\"value\":[1800000000,\"" + value + "\"]}") + "]}}";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body.contains("error") ? 400 : 200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private MetricsFile file(String tiers) throws Exception {
        Path f = dir.resolve("metrics.json");
        Files.writeString(
                f,
                "{\"schema\":\"rdm-loadtest/metrics/1\",\"prometheusUrl\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "\",\"tiers\":[" + tiers + "]}");
        return MetricsFile.read(f, Optional.empty());
    }

    private static final String TIERS = "{\"name\":\"app workers\",\"utilization\":\"app_cpu\",\"capacity\":2},"
            + "{\"name\":\"search\",\"utilization\":\"search_cpu\",\"capacity\":1,\"saturation\":\"search_queue\"},"
            + "{\"name\":\"machine\",\"utilization\":\"machine_cpu\",\"capacity\":2}";

    @Test
    void demandIsUtilizationOverThroughputAndTheBusiestTierIsNamed() throws Exception {
        answers.putAll(Map.of("app_cpu", "1.5", "search_cpu", "0.3", "search_queue", "2", "machine_cpu", "1.95"));
        MetricsFile m = file(TIERS);
        TierMetrics.preflight(m, new Prometheus(m.prometheus()));
        TierMetrics.Report r = TierMetrics.measure(m, new Prometheus(m.prometheus()), 1000, 1060, 10.0);
        TierMetrics.TierUsage app = r.tiers().get(0);
        assertEquals(1.5, app.utilization(), 1e-9);
        assertEquals(75.0, app.utilizationPct(), 1e-9);
        assertEquals(150.0, app.demandMs(), 1e-9, "D = U / X: 1.5 cores / 10 req/s = 150 ms per request");
        assertEquals(2.0, r.tiers().get(1).saturation(), 1e-9);
        assertEquals(
                "app workers", r.bottleneck(), "75 % of its capacity against search's 30 %; the machine is no tier");
        assertTrue(TierMetrics.table(r).contains("busiest tier: app workers"), TierMetrics.table(r));
        // 1.95 cores on the machine, 1.8 in the tiers: 0.15 cores (7.7 %) explained by none
        assertEquals(0.15, r.unattributed().cores(), 1e-9);
        assertTrue(
                TierMetrics.table(r).contains("unattributed CPU: 0.150 cores, 7.7 % of the machine's 1.950"),
                TierMetrics.table(r));
    }

    @Test
    void aRateIsTakenOverTheStepItselfNotItsFixedRange() {
        // A 30 s rate averaged over a 12 s step reaches 18 s back into the ramp and the step before.
        assertEquals(
                "count(node_cpu_seconds_total{mode=\"idle\"}) - sum(rate(node_cpu_seconds_total{mode=\"idle\"}[12s]))",
                TierMetrics.overWindow(
                        "count(node_cpu_seconds_total{mode=\"idle\"}) - sum(rate(node_cpu_seconds_total{mode=\"idle\"}[30s]))",
                        12));
        assertEquals(
                "sum(rate(busy[12s])) / sum(rate(x[12s]))",
                TierMetrics.overWindow("sum(rate(busy[5s])) / sum(rate(x[1m]))", 12));
        assertEquals("avg_over_time((sum(queue))[12s:1s])", TierMetrics.overWindow("sum(queue)", 12));
    }

    @Test
    void tiersJsonCarriesTheUnattributedShareAndReadsBack() throws Exception {
        answers.putAll(Map.of("app_cpu", "1.0", "search_cpu", "0.3", "search_queue", "0", "machine_cpu", "1.6"));
        MetricsFile m = file(TIERS);
        TierMetrics.Report r = TierMetrics.measure(m, new Prometheus(m.prometheus()), 1000, 1060, 10.0);
        Path json = dir.resolve("tiers.json");
        TierMetrics.write(json, r);
        var n = new ObjectMapper().readTree(json.toFile());
        assertEquals(0.3, n.at("/unattributed/cores").asDouble(), 1e-9);
        assertEquals(18.75, n.at("/unattributed/pct").asDouble(), 1e-9);
        assertTrue(TierMetrics.table(r).contains("WARNING: above 15 %"), TierMetrics.table(r));
        TierMetrics.Report back = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(json.toFile(), TierMetrics.Report.class);
        assertEquals(r.unattributed(), back.unattributed());
    }

    @Test
    void aQueryThatReturnsNothingStopsBeforeLoadNamingTierAndQuery() throws Exception {
        answers.putAll(Map.of("app_cpu", "1.5", "machine_cpu", "1"));
        MetricsFile m = file(TIERS);
        ConfigException e =
                assertThrows(ConfigException.class, () -> TierMetrics.preflight(m, new Prometheus(m.prometheus())));
        assertTrue(
                e.getMessage().startsWith("metrics: tier 'search', utilization query 'search_cpu' returned nothing"),
                e.getMessage());
    }

    @Test
    void aTierPrometheusSeesOnlyAfterTheRunStartedIsWaitedForThenNamedWhenItNeverAnswers() throws Exception {
        answers.putAll(Map.of("app_cpu", "1.5", "machine_cpu", "1", "search_queue", "0"));
        MetricsFile m = file(TIERS);
        // The injector's own process appears in Prometheus a few scrapes after it started.
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            answers.put("search_cpu", "0.2");
        });
        late.start();
        TierMetrics.preflight(m, new Prometheus(m.prometheus()), Duration.ofSeconds(30));
        late.join();
        answers.remove("search_cpu");
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> TierMetrics.preflight(m, new Prometheus(m.prometheus()), Duration.ofSeconds(3)));
        assertTrue(e.getMessage().contains("'search_cpu' returned nothing"), e.getMessage());
    }

    @Test
    void anUnreachableOrRefusingPrometheusStopsBeforeLoad() throws Exception {
        MetricsFile refused = file("{\"name\":\"app\",\"utilization\":\"syntax error(\"}");
        ConfigException e = assertThrows(
                ConfigException.class, () -> TierMetrics.preflight(refused, new Prometheus(refused.prometheus())));
        assertTrue(e.getMessage().contains("Prometheus refused the query: parse error"), e.getMessage());
        MetricsFile m = file("{\"name\":\"app\",\"utilization\":\"app_cpu\"}");
        Prometheus down = new Prometheus(URI.create("http://127.0.0.1:1"));
        ConfigException e2 = assertThrows(ConfigException.class, () -> TierMetrics.preflight(m, down));
        assertTrue(
                e2.getMessage()
                        .startsWith(
                                "metrics: tier 'app', utilization query 'app_cpu': Prometheus at http://127.0.0.1:1 cannot be reached"),
                e2.getMessage());
    }

    @Test
    void aBadMetricsFileIsAOneLineErrorNamingTheFile() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(
                f,
                "{\"schema\":\"rdm-loadtest/metrics/1\",\"prometheusUrl\":\"http://x\",\"tiers\":[{\"name\":\"a\"}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> MetricsFile.read(f, Optional.empty()));
        assertEquals(f + ": tiers[0]: expected a name and a utilization query", e.getMessage());
    }

    @Test
    void aTiersUnitAndWhatItWaitsForAreCheckedAgainstTheFile() throws Exception {
        Path f = dir.resolve("bad.json");
        String head = "{\"schema\":\"rdm-loadtest/metrics/1\",\"prometheusUrl\":\"http://x\",\"tiers\":[";
        Files.writeString(f, head + "{\"name\":\"a\",\"utilization\":\"q\",\"unit\":\"threads\"}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> MetricsFile.read(f, Optional.empty()));
        assertEquals(f + ": tiers[0] (a): unit: expected one of cores, workers, got \"threads\"", e.getMessage());
        Files.writeString(f, head + "{\"name\":\"a\",\"utilization\":\"q\",\"waitsFor\":[\"b\"]}]}");
        e = assertThrows(ConfigException.class, () -> MetricsFile.read(f, Optional.empty()));
        assertEquals(f + ": tier 'a': waitsFor: 'b' is not another tier of this file", e.getMessage());
        MetricsFile sim = MetricsFile.read("classpath:metrics/simulator.json", Optional.empty());
        assertEquals(
                List.of("search", "database", "file storage"),
                sim.tiers().get(0).waitsFor());
        assertTrue(sim.tiers().stream().allMatch(t -> "workers".equals(t.unit())));
    }

    @Test
    void theShippedFilesAreValidAndNamedInTheErrorForAMissingOne() {
        for (String name : List.of("single-host", "kubernetes")) {
            MetricsFile m = MetricsFile.read("classpath:metrics/" + name + ".json", Optional.empty());
            assertTrue(m.tiers().size() >= 6, name);
            assertTrue(m.tiers().stream().anyMatch(t -> t.name().equals("app workers")), name);
            assertTrue(m.tiers().stream().allMatch(t -> "cores".equals(t.unit())), name);
        }
        ConfigException e = assertThrows(
                ConfigException.class, () -> MetricsFile.read("classpath:metrics/nope.json", Optional.empty()));
        assertTrue(e.getMessage().contains("shipped: classpath:metrics/single-host.json"), e.getMessage());
    }
}

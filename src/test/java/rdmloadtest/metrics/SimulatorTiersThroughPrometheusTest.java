package rdmloadtest.metrics;

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
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;
import rdmloadtest.testing.PrometheusProcess;

/**
 * Attribution against its ground truth: the simulator's tiers scraped by a real Prometheus, read back through the
 * shipped metrics file (classpath:metrics/simulator.json). In three configurations, each limited by another tier,
 * the busiest tier is the one configured to limit, and its demand per request is the configured one.
 */
class SimulatorTiersThroughPrometheusTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static Stream<Arguments> configurations() {
        return Stream.of(
                // OpenSearch with one worker at 20 ms a search: 30 searches/s keep it 60 % busy.
                Arguments.of(
                        "search",
                        "/api/records?q=data&size=10",
                        Map.of(
                                "simulator.serviceTime.search", "2ms",
                                "simulator.backendTime.search", "search=20ms",
                                "simulator.tiers.search.workers", "1"),
                        20.0),
                // PostgreSQL with one worker at 25 ms a record read.
                Arguments.of(
                        "database",
                        "/api/records/" + firstRecord(),
                        Map.of(
                                "simulator.serviceTime.record", "2ms",
                                "simulator.backendTime.record", "database=25ms",
                                "simulator.tiers.database.workers", "1"),
                        25.0),
                // One app worker at 20 ms of its own and 2 ms of PostgreSQL's (8 workers).
                Arguments.of(
                        "app workers",
                        "/api/records/" + firstRecord(),
                        Map.of(
                                "simulator.workers", "1",
                                "simulator.serviceTime.record", "20ms",
                                "simulator.backendTime.record", "database=2ms"),
                        22.0));
    }

    private static String tierId(String tier) {
        return tier.equals("app workers") ? "app" : tier;
    }

    private static String firstRecord() {
        try (Stream<String> lines = Files.lines(Path.of("data/default/feeders/records.csv"))) {
            return lines.skip(1).findFirst().orElseThrow().split(",")[1];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} limits")
    @MethodSource("configurations")
    void theBusiestTierIsTheOneConfiguredToLimitAndItsDemandIsTheConfiguredOne(
            String tier, String path, Map<String, String> config, double demandMs) throws Exception {
        Map<String, String> m = new HashMap<>(config);
        m.put("invenio.version", "13");
        m.put("data.dir", "data/default");
        m.put("simulator.serviceTime.distribution", "fixed");
        try (Simulator sim = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(m))))) {
            int port = sim.start();
            try (PrometheusProcess prom = PrometheusProcess.start(dir, List.of("'127.0.0.1:" + port + "'"))) {
                MetricsFile file =
                        MetricsFile.read("classpath:metrics/simulator.json", Optional.of(URI.create(prom.url())));
                Prometheus p = new Prometheus(file.prometheus());
                // Its first scrape comes some seconds after it is ready: the load starts once the series are in.
                prom.awaitSeries("rdm_simulator_tier_workers");
                double rate = 30;
                long start = System.currentTimeMillis() / 1000;
                AtomicLong ok = new AtomicLong();
                Queue<Long> answeredAt = new ConcurrentLinkedQueue<>();
                ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
                // The ground truth: the simulator's own counters, every second.
                Map<Long, Double> busyAt = new ConcurrentHashMap<>();
                load.scheduleAtFixedRate(
                        () -> sim.model().tiers().stream()
                                .filter(t -> t.tier().id().equals(tierId(tier)))
                                .forEach(t -> busyAt.put(System.currentTimeMillis() / 1000, t.busySeconds())),
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
                load.scheduleAtFixedRate(
                        () -> HTTP.sendAsync(
                                        HttpRequest.newBuilder(URI.create(sim.siteUrl() + path))
                                                .header("Accept", "application/json")
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .thenAccept(r -> {
                                    if (r.statusCode() != 200) return;
                                    ok.incrementAndGet();
                                    answeredAt.add(System.currentTimeMillis());
                                }),
                        0,
                        (long) (1_000_000 / rate),
                        TimeUnit.MICROSECONDS);
                // Prometheus sees the tiers once it has scraped them; then 14 s of load, the last 8 judged.
                Thread.sleep(14_000);
                load.shutdownNow();
                long to = System.currentTimeMillis() / 1000 - 1;
                long from = to - 8;
                Thread.sleep(2_500); // the scrapes up to `to` are in
                TierMetrics.preflight(file, p);
                // The throughput the load generator saw in the window, as a run's summary gives it.
                double x = answeredAt.stream()
                                .filter(t -> t >= from * 1000 && t < to * 1000)
                                .count()
                        / (double) (to - from);
                TierMetrics.Report r = TierMetrics.measure(file, p, from, to, x);
                double truth =
                        (busyAt.getOrDefault(to, Double.NaN) - busyAt.getOrDefault(from, Double.NaN)) / (to - from);
                String table = TierMetrics.table(r) + "the simulator's own counters: U = " + truth;
                assertTrue(
                        ok.get() > rate * 10, "the simulator answered the load: " + ok.get() + " × 200 since " + start);
                assertEquals(tier, r.bottleneck(), table);
                TierMetrics.TierUsage u = r.tiers().stream()
                        .filter(t -> t.tier().equals(tier))
                        .findFirst()
                        .orElseThrow();
                assertEquals(truth, u.utilization(), truth * 0.15, "Prometheus's U against the simulator's; " + table);
                assertEquals(1.0, u.capacity(), "the capacity query reads the tier's workers; " + table);
                assertEquals(demandMs, u.demandMs(), demandMs * 0.15, "D = U / X within 15 %; " + table);
            }
        }
    }
}

package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics: the tiers' counters in Prometheus's text format, the ground truth of attribution. */
class TierMetricsEndpointTest extends AbstractSimulatorTest {
    static Sim sim;
    static String recordId;

    @BeforeAll
    static void start() throws Exception {
        var recs = Fixture.records(5);
        recordId = recs.get(0).id();
        sim = Sim.start(
                recs,
                fast(
                        "simulator.serviceTime.record", "3ms",
                        "simulator.backendTime.record", "database=2ms",
                        "simulator.tiers.search.workers", "3"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    private static double value(String text, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " not in /metrics:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void metricsShowEachTiersWorkersHeldTimeAndCompletions() throws Exception {
        String before = sim.get(Simulator.METRICS_PATH).expect(200).text();
        for (int i = 0; i < 4; i++) sim.get("/api/records/" + recordId).expect(200);
        Res r = sim.get(Simulator.METRICS_PATH).expect(200);
        assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), r.header("Content-Type"));
        String after = r.text();
        assertEquals(3, value(after, "rdm_simulator_tier_workers{tier=\"search\"}"));
        assertEquals(16, value(after, "rdm_simulator_tier_workers{tier=\"app\"}"));
        String db = "rdm_simulator_tier_completions_total{tier=\"database\"}";
        assertEquals(4, value(after, db) - value(before, db), "each record read called PostgreSQL once");
        String dbBusy = "rdm_simulator_tier_busy_seconds_total{tier=\"database\"}";
        assertEquals(0.008, value(after, dbBusy) - value(before, dbBusy), 1e-6, "4 × 2 ms");
        String appBusy = "rdm_simulator_tier_busy_seconds_total{tier=\"app\"}";
        assertEquals(0.020, value(after, appBusy) - value(before, appBusy), 1e-6, "4 × (3 ms own + 2 ms waiting)");
        String appOwn = "rdm_simulator_tier_service_seconds_total{tier=\"app\"}";
        assertEquals(0.012, value(after, appOwn) - value(before, appOwn), 1e-6, "4 × 3 ms of its own");
        assertEquals(0, value(after, "rdm_simulator_tier_queue{tier=\"app\"}"));
        assertTrue(value(after, "rdm_simulator_requests_total{class=\"record\"}") >= 4);
    }

    @Test
    void scrapesAreNotServedByTheModel() throws Exception {
        String appDone = "rdm_simulator_tier_completions_total{tier=\"app\"}";
        double first = value(sim.get(Simulator.METRICS_PATH).text(), appDone);
        double second = value(sim.get(Simulator.METRICS_PATH).text(), appDone);
        assertEquals(first, second, "a scrape takes no app worker");
    }
}

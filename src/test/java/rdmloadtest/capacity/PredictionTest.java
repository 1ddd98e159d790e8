package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rdmloadtest.metrics.TierMetrics;

/** The report's self-check, the queueing model's predictions and their record, and the sizing in deployment units. */
class PredictionTest {

    private static StepResult step(int i, double throughput, double meanMs, boolean passed) {
        return step(i, throughput, throughput, meanMs, passed);
    }

    private static StepResult step(int i, double offered, double throughput, double meanMs, boolean passed) {
        return new StepResult(
                i,
                "step",
                offered,
                offered,
                offered,
                throughput,
                1000,
                0,
                0,
                meanMs,
                10,
                20,
                30,
                40,
                throughput * meanMs / 1000,
                1,
                List.of(),
                passed ? List.of() : List.of(CapacityAnalysisTest.check("search", false)),
                true,
                "",
                null,
                "run-" + i);
    }

    private static TierMetrics.TierUsage tier(String name, double x, double demandMs, Double capacity, String unit) {
        double u = demandMs * x / 1000;
        return new TierMetrics.TierUsage(
                name, u, capacity, capacity == null ? null : 100 * u / capacity, demandMs, null, unit, List.of());
    }

    private static TierSteps.Row row(StepResult s, TierMetrics.TierUsage... tiers) {
        return new TierSteps.Row(s, new TierMetrics.Report(0, 12, s.throughputRps(), List.of(tiers), tiers[0].tier()));
    }

    @Test
    void aDemandTimesAMeasuredThroughputAboveCapacityIsAFindingNamingTierAndFigures() {
        // The database case: 7.5 ms per request on 1 worker beside 188.3 req/s measured, no step failing.
        List<TierSteps.Row> rows = List.of(
                row(step(1, 100, 20, true), tier("database", 100, 7.5, 1.0, "workers")),
                row(step(2, 188.3, 25, true), tier("database", 188.3, 7.5, 1.0, "workers")));
        Attribution a = Attribution.of(rows, 188.3, 100, 70, 2);
        List<String> messages =
                a.findings().stream().map(SelfCheck.Finding::message).toList();
        assertEquals(
                List.of(
                        "step 2: database: demand 7.5 ms × measured throughput 188.3 req/s = 1.41 busy, 141 % of its"
                                + " capacity 1 (allowed 105 %)",
                        "database: bound 133.3 req/s lies below the 188.3 req/s step 2 measured meeting the SLOs"),
                messages);
        assertEquals("database", a.findings().get(0).tier());
        String md = TierSteps.markdown(rows, a);
        assertTrue(md.contains("**Self-check FAILED** (tolerance 5 %)"), md);
        assertTrue(TierSteps.conclusion(rows, a)
                .contains("capacity: SELF-CHECK FAILED: database: bound 133.3 req/s lies below the 188.3 req/s step 2"
                        + " measured meeting the SLOs"));
    }

    @Test
    void consistentFiguresAndAFewPercentOfSamplingPassTheSelfCheck() {
        List<TierSteps.Row> rows = List.of(
                row(step(1, 100, 20, true), tier("database", 100, 5.3, 1.0, "workers")),
                // 1.04 busy of 1: within the 5 % a 12 s window's sampling allows
                row(step(2, 188.3, 25, true), tier("database", 188.3, 5.5, 1.0, "workers")));
        assertEquals(List.of(), Attribution.of(rows, 188.3, 100, 70, 2).findings());
        // 1.06 busy is not
        List<TierSteps.Row> over = List.of(row(step(2, 188.3, 25, true), tier("database", 188.3, 5.63, 1.0, null)));
        assertEquals(1, SelfCheck.of(over, List.of()).size());
    }

    @Test
    void aStepPastSaturationThatCompletedLessOfTheQueuedClassDoesNotContradictTheBound() {
        // search tight (2 workers): 48.7 ms per request where the SLOs held; in an overloaded step the queued searches
        // completed less than their share, 44.4 ms per request at 45.1 req/s (measured on the simulator, 2026-12-07).
        List<TierSteps.Row> rows = List.of(
                row(step(5, 36.3, 117, true), tier("search", 36.3, 48.7, 2.0, "workers")),
                row(step(10, 45.1, 400, false), tier("search", 45.1, 44.4, 2.0, "workers")));
        Attribution a = Attribution.of(rows, 36.3, 100, 70, 2);
        assertEquals(41.1, a.boundRps(), 0.1);
        assertEquals(List.of(), a.findings(), "2.00 busy of 2 at step 10: consistent");
    }

    @Test
    void anSloThatFailsBelowEveryCpuBoundNamesThePoolThatWasFull() {
        // Measured on the simulator, search tight (2 workers): at step 6 the app's 16 workers were held for searches.
        TierMetrics.TierUsage app6 =
                new TierMetrics.TierUsage("app workers", 15.0, 16.0, 93.7, 460, 3.2, "workers", List.of("search"));
        TierMetrics.TierUsage app5 =
                new TierMetrics.TierUsage("app workers", 4.4, 16.0, 27.7, 122, 0.0, "workers", List.of("search"));
        List<TierSteps.Row> rows = List.of(
                row(step(5, 36.3, 117, true), app5, tier("search", 36.3, 48.7, 2.0, "workers"), machine(36.3)),
                row(step(6, 34.8, 32.5, 4000, false), app6, tier("search", 32.5, 43.8, 2.0, "workers"), machine(32.5)));
        Attribution a = Attribution.of(rows, 36.3, 100, 70, 2);
        assertEquals(
                "At step 6, the first to fail (34.8 req/s offered, below every CPU bound), the pool that was full:"
                        + " **app workers** (15.0 of 16 workers busy, 3.2 waiting).",
                a.fullPools());
        assertTrue(TierSteps.conclusion(rows, a)
                .contains("capacity: " + a.fullPools().replace("**", "")));
        // A CPU bound below the failing rate: CPU ran out, not a pool.
        List<TierSteps.Row> cpu = List.of(
                row(step(5, 36.3, 117, true), app5, tier("machine", 36.3, 50, 2.0, "cores")),
                row(step(6, 48, 38, 4000, false), app6, tier("machine", 38, 52, 2.0, "cores")));
        assertNull(Attribution.of(cpu, 36.3, 100, 70, 2).fullPools(), "2 cores / 50 ms = 40 req/s, below 48 offered");
    }

    @Test
    void theBoundsDemandIsReadWhereTheTierWasStableAndPooled() {
        // search tight, 1 worker, measured on the simulator: a 12 s window's share of searches moves D by ±10 %.
        List<TierSteps.Row> rows = List.of(
                row(step(3, 9.9, 60, true), tier("search", 9.9, 46.1, 1.0, "workers")),
                row(step(4, 20.5, 80, true), tier("search", 20.5, 41.2, 1.0, "workers")),
                row(step(8, 22.4, 110, true), tier("search", 22.4, 37.3, 1.0, "workers")),
                row(step(9, 22.6, 900, false), tier("search", 21.2, 47.2, 1.0, "workers")));
        Attribution a = Attribution.of(rows, 22.4, 100, 70, 2);
        // steps 4 and 8 ran the tier at 84–85 %: its demand is read where it was stable, step 3 (the upper half of one)
        assertEquals(46.1, a.tiers().get(0).demandMs(), 1e-9);
        assertEquals(1000 / 46.1, a.boundRps(), 0.01);
        // with a second stable step within half of the highest, both pool: (0.4564 + 0.3) / (9.9 + 6)
        List<TierSteps.Row> two = new ArrayList<>(rows);
        two.add(0, row(step(2, 6, 50, true), tier("search", 6, 50, 1.0, "workers")));
        assertEquals(
                (46.1 * 9.9 + 50 * 6) / 15.9,
                Attribution.of(two, 22.4, 100, 70, 2).tiers().get(0).demandMs(),
                1e-9);
    }

    /** The machine's 2 cores at 20 ms a request: a CPU bound of 100 req/s. */
    private static TierMetrics.TierUsage machine(double x) {
        return tier("machine", x, 20, 2.0, "cores");
    }

    /** Steps measured on an M/M/1 of 10 ms: the mean response time is 5 ms plus 10 / (1 − ρ). */
    private static List<TierSteps.Row> mm1Steps() {
        List<TierSteps.Row> rows = new ArrayList<>();
        double[] rates = {20, 40, 60, 80, 90};
        for (int i = 0; i < rates.length; i++) {
            double x = rates[i];
            rows.add(row(step(i + 1, x, 5 + 10 / (1 - x / 100), x <= 80), tier("search", x, 10, 1.0, "workers")));
        }
        return rows;
    }

    @Test
    void eachLowerStepPredictsTheMeasuredCapacityAndTheWhatIfSolvesTheDoubledNetwork() {
        List<TierSteps.Row> rows = mm1Steps();
        Prediction.Calibrated c = Prediction.of(rows, 80.0).orElseThrow();
        assertEquals(55, c.prediction().budgetMs(), 1e-9, "the reference step's 5 + 10 / 0.2");
        assertEquals(5, c.prediction().baseMs(), 1e-6);
        assertEquals(3, c.prediction().backtest().size(), "steps 1–3 lie below the reference");
        for (Prediction.Backtest b : c.prediction().backtest()) {
            assertEquals(80, b.predictedRps(), 1e-6, "an exact model predicts exactly: " + b);
            assertEquals(0, b.errorPct(), 1e-6);
        }
        // Two servers: 5 + R(λ) = 55 with R the M/M/2 residence of 10 ms: C(2, a) × 10 / (2 − a) + 10 = 50.
        double doubled = c.whatIf("search", 2);
        QueueingNetwork mm2 =
                new QueueingNetwork(List.of(new QueueingNetwork.Station("search", 2, 10, 0, 0, List.of())), 5);
        assertEquals(55, mm2.responseMs(doubled), 1e-6);
        assertTrue(doubled > 170 && doubled < 200, "" + doubled);
        String md = c.prediction().markdown(80);
        assertTrue(md.contains("mean absolute error **0.0 %**"), md);
        assertTrue(md.contains("| 1 | 20.0 | 80.0 | 80.0 | +0.0 % |"), md);
    }

    @Test
    void aWrongModelShowsInItsRecord() {
        // The same steps, but each lower step's demand read a third too high: its predictions fall short.
        List<TierSteps.Row> rows = new ArrayList<>();
        for (TierSteps.Row r : mm1Steps())
            rows.add(
                    r.step().throughputRps() < 80
                            ? row(r.step(), tier("search", r.step().throughputRps(), 13.3, 1.0, null))
                            : r);
        Prediction p = Prediction.of(rows, 80.0).orElseThrow().prediction();
        assertTrue(p.meanAbsErrorPct() > 10, p.toString());
        p.backtest().forEach(b -> assertTrue(b.predictedRps() < 80, b.toString()));
    }

    @Test
    void farFromEveryBoundTheRateIsNotDeterminedAndTheResponseTimeIsJudgedInstead() {
        // An M/M/1 of 10 ms at 1, 2 and 3 req/s (5 ms unexplained); the last step's mean read 9 ms high, as the
        // default background proof's 62.5 ms beside 53.1 ms one step before at nearly the same rate.
        List<TierSteps.Row> rows = new ArrayList<>();
        for (int x = 1; x <= 3; x++)
            rows.add(row(
                    step(x, x, 5 + 10 / (1 - x / 100.0) + (x == 3 ? 9 : 0), true),
                    tier("search", x, 10, 1.0, "workers")));
        Prediction p = Prediction.of(rows, 3.0).orElseThrow().prediction();
        assertTrue(p.elasticity() < 0.1, "3 % busy: the response time barely moves with the rate: " + p.elasticity());
        Prediction.Backtest first = p.backtest().get(0);
        assertTrue(first.errorPct() > 1000, "9 ms of noise put the rate near the bound: " + first);
        assertNull(p.meanAbsErrorPct(), "a rate set by noise is no error of the model");
        // Step 1's model at 3 req/s: 5 + 10 / 0.97 = 15.3 ms, where 24.3 ms were measured.
        assertEquals(15.31, first.predictedMs(), 0.01);
        assertEquals(-37.0, first.latencyErrorPct(), 0.1);
        assertNotNull(p.meanAbsLatencyErrorPct());
        String md = p.markdown(3);
        assertTrue(md.contains("the lower steps' predictions of the reference step's response time at 3.0 req/s"), md);
        assertTrue(md.contains("not determined)"), md);
        assertFalse(md.contains("How good its predictions were"), md);

        // Near its bound (the M/M/1 steps at 20 to 80 req/s) the same record judges the rate.
        Prediction near = Prediction.of(mm1Steps(), 80.0).orElseThrow().prediction();
        assertTrue(near.elasticity() >= Prediction.DETERMINED_ELASTICITY, "" + near.elasticity());
        assertEquals(0, near.meanAbsErrorPct(), 1e-6);
        assertEquals(0, near.meanAbsLatencyErrorPct(), 1e-6, "an exact model predicts the response time exactly");
    }

    @Test
    void aPoolHeldWhileItWaitsHasItsOwnDemandApartFromTheBackendsResidence() {
        // app workers held 40 ms per request at 50 req/s; search (1 worker, 10 ms) resided 20 ms of it at ρ = 0.5.
        TierMetrics.TierUsage app =
                new TierMetrics.TierUsage("app workers", 2.0, 16.0, 12.5, 40, null, "workers", List.of("search"));
        TierSteps.Row r = row(step(1, 50, 60, true), app, tier("search", 50, 10, 1.0, "workers"));
        QueueingNetwork m = Prediction.model(List.of(r), r).orElseThrow();
        assertEquals(20, m.station("app workers").demandMs(), 1e-9, "40 held − 20 resided in search");
        assertEquals(List.of("search"), m.station("app workers").waitsFor());
        assertEquals(60, m.responseMs(50), 1e-6, "calibrated to the step's own response time");
        double bound = m.boundRps();
        assertTrue(bound > 90 && bound < 100, "the app pool fills just before search's own 100 req/s: " + bound);
    }

    private static final Pattern LIMITS =
            Pattern.compile("INVENIO_LOCAL_WORKERS=(\\d+) INVENIO_LOCAL_THREADS=4 invenio-local/invenio-local up"
                    + " --limits ((?:[a-z]+=\\d+(?:\\.\\d+)?,?)+)\\n");

    @Test
    void theSizingIsAHelmInvenioValuesFragmentAndALimitsLineForOneHost() throws Exception {
        // One host's CPU tiers at 10 req/s: app 100 ms, OpenSearch 20, PostgreSQL 10, Redis 2 per request.
        List<TierSteps.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            double x = 5.0 * i;
            rows.add(row(
                    step(i, x, 150, true),
                    tier("app workers", x, 100, 2.0, "cores"),
                    tier("search", x, 20, 1.0, "cores"),
                    tier("database", x, 10, null, "cores"),
                    tier("cache", x, 2, 1.0, "cores"),
                    tier("injector", x, 30, null, "cores"),
                    tier("machine", x, 170, 2.0, "cores")));
        }
        Attribution a = Attribution.of(rows, 15.0, 50, 70, 2);
        Sizing s = a.sizing();
        assertNotNull(s);
        JsonNode v = new ObjectMapper(new YAMLFactory()).readTree(s.helmValues());
        // app: 50 × 0.1 / 0.7 = 7.14 cores (at least; the model may add): pods of at most 2 cores, 4 threads each
        int replicas = v.at("/web/replicas").asInt();
        int processes = v.at("/web/uwsgi/processes").asInt();
        assertEquals(4, v.at("/web/uwsgi/threads").asInt());
        double webLimit = cores(v.at("/web/resources/limits/cpu").asText());
        double webRequest = cores(v.at("/web/resources/requests/cpu").asText());
        assertTrue(replicas * webLimit >= 7.14, replicas + " × " + webLimit);
        assertTrue(webLimit <= Sizing.WEB_POD_CORES && processes == Math.ceil(webLimit), s.helmValues());
        assertEquals(0.7, webRequest / webLimit, 0.05, "the request is the peak's use, the limit its 70 %");
        assertTrue(cores(v.at("/opensearch/data/resources/limits/cpu").asText()) >= 50 * 0.02 / 0.7);
        assertEquals(1, v.at("/opensearch/data/replicaCount").asInt());
        assertTrue(cores(v.at("/postgresql/primary/resources/limits/cpu").asText()) >= 50 * 0.01 / 0.7, s.helmValues());
        assertEquals(0.2, cores(v.at("/redis/master/resources/limits/cpu").asText()), 1e-9, "50 × 2 ms / 0.7: 0.14");
        assertTrue(v.at("/machine").isMissingNode() && v.at("/injector").isMissingNode(), s.helmValues());
        assertTrue(s.helmValues().startsWith("# helm-invenio values: 50 req/s at the SLOs"), s.helmValues());
        Matcher m = LIMITS.matcher(s.singleHost());
        assertTrue(m.find(), s.singleHost());
        assertEquals(replicas * processes, Integer.parseInt(m.group(1)), "gunicorn workers: every web process");
        List<String> tiers = new ArrayList<>();
        for (String kv : m.group(2).split(",")) {
            tiers.add(kv.substring(0, kv.indexOf('=')));
            assertTrue(Double.parseDouble(kv.substring(kv.indexOf('=') + 1)) >= 0.1, kv);
        }
        assertEquals(List.of("app", "search", "database", "cache"), tiers, "invenio-local's tier names");
        assertNotNull(s.predictedRps());
        assertTrue(s.predictedRps() >= 50, "the model checks the sized tiers hold the peak: " + s.predictedRps());
        assertTrue(TierSteps.markdown(rows, a).contains("```yaml\n# helm-invenio values"));
        // The figures docs/capacity.md quotes for this fixture.
        assertEquals(List.of(4, 2, 1800, 1250), List.of(replicas, processes, (int) Math.round(webLimit * 1000), (int)
                Math.round(webRequest * 1000)));
        assertTrue(
                s.singleHost()
                        .contains("INVENIO_LOCAL_WORKERS=8 INVENIO_LOCAL_THREADS=4 invenio-local/invenio-local"
                                + " up --limits app=7.2,search=1.5,database=0.8,cache=0.2"),
                s.singleHost());
    }

    private static double cores(String millicores) {
        assertTrue(millicores.matches("\\d+m"), millicores);
        return Integer.parseInt(millicores.substring(0, millicores.length() - 1)) / 1000.0;
    }
}

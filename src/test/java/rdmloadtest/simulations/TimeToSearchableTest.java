package rdmloadtest.simulations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.results.RunSummary;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.RequestNames;
import rdmloadtest.testing.GatlingRun;

/**
 * Time to searchable judged as an SLO group (p95 5 s in slo/invenio-default.json): depositors against the embedded
 * simulator pass when a published record reaches search in 1 s (OpenSearch's refresh, what InvenioRDM's publish
 * leaves it to), fail when indexing takes 8 s, and count a record never found in time as an error.
 */
class TimeToSearchableTest {
    @TempDir
    static Path results;

    private static RunSummary run(String indexDelay, String timeout) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("simulator.refreshDelay", indexDelay);
        p.put("simulator.serviceTime.distribution", "fixed");
        p.put("traffic.depositors", "2");
        p.put("traffic.depositors.pause", "1s");
        p.put("traffic.deposit.maxFileMB", "1");
        p.put("traffic.deposit.searchable.timeout", timeout);
        p.put("run.rampUp", "1s");
        p.put("run.duration", "20s");
        p.put("slo.warmup", "0s");
        GatlingRun.Result r = GatlingRun.run(DepositSimulation.class, p, results);
        assertEquals(0, r.exitCode(), "the run crashed");
        return r.run().orElseThrow().summary();
    }

    private static Check check(RunSummary s, String metric) {
        return s.checks().stream()
                .filter(c ->
                        c.subject().equals("time to searchable") && c.metric().equals(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no time to searchable " + metric + " in " + s.checks()));
    }

    private static RunSummary.GroupSummary group(RunSummary s) {
        return s.groups().stream()
                .filter(g -> g.name().equals("time to searchable"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void passesWhenARecordIsSearchableAfterTheRefresh() throws Exception {
        RunSummary s = run("1s", "60s");
        RunSummary.GroupSummary g = group(s);
        assertTrue(
                g.window().count() >= 2,
                "records published and found: " + g.window().count());
        assertTrue(
                g.window().p50() >= 1000,
                "found before the index refresh: p50 " + g.window().p50());
        assertEquals(
                Check.Status.PASSED, check(s, "p95").status(), check(s, "p95").message());
        assertEquals(0, g.window().ko(), "records not found");
        // The polls are in their own group, not in search.
        assertTrue(s.requests().stream()
                .filter(r -> r.name().equals(RequestNames.FIND_PUBLISHED_RECORD))
                .allMatch(r -> "searchable polls".equals(r.sloGroup())));
    }

    @Test
    void failsWhenIndexingTakesLongerThanTheObjective() throws Exception {
        RunSummary s = run("8s", "60s");
        RunSummary.GroupSummary g = group(s);
        assertTrue(
                g.window().count() >= 1,
                "records published and found: " + g.window().count());
        assertTrue(
                g.window().p50() >= 8000,
                "found before it was indexed: p50 " + g.window().p50());
        assertEquals(
                Check.Status.FAILED, check(s, "p95").status(), check(s, "p95").message());
        assertEquals(0, g.window().ko(), "records not found");
    }

    @Test
    void aRecordNotFoundBeforeTheTimeoutIsAnError() throws Exception {
        RunSummary s = run("8s", "3s");
        RunSummary.GroupSummary g = group(s);
        assertTrue(g.window().count() >= 1, "spans: " + g.window().count());
        assertEquals(g.window().count(), g.window().ko(), "every record given up on after 3 s");
        assertEquals(
                Check.Status.FAILED,
                check(s, "error rate").status(),
                check(s, "error rate").message());
    }
}

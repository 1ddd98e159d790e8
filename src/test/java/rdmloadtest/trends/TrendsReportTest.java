package rdmloadtest.trends;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.history.Baseline;
import rdmloadtest.history.Fingerprint;
import rdmloadtest.history.RunHistory;

class TrendsReportTest {
    private static final TrendsReport.Plan PLAN =
            new TrendsReport.Plan(30, 5, 3, new Baseline.Tolerances(15, 10, 10, 0.5));
    private static final Fingerprint FP = Fingerprint.of(
            "rdmloadtest.simulations.DefaultMixSimulation",
            "load",
            "simulator",
            Map.of("traffic.readers.rate", "5"),
            "0.1.0");

    private static ObjectNode summary(double searchP95) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        ObjectNode g = s.putArray("groups").addObject().put("name", "search");
        g.putObject("window")
                .put("count", 500)
                .put("p50", 40)
                .put("p95", searchP95)
                .put("p99", searchP95 * 1.5)
                .put("rps", 4.2)
                .put("errorRatePct", 0);
        return s;
    }

    @Test
    void eachRunIsJudgedByTheGoodRunsBeforeItAndOnlyTheRegressionIsMarked(@TempDir Path dir) throws Exception {
        RunHistory history = new RunHistory(dir.resolve("history"));
        double[] p95s = {100, 102, 99, 101, 100, 160, 101};
        Instant t = Instant.parse("2026-12-01T02:30:00Z");
        for (int i = 0; i < p95s.length; i++) {
            history.record("run", t.plusSeconds(86_400L * i), FP, true, true, "night-" + i, summary(p95s[i]));
        }
        history.record(
                "capacity",
                t,
                FP,
                true,
                true,
                "cap-1",
                JsonNodeFactory.instance.objectNode().put("maxSustainableRps", 181.5));

        List<TrendsReport.Point> points = TrendsReport.judge(history.all("run"), PLAN);
        assertEquals(
                List.of(0, 0, 0, 0, 0, 2, 0),
                points.stream().map(p -> p.regressions().size()).toList(),
                "night 5: p95 and p99 regressed; the first three nights have no baseline yet");

        Path out = dir.resolve("report");
        assertEquals(8, TrendsReport.write(history, PLAN, out));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(
                html.contains("REGRESSION: search p95 = 160 ms vs 100 ms (the median of the 5 good runs before)"),
                html);
        assertTrue(html.contains("181.5"), html);
        for (String png : List.of("series1-search-latency.png", "series1-search-throughput.png", "capacity.png")) {
            byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertEquals((byte) 0x89, bytes[0], png + " is a PNG");
            assertEquals('P', bytes[1], png);
        }
    }
}

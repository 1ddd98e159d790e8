package rdmloadtest.history;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private static Fingerprint fp(String rate) {
        return Fingerprint.of(
                "rdmloadtest.simulations.DefaultMixSimulation",
                "load",
                "http://127.0.0.1:5000",
                Map.of("traffic.readers.rate", rate, "run.duration", "40s"),
                "0.1.0");
    }

    @Test
    void runsWithTheSameSimulationProfileLoadAndTargetShareAFingerprint() {
        assertEquals(fp("5").id(), fp("5").id());
        assertNotEquals(fp("5").id(), fp("6").id());
        assertEquals(List.of("traffic.readers.rate: 5 vs 6"), fp("5").differences(fp("6")));
        Fingerprint otherVersion =
                Fingerprint.of(fp("5").simulation(), "load", fp("5").target(), fp("5").load(), "0.2.0");
        assertTrue(fp("5").comparableWith(otherVersion), "an upgrade is a trend, not a new history");
    }

    @Test
    void lastGoodKeepsOnlyGoodComparableRunsNewestLast(@TempDir Path dir) throws Exception {
        RunHistory h = new RunHistory(dir);
        Instant t = Instant.parse("2026-12-01T02:30:00Z");
        for (int i = 0; i < 7; i++) {
            boolean passed = i != 2;
            boolean valid = i != 4;
            h.record(
                    "run",
                    t.plusSeconds(86_400L * i),
                    fp("5"),
                    passed,
                    valid,
                    "night-" + i,
                    JsonNodeFactory.instance.objectNode().put("night", i));
        }
        h.record(
                "run",
                t.plusSeconds(86_400L * 8),
                fp("9"),
                true,
                true,
                "other-rate",
                JsonNodeFactory.instance.objectNode());
        h.record(
                "capacity",
                t.plusSeconds(86_400L * 9),
                fp("5"),
                true,
                true,
                "cap",
                JsonNodeFactory.instance.objectNode());
        Files.writeString(dir.resolve("notes-run-x.json"), "not an entry");

        List<RunHistory.Entry> last = h.lastGood("run", fp("5"), 3);
        assertEquals(
                List.of("night-3", "night-5", "night-6"),
                last.stream().map(RunHistory.Entry::source).toList());
        assertEquals(5, last.get(1).result().path("night").asInt());
        assertEquals(8, h.all("run").size(), "the file that is not an entry is skipped");
        assertEquals(1, h.all("capacity").size());
        assertTrue(Files.exists(dir.resolve("20261201T023000.000Z-run-" + fp("5").id() + ".json")));
    }
}

package rdmloadtest.invenio;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/** What the target holds, probed over its public search: the shipped data set served by the simulator. */
class DatasetTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> QUERIES = List.of("data", "metadata.title:climate", "physics");
    private static Simulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = new Simulator(SimulatorSettings.from(
                new Settings(ConfigSource.ofMap(Map.of("invenio.version", "13", "data.dir", "data/default")))));
        sim.start();
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    @Test
    void theProbeCountsPublicRecordsVersionsAndFilesOfTheShippedData() throws Exception {
        long latest = 0, versions = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("data/default/records.jsonl"))) {
            JsonNode r = json.readTree(line);
            if (!r.at("/access/record").asText().equals("public")) continue;
            versions++;
            if (r.at("/versions/is_latest").asBoolean()) latest++;
        }
        Dataset d = Dataset.probe(HTTP, sim.siteUrl(), QUERIES, 10, latest, null);
        assertEquals(latest, d.records());
        assertEquals(versions, d.versions());
        assertEquals(25, d.sampled());
        assertTrue(d.meanFilesPerRecord() > 0 && d.meanFilesPerRecord() < 20, d.line());
        assertEquals(Math.round(d.records() * d.meanFilesPerRecord()), d.filesEstimate());
        assertTrue(d.meanRecordBytes() > 1000, "a record's JSON is kilobytes: " + d.line());
        assertEquals(3, d.queriesSampled());
        assertTrue(d.meanHitsPerPage() >= 0 && d.meanHitsPerPage() <= 10, d.line());
        assertEquals(List.of(), d.warnings(), "the target holds every record the feeders name");
        assertTrue(d.markdown().contains("| " + latest + " | " + versions + " |"), d.markdown());
    }

    @Test
    void aTargetWithFarFewerRecordsThanTheFeedersOrProductionIsWarnedAbout() throws Exception {
        Dataset d = Dataset.probe(HTTP, sim.siteUrl(), QUERIES, 10, 10_000L, 2_000_000L);
        assertEquals(2, d.warnings().size(), d.warnings().toString());
        assertTrue(
                d.warnings().get(0).contains("the feeders name 10000"),
                d.warnings().get(0));
        assertTrue(
                d.warnings().get(1).contains("production 2000000"), d.warnings().get(1));
        assertTrue(d.markdown().contains("**Warning:**"));
    }
}

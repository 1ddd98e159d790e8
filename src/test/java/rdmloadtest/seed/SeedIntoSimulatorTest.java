package rdmloadtest.seed;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.datagen.DatagenSettings;
import rdmloadtest.datagen.FileContent;
import rdmloadtest.datagen.Generator;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * Seeding into the embedded simulator with a 100 KiB body limit (InvenioRDM v14 has 100 MiB): files above the upload
 * limit are capped instead of refused, a draft left by a crashed run is resumed, and a refused upload leaves no draft.
 */
class SeedIntoSimulatorTest {
    private static final String TOKEN = "rdm-loadtest-token-1";
    private static final long LIMIT = 100 << 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Simulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> config = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        simulator = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(Map.of(
                "simulator.port", "0",
                "simulator.maxContentLength", String.valueOf(LIMIT),
                "simulator.refreshDelay", "0s")))));
        simulator.start();
        // Files up to 256 KiB: some above the limit.
        Generator.run(new DatagenSettings(30, dir, 11, 2, 256 << 10), false);
        config.put("invenio.baseUrl", simulator.siteUrl());
        config.put("seed.data", dir.toString());
        config.put("seed.progressFile", dir.resolve("progress.csv").toString());
        config.put("invenio.maxUploadSize", String.valueOf(LIMIT));
    }

    @AfterEach
    void stop() throws Exception {
        simulator.close();
    }

    private int seed() throws IOException {
        return SeedMain.run(new Settings(ConfigSource.ofMap(config)), TOKEN);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(simulator.siteUrl() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header(
                        "Content-Type",
                        body != null && body.startsWith("[") || body != null && body.startsWith("{")
                                ? "application/json"
                                : "application/octet-stream");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long openDrafts() throws Exception {
        HttpResponse<String> r = call("GET", "/api/user/records?q=is_published:false&size=100", null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).at("/hits/total").asLong();
    }

    private List<JsonNode> records() throws IOException {
        try (JsonLines lines = new JsonLines(dir.resolve("records.jsonl"))) {
            List<JsonNode> out = new ArrayList<>();
            lines.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void filesAboveTheUploadLimitGoThroughTheMultipartTransferWhole() throws Exception {
        List<JsonNode> big = new ArrayList<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (JsonNode r : records())
            for (JsonNode e : r.at("/files/entries"))
                if (e.get("size").asLong() >= LIMIT) {
                    big.add(e);
                    sourceOf.put(
                            e.get("key").asText() + "@" + e.get("size").asLong(),
                            r.get("id").asText());
                }
        assertFalse(big.isEmpty(), "the generated data has files above the limit");
        assertEquals(0, seed());
        assertFalse(Files.exists(dir.resolve("progress-capped.csv")), "nothing capped: the simulator offers multipart");
        Map<String, String> published = new HashMap<>();
        for (String l : Files.readAllLines(dir.resolve("progress.csv")))
            if (l.endsWith(",published")) published.put(l.split(",")[0], l.split(",")[1]);
        for (JsonNode e : big) {
            String key = e.get("key").asText();
            long size = e.get("size").asLong();
            String source = sourceOf.get(key + "@" + size);
            HttpResponse<String> entry = call("GET", "/api/records/" + published.get(source) + "/files/" + key, null);
            assertEquals(200, entry.statusCode(), entry.body());
            JsonNode n = JSON.readTree(entry.body());
            assertEquals(size, n.get("size").asLong(), key);
            assertEquals(
                    "md5:" + FileContent.md5Hex(source, key, size),
                    n.get("checksum").asText(),
                    key);
        }
        assertEquals(0, openDrafts());
    }

    @Test
    void withoutCappingTheTargetRefusesWith413AndNoDraftIsLeft() throws Exception {
        config.put("invenio.maxUploadSize", "1g");
        assertEquals(Command.FAILED, seed(), "records with refused files fail the command (4)");
        assertTrue(
                Files.readAllLines(dir.resolve("progress.csv")).stream().anyMatch(l -> l.endsWith(",deleted")),
                "failed records' drafts are deleted");
        assertEquals(0, openDrafts(), "no draft left on the target");
    }

    @Test
    void aDraftLeftByACrashedRunIsResumedWithTheFilesItHolds() throws Exception {
        JsonNode record = records().stream()
                .filter(r -> r.at("/files/entries").size() >= 1
                        && r.at("/versions/index").asInt() == 1)
                .findFirst()
                .orElseThrow();
        String source = record.get("id").asText();
        // What a run killed mid-upload leaves: the draft, its first file initialised and uploaded but not committed.
        HttpResponse<String> created = call("POST", "/api/records", JSON.writeValueAsString(SeedMain.payload(record)));
        assertEquals(201, created.statusCode(), created.body());
        String draft = JSON.readTree(created.body()).get("id").asText();
        JsonNode file = record.at("/files/entries").elements().next();
        String key = file.get("key").asText();
        assertEquals(
                201,
                call("POST", "/api/records/" + draft + "/draft/files", "[{\"key\":\"" + key + "\"}]")
                        .statusCode());
        Files.writeString(dir.resolve("progress.csv"), ProgressFile.HEADER + "\n" + source + "," + draft + ",draft\n");

        assertEquals(0, seed());
        List<String> lines = Files.readAllLines(dir.resolve("progress.csv"));
        assertTrue(lines.contains(source + "," + draft + ",published"), "the same draft was published: " + lines);
        HttpResponse<String> published = call("GET", "/api/records/" + draft, null);
        assertEquals(200, published.statusCode(), published.body());
        assertEquals(
                record.at("/files/entries").size(),
                JSON.readTree(call("GET", "/api/records/" + draft + "/files", null)
                                .body())
                        .path("entries")
                        .size());
        assertEquals(0, openDrafts());
    }

    @Test
    void aDraftCreatedJustBeforeACrashIsFoundWithoutItsId() throws Exception {
        JsonNode record = records().stream()
                .filter(r -> r.at("/versions/index").asInt() == 1)
                .findFirst()
                .orElseThrow();
        String source = record.get("id").asText();
        // Killed after POST /api/records reached the target, before its id was written: only "creating" is known.
        HttpResponse<String> created = call("POST", "/api/records", JSON.writeValueAsString(SeedMain.payload(record)));
        assertEquals(201, created.statusCode(), created.body());
        String draft = JSON.readTree(created.body()).get("id").asText();
        Files.writeString(dir.resolve("progress.csv"), ProgressFile.HEADER + "\n" + source + ",-,creating\n");
        Thread.sleep(50);

        assertEquals(0, seed());
        assertTrue(
                Files.readAllLines(dir.resolve("progress.csv")).contains(source + "," + draft + ",published"),
                "the orphan draft was adopted and published");
        assertEquals(0, openDrafts());
    }
}

package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator seeded from the generator's output (data/default): every record readable with the access
 * status the generator wrote, search sees the latest public versions, downloads match checksums.csv.
 * Skipped when data/default has not been generated (mvn -q exec:java@datagen -Ddatagen.out=data/default).
 */
class GeneratedDataSeedTest extends AbstractSimulatorTest {
    static final Path DATA = Path.of("data/default");
    static List<JsonNode> records = new ArrayList<>();
    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(DATA.resolve("records.jsonl")), "data/default/records.jsonl not generated");
        for (String line : Files.readAllLines(DATA.resolve("records.jsonl"))) {
            if (!line.isBlank()) records.add(JSON.readTree(line));
        }
        sim = Sim.start(DATA, fast(), false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    @Test
    void everyGeneratedRecordIsReadableWithItsAccessStatus() throws Exception {
        for (JsonNode r : records) {
            String id = r.path("id").asText();
            JsonNode b = sim.as(ADMIN, "GET", "/api/records/" + id).expect(200).json();
            assertEquals(
                    r.path("access").path("status").asText(),
                    b.path("access").path("status").asText(),
                    id + ": the simulator computes access.status; the generator must agree");
            int expected = r.path("access").path("record").asText().equals("restricted") ? 403 : 200;
            sim.get("/api/records/" + id).expect(expected);
        }
    }

    @Test
    void searchSeesTheLatestPublicVersions() throws Exception {
        Map<String, JsonNode> latest = new HashMap<>();
        for (JsonNode r : records) {
            latest.merge(
                    r.path("parent").path("id").asText(),
                    r,
                    (a, b) -> a.path("versions").path("index").asInt()
                                    >= b.path("versions").path("index").asInt()
                            ? a
                            : b);
        }
        long expected = latest.values().stream()
                .filter(r -> !r.path("access").path("record").asText().equals("restricted"))
                .count();
        assertEquals(
                expected,
                sim.get("/api/records")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asLong());
        assertEquals(
                records.size(),
                sim.as(ADMIN, "GET", "/api/records?allversions=true")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asLong());
    }

    @Test
    void downloadsMatchTheGeneratedChecksums() throws Exception {
        Path sums = DATA.resolve("checksums.csv");
        assumeTrue(Files.isRegularFile(sums), "no checksums.csv");
        Map<String, String> md5 = new HashMap<>();
        for (String line :
                Files.readAllLines(sums).subList(1, Files.readAllLines(sums).size())) {
            String[] f = line.split(",", 3);
            md5.put(f[0] + "/" + f[1], f[2].trim());
        }
        record File(String id, String key, long size) {}
        List<File> files = new ArrayList<>();
        for (JsonNode r : records) {
            r.path("files")
                    .path("entries")
                    .fields()
                    .forEachRemaining(e -> files.add(new File(
                            r.path("id").asText(),
                            e.getKey(),
                            e.getValue().path("size").asLong())));
        }
        files.sort(Comparator.comparingLong(File::size));
        for (File f : files.subList(0, Math.min(5, files.size()))) {
            Res d = sim.as(ADMIN, "GET", "/api/records/" + f.id() + "/files/" + f.key() + "/content")
                    .expect(200);
            assertEquals(f.size(), d.body().length, f.toString());
            assertEquals(md5.get(f.id() + "/" + f.key()), md5(d.body()), f.toString());
            assertEquals(md5.get(f.id() + "/" + f.key()), d.header("Content-MD5"), f.toString());
        }
    }

    @Test
    void generatedCommunitiesAreListed() throws Exception {
        long lines = Files.readAllLines(DATA.resolve("communities.jsonl")).stream()
                .filter(l -> !l.isBlank())
                .count();
        assertEquals(
                lines,
                sim.get("/api/communities")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asLong());
    }
}

package rdmloadtest.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import rdmloadtest.datagen.FileContent;
import rdmloadtest.simulator.store.Community;
import rdmloadtest.simulator.store.Parent;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;

/** Fills the repository from generated data (records.jsonl, communities.jsonl): published and searchable at once. */
final class Seeder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Seeder() {}

    static int seed(Repository repo, Path dataDir) throws IOException {
        Path records = dataDir.resolve("records.jsonl");
        if (!Files.isRegularFile(records)) {
            throw new IOException(records + ": no such file; expected the generated records (see data/README.md)");
        }
        Path communities = dataDir.resolve("communities.jsonl");
        Map<String, String> checksums = checksums(dataDir.resolve("checksums.csv"));
        int[] count = {0};
        repo.write(() -> {
            try {
                if (Files.isRegularFile(communities)) {
                    forEachLine(
                            communities,
                            n -> repo.putCommunity(new Community(
                                    n.path("id").asText(), n.path("slug").asText(), (ObjectNode) n)));
                }
                forEachLine(records, n -> {
                    addRecord(repo, (ObjectNode) n, checksums);
                    count[0]++;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        return count[0];
    }

    private interface LineHandler {
        void accept(JsonNode n);
    }

    private static void forEachLine(Path file, LineHandler h) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + ":" + no + ": not a JSON object ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
                }
                if (!n.isObject() || !n.hasNonNull("id"))
                    throw new IOException(file + ":" + no + ": expected an object with an id");
                h.accept(n);
            }
        }
    }

    /** Precomputed md5s of generated files (record_id/key → md5), so big files are not hashed on first read. */
    private static Map<String, String> checksums(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        if (!Files.isRegularFile(file)) return m;
        try (var r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                m.put(rec.get("record_id") + "/" + rec.get("key"), rec.get("md5"));
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IOException(file + ": expected columns record_id,key,md5 (" + e.getMessage() + ")");
        }
        return m;
    }

    private static void addRecord(Repository repo, ObjectNode n, Map<String, String> checksums) {
        String id = n.get("id").asText();
        JsonNode p = n.path("parent");
        String parentId = p.path("id").asText(id + "-parent");
        Parent parent = repo.parent(parentId)
                .orElseGet(() -> repo.putParent(new Parent(
                        parentId, p.path("access").path("owned_by").path("user").asText("1"))));
        p.path("communities").path("ids").forEach(c -> parent.communities.add(c.asText()));
        Instant created = time(n.path("created").asText(null));
        RecordDoc r = new RecordDoc(id, parent, false, created, null);
        r.updated = time(n.path("updated").asText(null));
        r.revision = n.path("revision_id").asInt(3);
        r.versionIndex = n.path("versions").path("index").asInt(1);
        r.metadata = n.path("metadata").isObject() ? (ObjectNode) n.get("metadata") : r.metadata;
        ObjectNode access = n.path("access").isObject() ? (ObjectNode) n.get("access") : r.access;
        access.remove("status");
        r.access = access;
        r.customFields = n.path("custom_fields").isObject() ? (ObjectNode) n.get("custom_fields") : r.customFields;
        JsonNode files = n.path("files");
        r.filesEnabled = files.path("enabled").asBoolean(true);
        files.path("entries").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            String key = f.path("key").asText(e.getKey());
            long size = f.path("size").asLong();
            r.files.put(
                    key,
                    StoredFile.committed(
                            key,
                            size,
                            f.path("mimetype").asText(null),
                            () -> FileContent.open(id, key, size),
                            checksums.get(id + "/" + key),
                            r.bucketId,
                            created));
        });
        r.searchableFrom = created;
        repo.putRecord(r);
        parent.versions.add(id);
        parent.versions.sort(Comparator.comparingInt(
                v -> repo.record(v).map(x -> x.versionIndex).orElse(0)));
    }

    /**
     * InvenioRDM extracted the width and height of the seeded images when they were uploaded; the simulator reads
     * them from the generated pictures in the background, so the first record and search answers do not wait.
     */
    static void extractImageMetadata(Repository repo, Executor extractor) {
        repo.read(() -> repo.records().stream()
                        .flatMap(r -> r.files.values().stream())
                        .toList())
                .forEach(f -> extractor.execute(f::imageSize));
    }

    private static Instant time(String text) {
        if (text == null) return Instant.now();
        return OffsetDateTime.parse(text).toInstant();
    }
}

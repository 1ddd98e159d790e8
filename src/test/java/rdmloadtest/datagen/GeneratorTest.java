package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.feeders.CsvRows;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.feeders.JsonLines;

class GeneratorTest {

    private static final int RECORDS = 2000;

    @TempDir
    static Path temp;

    private static Path dir;
    private static List<JsonNode> records;

    @BeforeAll
    static void generate() throws IOException {
        dir = temp.resolve("set");
        Generator.run(new DatagenSettings(RECORDS, dir, 42, 10, FileSizes.DEFAULT_MAX_BYTES), false);
        records = readJsonLines(dir.resolve("records.jsonl"));
    }

    private static List<JsonNode> readJsonLines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (JsonLines lines = new JsonLines(file)) {
            lines.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<Map<String, Object>> rows(Path dataDir, FeederFile kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (CsvRows csv = CsvRows.open(dataDir, kind)) {
            csv.forEachRemaining(out::add);
        }
        return out;
    }

    private static Map<String, byte[]> allFiles(Path root) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndFileBytes() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Generator.run(new DatagenSettings(300, a, 7, 10, FileSizes.DEFAULT_MAX_BYTES), false);
        Generator.run(new DatagenSettings(300, b, 7, 10, FileSizes.DEFAULT_MAX_BYTES), false);
        Map<String, byte[]> first = allFiles(a);
        Map<String, byte[]> second = allFiles(b);
        assertEquals(
                Set.of(
                        "records.jsonl",
                        "communities.jsonl",
                        "feeders/records.csv",
                        "feeders/files.csv",
                        "feeders/search_queries.csv",
                        "feeders/facets.csv",
                        "feeders/depositor_records.csv"),
                first.keySet());
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), second.get(name), name);
        }
        Map<String, Object> file = rows(a, FeederFile.FILES).get(0);
        String id = (String) file.get("record_id");
        String key = (String) file.get("key");
        long size = Math.min(1 << 20, (Long) file.get("size"));
        assertEquals(FileContent.md5Hex(id, key, size), FileContent.md5Hex(id, key, size));
    }

    @Test
    void defaultShapeStillGeneratesTheCommittedDataSetByteForByte() throws IOException {
        Path again = temp.resolve("default-again");
        Generator.run(new DatagenSettings(300, again, 42, 10, FileSizes.DEFAULT_MAX_BYTES), false);
        Map<String, byte[]> generated = allFiles(again);
        for (String name : generated.keySet()) {
            assertArrayEquals(Files.readAllBytes(Path.of("data/default").resolve(name)), generated.get(name), name);
        }
    }

    @Test
    void shapeKnobsGiveTheLongTailsThatDriveCost() throws IOException {
        Path tails = temp.resolve("tails");
        CorpusShape shape = new CorpusShape(
                new CorpusShape.LogNormalWords(150, 1.5, 3000),
                new CorpusShape.Zipf(200, 1.5),
                new CorpusShape.Zipf(50, 1.5),
                new CorpusShape.SizesPerType(0.001),
                AccessMix.parse("open=40,metadata-only=0,restricted-files=20,embargoed=25,restricted-record=15"),
                new CorpusShape.CommunityChances(80, 60, 6));
        Generator.run(new DatagenSettings(20_000, tails, 3, 10, FileSizes.DEFAULT_MAX_BYTES, shape), false);
        ShapeSummary.Tally tally = new ShapeSummary.Tally();
        try (JsonLines lines = new JsonLines(tails.resolve("records.jsonl"))) {
            lines.forEachRemaining(r -> {
                if (r.at("/versions/is_latest").asBoolean()) tally.addRecord(r);
            });
        }
        ShapeSummary s = tally.summary();
        assertTrue(
                s.descriptionWords().max() >= 2500,
                "words max " + s.descriptionWords().max());
        // Capped at the max drawn; the text's first sentence may add a word or two ("This work").
        assertTrue(
                s.descriptionWords().max() <= 3005,
                "words max " + s.descriptionWords().max());
        assertTrue(
                s.versionsPerRecord().max() >= 100,
                "versions max " + s.versionsPerRecord().max());
        assertTrue(
                s.filesPerRecord().max() >= 30,
                "files max " + s.filesPerRecord().max());
        assertTrue(
                s.communitiesPerRecord().max() >= 4,
                "communities max " + s.communitiesPerRecord().max());
        assertEquals(0.0, s.accessPercent().get(AccessMix.Kind.METADATA_ONLY));
        assertEquals(25, s.accessPercent().get(AccessMix.Kind.EMBARGOED), 2);
        assertEquals(15, s.accessPercent().get(AccessMix.Kind.RESTRICTED_RECORD), 2);
        // Sizes scaled by 1/1000: the pdf median of 1 MB becomes about 1 kB.
        assertTrue(
                s.fileBytes().percentile("p50") < 20_000,
                "size p50 " + s.fileBytes().percentile("p50"));
    }

    @Test
    void anotherSeedGivesOtherRecords() throws IOException {
        Path c = temp.resolve("c");
        Generator.run(new DatagenSettings(300, c, 8, 10, FileSizes.DEFAULT_MAX_BYTES), false);
        Path d = temp.resolve("d");
        Generator.run(new DatagenSettings(300, d, 9, 10, FileSizes.DEFAULT_MAX_BYTES), false);
        List<JsonNode> eight = readJsonLines(c.resolve("records.jsonl"));
        List<JsonNode> nine = readJsonLines(d.resolve("records.jsonl"));
        assertFalse(eight.get(0).get("id").equals(nine.get(0).get("id")));
        assertFalse(eight.get(0).get("metadata").equals(nine.get(0).get("metadata")));
    }

    @Test
    void everyRecordHasWhatInvenioRequiresToPublish() {
        assertEquals(RECORDS, records.size());
        for (JsonNode r : records) {
            String id = r.get("id").asText();
            JsonNode m = r.get("metadata");
            assertTrue(RecordIds.isValid(id), id);
            assertTrue(RecordIds.isValid(r.at("/parent/id").asText()), id);
            assertFalse(m.at("/resource_type/id").asText().isEmpty(), id);
            assertTrue(m.get("title").asText().length() >= 3, id);
            assertTrue(m.get("publication_date").asText().matches("\\d{4}-\\d{2}(-\\d{2})?"), id);
            assertTrue(m.get("creators").size() >= 1, id);
            for (JsonNode c : m.get("creators")) {
                JsonNode p = c.get("person_or_org");
                if ("personal".equals(p.get("type").asText())) {
                    assertFalse(p.get("family_name").asText().isEmpty(), id);
                } else {
                    assertEquals("organizational", p.get("type").asText(), id);
                    assertFalse(p.get("name").asText().isEmpty(), id);
                }
            }
            if (m.has("contributors")) {
                for (JsonNode c : m.get("contributors")) {
                    assertTrue(Vocabulary.ROLES.contains(c.at("/role/id").asText()), id);
                }
            }
            JsonNode files = r.get("files");
            if (files.get("enabled").asBoolean()) {
                assertTrue(files.get("entries").size() >= 1, id);
                assertEquals(files.get("count").asInt(), files.get("entries").size(), id);
                files.get("entries").forEach(f -> assertFalse(f.has("checksum")));
            } else {
                assertEquals(0, files.get("entries").size(), id);
            }
            assertEquals(0, r.get("pids").size(), id);
            assertTrue(r.get("is_published").asBoolean() && !r.get("is_draft").asBoolean(), id);
            assertEquals("published", r.get("status").asText(), id);
        }
    }

    @Test
    void identifiersAndVocabularyIdsAreOnesInvenioAccepts() {
        Set<String> types = new HashSet<>();
        Vocabulary.RESOURCE_TYPES.items().forEach(t -> types.add(t.id()));
        for (JsonNode r : records) {
            JsonNode m = r.get("metadata");
            assertTrue(types.contains(m.at("/resource_type/id").asText()));
            m.path("rights")
                    .forEach(x -> assertTrue(
                            Vocabulary.LICENSES.items().contains(x.get("id").asText())));
            m.path("languages")
                    .forEach(x -> assertTrue(
                            Vocabulary.LANGUAGES.items().contains(x.get("id").asText())));
            m.path("related_identifiers")
                    .forEach(x -> assertTrue(Vocabulary.RELATION_TYPES.contains(
                            x.at("/relation_type/id").asText())));
            for (String field : List.of("creators", "contributors")) {
                for (JsonNode c : m.path(field)) {
                    for (JsonNode i : c.at("/person_or_org").path("identifiers")) {
                        assertEquals("orcid", i.get("scheme").asText());
                        assertTrue(Orcid.isValid(i.get("identifier").asText()), i.toString());
                    }
                }
            }
        }
    }

    @Test
    void accessStatusAgreesWithAccessAndEmbargoesEndAfter2030() {
        Set<String> statuses = new HashSet<>();
        for (JsonNode r : records) {
            JsonNode a = r.get("access");
            String status = a.get("status").asText();
            statuses.add(status);
            boolean enabled = r.at("/files/enabled").asBoolean();
            boolean embargoed = a.at("/embargo/active").asBoolean();
            String expected = embargoed
                    ? "embargoed"
                    : "public".equals(a.get("record").asText()) && !enabled
                            ? "metadata-only"
                            : "public".equals(a.get("record").asText())
                                            && "public".equals(a.get("files").asText())
                                    ? "open"
                                    : "restricted";
            assertEquals(expected, status, r.get("id").asText());
            if (embargoed) {
                assertTrue(LocalDate.parse(a.at("/embargo/until").asText()).getYear() >= 2031);
            }
        }
        assertEquals(Set.of("open", "restricted", "embargoed", "metadata-only"), statuses);
    }

    @Test
    void versionsShareTheirParentAndOnlyTheLastIsLatest() {
        Map<String, List<JsonNode>> byParent = new HashMap<>();
        for (JsonNode r : records) {
            byParent.computeIfAbsent(r.at("/parent/id").asText(), k -> new ArrayList<>())
                    .add(r);
        }
        assertTrue(byParent.values().stream().anyMatch(v -> v.size() > 1), "some records have several versions");
        for (List<JsonNode> versions : byParent.values()) {
            for (int i = 0; i < versions.size(); i++) {
                assertEquals(i + 1, versions.get(i).at("/versions/index").asInt());
                assertEquals(
                        i == versions.size() - 1,
                        versions.get(i).at("/versions/is_latest").asBoolean());
            }
        }
    }

    @Test
    void feedersListOnlyWhatAnAnonymousUserCanSee() {
        Map<String, JsonNode> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.get("id").asText(), r));
        List<Map<String, Object>> ranked = rows(dir, FeederFile.RECORDS);
        Set<Integer> ranks = new HashSet<>();
        for (Map<String, Object> row : ranked) {
            JsonNode r = byId.get((String) row.get("id"));
            assertNotNull(r);
            assertTrue(r.at("/versions/is_latest").asBoolean());
            assertEquals("public", r.at("/access/record").asText());
            assertEquals(r.at("/access/status").asText(), row.get("access_status"));
            assertEquals(r.at("/files/count").asInt(), row.get("file_count"));
            ranks.add((Integer) row.get("rank"));
        }
        assertEquals(ranked.size(), ranks.size());
        assertEquals(1, ranks.stream().mapToInt(i -> i).min().getAsInt());
        assertEquals(ranked.size(), ranks.stream().mapToInt(i -> i).max().getAsInt());
        for (Map<String, Object> row : rows(dir, FeederFile.FILES)) {
            JsonNode r = byId.get((String) row.get("record_id"));
            assertEquals("open", r.at("/access/status").asText());
            JsonNode entry = r.at("/files/entries").get((String) row.get("key"));
            assertEquals(entry.get("size").asLong(), row.get("size"));
        }
    }

    @Test
    void searchQueriesComeFromTheCorpus() {
        String titles = records.stream()
                .map(r -> r.at("/metadata/title").asText().toLowerCase())
                .collect(Collectors.joining("\n"));
        String names = records.stream()
                .flatMap(r -> r.at("/metadata/creators").findValuesAsText("name").stream())
                .collect(Collectors.joining("\n"));
        Set<String> kinds = new HashSet<>();
        for (Map<String, Object> row : rows(dir, FeederFile.SEARCH_QUERIES)) {
            String kind = (String) row.get("kind");
            String q = (String) row.get("q");
            kinds.add(kind);
            switch (kind) {
                case "term" -> assertTrue(titles.contains(q), q);
                case "phrase" -> assertTrue(titles.contains(q.replace("\"", "")), q);
                case "wildcard" -> assertTrue(titles.contains(q.replace("*", "")), q);
                case "field" -> {
                    if (q.startsWith("metadata.creators.person_or_org.name:")) {
                        assertTrue(names.contains(q.substring(q.indexOf('"') + 1, q.length() - 1)), q);
                    }
                }
                default -> assertTrue(q.contains(" AND ") || q.contains(" OR "), q);
            }
        }
        assertEquals(Set.of("term", "phrase", "field", "boolean", "wildcard"), kinds);
    }
}

package rdmloadtest.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.datagen.AccessMix;
import rdmloadtest.datagen.DatagenSettings;
import rdmloadtest.datagen.Generator;
import rdmloadtest.datagen.ShapeSummary;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.invenio.InvenioTarget;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * A repository's shape, round trip: a data set with long tails is served by the embedded simulator, harvest writes
 * its shape summary (exactly what the set's anonymous-visible latest records hold), and datagen from that summary
 * generates a set whose shape matches it within the tolerance data/README.md states.
 */
class HarvestShapeTest {

    /**
     * Tolerance of a share p (in %) measured over n values: 4 standard errors of a share, sqrt(p (100 - p) / n)
     * percentage points each, and at least 0.5 pp (2.0 pp for p = 50 % over 1,000 parents, 0.6 pp over 10,000).
     * Applied to each access share and to the generated set's rank of each summary percentile.
     */
    static double tolerance(double p, long n) {
        return Math.max(0.5, 4 * Math.sqrt(p * (100 - p) / n));
    }

    private static final List<String> QUANTITIES =
            List.of("description words", "versions", "files", "file bytes", "communities");

    @TempDir
    static Path dir;

    private static ShapeSummary harvested;
    private static ShapeSummary source;

    @BeforeAll
    static void harvestTheSimulator() throws Exception {
        Path original = dir.resolve("original");
        Generator.run(
                DatagenSettings.from(settings(
                        "datagen.records", "3000",
                        "datagen.out", original.toString(),
                        "datagen.seed", "17",
                        "datagen.maxFileSize", "1m",
                        "datagen.descriptionWords.median", "120",
                        "datagen.descriptionWords.sigma", "1.3",
                        "datagen.descriptionWords.max", "3000",
                        "datagen.versions.max", "150",
                        "datagen.versions.exponent", "1.7",
                        "datagen.access",
                                "open=55,metadata-only=10,restricted-files=15,embargoed=12,restricted-record=8",
                        "datagen.communities.share", "60",
                        "datagen.communities.more", "50",
                        "datagen.communities.max", "5")),
                false);
        source = tally(original.resolve("records.jsonl"), true);
        try (Simulator simulator = new Simulator(SimulatorSettings.from(
                settings("simulator.port", "0", "simulator.refreshDelay", "0s", "data.dir", original.toString())))) {
            simulator.start();
            InvenioTarget target = InvenioTarget.from(settings("invenio.baseUrl", simulator.siteUrl()), null);
            new HarvestMain(target, dir.resolve("harvested"), 1000, 100_000, 1000).run();
        }
        harvested = ShapeSummary.read("harvest", dir.resolve("harvested/shape.json"));
    }

    private static Settings settings(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return new Settings(ConfigSource.ofMap(m));
    }

    /**
     * The shape of a records.jsonl's latest records; if {@code anonymous}, only what an anonymous search shows:
     * public records, and files only of open ones.
     */
    static ShapeSummary tally(Path recordsJsonl, boolean anonymous) {
        ShapeSummary.Tally t = new ShapeSummary.Tally();
        try (JsonLines lines = new JsonLines(recordsJsonl)) {
            while (lines.hasNext()) {
                JsonNode r = lines.next();
                if (!r.at("/versions/is_latest").asBoolean()) continue;
                if (!anonymous) {
                    t.addRecord(r);
                    continue;
                }
                if (!"public".equals(r.at("/access/record").asText())) continue;
                long[] sizes = new long[r.at("/files/entries").size()];
                int i = 0;
                for (JsonNode e : r.at("/files/entries"))
                    sizes[i++] = e.path("size").asLong();
                t.add(
                        ShapeSummary.wordCount(r.at("/metadata/description").asText("")),
                        r.at("/versions/index").asInt(),
                        "open".equals(r.at("/access/status").asText()),
                        r.at("/files/count").asInt(),
                        sizes,
                        AccessMix.Kind.of("public", r.at("/access/status").asText()),
                        r.at("/parent/communities/ids").size());
            }
        }
        return t.summary();
    }

    @Test
    void harvestWritesTheShapeOfWhatTheRepositoryShows() {
        assertEquals(source.records(), harvested.records());
        for (String q : QUANTITIES) {
            ShapeSummary.Quantity expected = quantity(source, q);
            ShapeSummary.Quantity actual = quantity(harvested, q);
            assertEquals(expected.count(), actual.count(), q);
            assertEquals(expected.min(), actual.min(), q);
            assertEquals(expected.max(), actual.max(), q);
            assertArrayEquals(expected.percentiles(), actual.percentiles(), q);
            assertEquals(expected.histogram(), actual.histogram(), q);
        }
        for (AccessMix.Kind k : AccessMix.Kind.values()) {
            assertEquals(
                    source.accessPercent().get(k), harvested.accessPercent().get(k), 0.001, k.id());
        }
        // The long tails made it through: what the summary is for.
        assertTrue(
                harvested.descriptionWords().max() > 1500,
                "words max " + harvested.descriptionWords().max());
        assertTrue(
                harvested.versionsPerRecord().max() >= 100,
                "versions max " + harvested.versionsPerRecord().max());
        assertEquals(0.0, harvested.accessPercent().get(AccessMix.Kind.RESTRICTED_RECORD), "hidden from anonymous");
    }

    @Test
    void datagenFromTheSummaryReproducesItsPercentilesWithinTheTolerance() throws Exception {
        Path mirrored = dir.resolve("mirrored");
        Generator.run(
                DatagenSettings.from(settings(
                        "datagen.records", "20000",
                        "datagen.out", mirrored.toString(),
                        "datagen.seed", "99",
                        "datagen.maxFileSize", "10g",
                        "datagen.shape", dir.resolve("harvested/shape.json").toString())),
                false);
        ShapeSummary generated = tally(mirrored.resolve("records.jsonl"), false);
        assertTrue(generated.records() > 2 * harvested.records() / 3, "enough parents: " + generated.records());
        Map<String, List<Long>> values = latestValues(mirrored.resolve("records.jsonl"));
        for (String q : values.keySet()) {
            ShapeSummary.Quantity summary = quantity(harvested, q);
            List<Long> generatedValues = values.get(q);
            for (int i = 0; i < ShapeSummary.PERCENTILES.size(); i++) {
                double p = 100 * ShapeSummary.PERCENTILES.get(i).getValue();
                double v = summary.percentiles()[i];
                double below =
                        100.0 * generatedValues.stream().filter(x -> x < v).count() / generatedValues.size();
                double atOrBelow =
                        100.0 * generatedValues.stream().filter(x -> x <= v).count() / generatedValues.size();
                double tolerance = tolerance(p, generatedValues.size());
                assertTrue(
                        below <= p + tolerance && atOrBelow >= p - tolerance,
                        q + " " + ShapeSummary.PERCENTILES.get(i).getKey() + " = " + v + ": generated " + below
                                + " % below it, " + atOrBelow + " % at or below (± " + tolerance + ")");
            }
        }
        for (AccessMix.Kind k : AccessMix.Kind.values()) {
            double p = harvested.accessPercent().get(k);
            assertEquals(p, generated.accessPercent().get(k), tolerance(p, generated.records()), k.id());
        }
    }

    /** Each quantity's values over the latest records of a records.jsonl, as the summary counts them. */
    private static Map<String, List<Long>> latestValues(Path recordsJsonl) {
        Map<String, List<Long>> v = new LinkedHashMap<>();
        for (String q : QUANTITIES) v.put(q, new ArrayList<>());
        try (JsonLines lines = new JsonLines(recordsJsonl)) {
            while (lines.hasNext()) {
                JsonNode r = lines.next();
                if (!r.at("/versions/is_latest").asBoolean()) continue;
                v.get("description words").add((long)
                        ShapeSummary.wordCount(r.at("/metadata/description").asText("")));
                v.get("versions").add(r.at("/versions/index").asLong());
                if (r.at("/files/enabled").asBoolean()) {
                    v.get("files").add(r.at("/files/count").asLong());
                    r.at("/files/entries")
                            .forEach(e -> v.get("file bytes").add(e.path("size").asLong()));
                }
                v.get("communities").add((long) r.at("/parent/communities/ids").size());
            }
        }
        return v;
    }

    private static ShapeSummary.Quantity quantity(ShapeSummary s, String name) {
        return switch (name) {
            case "description words" -> s.descriptionWords();
            case "versions" -> s.versionsPerRecord();
            case "files" -> s.filesPerRecord();
            case "file bytes" -> s.fileBytes();
            default -> s.communitiesPerRecord();
        };
    }
}

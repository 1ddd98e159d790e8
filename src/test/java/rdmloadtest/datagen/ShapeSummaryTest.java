package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigException;

class ShapeSummaryTest {

    @TempDir
    Path dir;

    private static ShapeSummary sample() {
        ShapeSummary.Tally t = new ShapeSummary.Tally();
        for (int i = 1; i <= 1000; i++) {
            t.add(i, i % 10 == 0 ? 3 : 1, i % 5 != 0, i % 3 + 1, new long[] {i * 1000L}, AccessMix.Kind.OPEN, i % 2);
        }
        return t.summary();
    }

    @Test
    void percentilesAreNearestRankAndHistogramsCountRecords() {
        ShapeSummary s = sample();
        assertEquals(1000, s.records());
        assertEquals(500, s.descriptionWords().percentile("p50"));
        assertEquals(990, s.descriptionWords().percentile("p99"));
        assertEquals(1, s.descriptionWords().min());
        assertEquals(1000, s.descriptionWords().max());
        assertEquals(Map.of(1L, 900L, 3L, 100L), s.versionsPerRecord().histogram());
        assertEquals(800, s.filesPerRecord().count(), "metadata-only records have no files to count");
        assertEquals(100.0, s.accessPercent().get(AccessMix.Kind.OPEN));
    }

    @Test
    void writtenSummaryReadsBackTheSame() throws IOException {
        ShapeSummary s = sample();
        Path file = dir.resolve("shape.json");
        s.write(file);
        ShapeSummary back = ShapeSummary.read("datagen.shape", file);
        assertEquals(s.records(), back.records());
        assertArrayEquals(s.fileBytes().percentiles(), back.fileBytes().percentiles());
        assertEquals(
                s.communitiesPerRecord().histogram(),
                back.communitiesPerRecord().histogram());
        assertEquals(s.accessPercent(), back.accessPercent());
        assertTrue(Files.readString(file).contains("\"format\" : \"rdm-loadtest shape 1\""));
    }

    @Test
    void aBadSummaryIsOneLineNamingTheKeyTheFileAndTheField() throws IOException {
        Path file = dir.resolve("shape.json");
        sample().write(file);
        String good = Files.readString(file);
        String[][] cases = {
            {"{\"format\": \"other\"}", "format is not 'rdm-loadtest shape 1'"},
            {good.replace("\"records\" : 1000", "\"records\" : 0"), "records: expected an integer of at least 1"},
            {
                good.replaceFirst("\"p50\" : 500", "\"p50\" : 5"),
                "description_words.percentiles.p50: expected a number from 250"
            },
            {good.replace("\"open\" : 100.0", "\"open\" : 90.0"), "access_percent sums to 90.0; expected 100"},
            {
                good.replace("\"histogram\" : {\n      \"1\" : 900", "\"histogram\" : {\n      \"x\" : 900"),
                "versions_per_record.histogram.x: expected a count"
            },
        };
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            String message = assertThrows(ConfigException.class, () -> ShapeSummary.read("datagen.shape", file))
                    .getMessage();
            assertTrue(message.startsWith("datagen.shape='" + file + "': "), message);
            assertTrue(message.contains(c[1]), message);
            assertEquals(1, message.lines().count(), message);
        }
    }

    @Test
    void percentilesDrawInvertsItsCdfAndHitsTheKnots() {
        ShapeSummary.Quantity bytes = sample().fileBytes();
        Percentiles p = new Percentiles(bytes);
        assertEquals(bytes.min(), p.quantile(0), 1e-6);
        assertEquals(bytes.max(), p.quantile(1), 1e-3);
        assertEquals(bytes.percentile("p50"), p.quantile(0.5), 1e-3);
        assertEquals(bytes.percentile("p99.9"), p.quantile(0.999), 1e-3);
        for (double u : new double[] {0.003, 0.2, 0.5, 0.77, 0.995}) {
            assertEquals(u, p.cdf(p.quantile(u)), 1e-9);
        }
    }

    @Test
    void fractionalAccessSharesAreDrawnInProportion() {
        AccessMix mix =
                AccessMix.parse("open=50.5,metadata-only=0,restricted-files=0.5,embargoed=49,restricted-record=0");
        Draw draw = new Draw(1);
        int open = 0;
        int restrictedFiles = 0;
        for (int i = 0; i < 200_000; i++) {
            AccessMix.Kind k = mix.pick(draw);
            if (k == AccessMix.Kind.OPEN) open++;
            if (k == AccessMix.Kind.RESTRICTED_FILES) restrictedFiles++;
            assertTrue(k != AccessMix.Kind.METADATA_ONLY && k != AccessMix.Kind.RESTRICTED_RECORD, k.id());
        }
        assertEquals(50.5, open / 2000.0, 0.5);
        assertEquals(0.5, restrictedFiles / 2000.0, 0.1);
    }

    @Test
    void wordsAreCountedAsAReaderSeesThem() {
        assertEquals(4, ShapeSummary.wordCount("<p>Ocean&nbsp;temperature <b>in</b>\n2024</p>"));
        assertEquals(0, ShapeSummary.wordCount(""));
    }
}

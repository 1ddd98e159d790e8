package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;

class DatagenSettingsTest {

    private static DatagenSettings parse(Map<String, String> properties) {
        return DatagenSettings.from(new Settings(ConfigSource.ofMap(properties)));
    }

    private static String error(Map<String, String> properties) {
        return assertThrows(ConfigException.class, () -> parse(properties)).getMessage();
    }

    @Test
    void defaultsApplyWhenOnlyRecordsAndOutAreGiven() {
        DatagenSettings s = parse(Map.of("datagen.records", "300", "datagen.out", "data/default"));
        assertEquals(300, s.records());
        assertEquals(Path.of("data/default"), s.out());
        assertEquals(42, s.seed());
        assertEquals(10, s.owners());
        assertEquals(2L << 30, s.maxFileSize());
    }

    @Test
    void recordsThatAreNotAPositiveIntegerAreRejectedNamingKeyAndValue() {
        for (String bad : new String[] {"0", "-5", "abc", "1.5"}) {
            String message = error(Map.of("datagen.records", bad, "datagen.out", "x"));
            assertEquals(
                    "datagen.records='" + bad + "' (system property -Ddatagen.records): expected an integer from 1 to"
                            + " 50000000",
                    message);
        }
    }

    @Test
    void missingRecordsOrOutIsRejected() {
        assertEquals(
                "datagen.records: no value; expected one (datagen: number of published records to generate (versions"
                        + " count), required.)",
                error(Map.of("datagen.out", "x")));
        assertEquals(
                "datagen.out: no value; expected one (datagen, checksums: directory of the generated data set,"
                        + " required.)",
                error(Map.of("datagen.records", "5")));
    }

    @Test
    void badSeedAndSizeAreRejectedNamingKeyAndValue() {
        assertEquals(
                "datagen.seed='forty-two' (system property -Ddatagen.seed): expected an integer from " + Long.MIN_VALUE
                        + " to " + Long.MAX_VALUE,
                error(Map.of("datagen.records", "5", "datagen.out", "x", "datagen.seed", "forty-two")));
        assertEquals(
                "datagen.maxFileSize='2t' (system property -Ddatagen.maxFileSize): expected a size from 1 byte to"
                        + " 10g (e.g. 2g, 500m, 1048576)",
                error(Map.of("datagen.records", "5", "datagen.out", "x", "datagen.maxFileSize", "2t")));
    }

    @Test
    void fileSizeCapAcceptsBinarySuffixes() {
        DatagenSettings s = parse(Map.of("datagen.records", "5", "datagen.out", "x", "datagen.maxFileSize", "500m"));
        assertEquals(500L << 20, s.maxFileSize());
    }

    @Test
    void shapeKnobsDefaultToTheGeneratorsOwnShape() {
        DatagenSettings s = parse(Map.of("datagen.records", "5", "datagen.out", "x"));
        assertEquals(CorpusShape.DEFAULT.versions(), s.shape().versions());
        assertEquals(CorpusShape.DEFAULT.descriptionWords(), s.shape().descriptionWords());
        assertEquals(CorpusShape.DEFAULT.access(), s.shape().access());
        assertEquals(CorpusShape.DEFAULT.communities(), s.shape().communities());
    }

    @Test
    void shapeKnobsAreRead() {
        DatagenSettings s = parse(Map.of(
                "datagen.records", "5",
                "datagen.out", "x",
                "datagen.descriptionWords.max", "3000",
                "datagen.versions.max", "200",
                "datagen.versions.exponent", "1.5",
                "datagen.access", "open=90,embargoed=10"));
        assertEquals(new CorpusShape.LogNormalWords(60, 0.9, 3000), s.shape().descriptionWords());
        assertEquals(new CorpusShape.Zipf(200, 1.5), s.shape().versions());
        assertEquals(10.0, s.shape().access().percent().get(AccessMix.Kind.EMBARGOED));
        assertEquals(0.0, s.shape().access().percent().get(AccessMix.Kind.METADATA_ONLY));
    }

    @Test
    void aShapeSummaryAndAKnobItSetsAreRefusedTogether() {
        assertEquals(
                "datagen.files.max='3' (system property -Ddatagen.files.max): expected no value with"
                        + " datagen.shape='s.json', whose summary sets it",
                error(Map.of(
                        "datagen.records",
                        "5",
                        "datagen.out",
                        "x",
                        "datagen.shape",
                        "s.json",
                        "datagen.files.max",
                        "3")));
    }
}

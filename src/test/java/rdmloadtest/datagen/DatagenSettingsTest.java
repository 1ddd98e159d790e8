package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatagenSettingsTest {

  private static DatagenSettings parse(Map<String, String> properties) {
    return DatagenSettings.parse(properties::get);
  }

  private static String error(Map<String, String> properties) {
    return assertThrows(IllegalArgumentException.class, () -> parse(properties)).getMessage();
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
    for (String bad : new String[] {"0", "-5", "abc", "1.5", ""}) {
      String message = error(Map.of("datagen.records", bad, "datagen.out", "x"));
      assertEquals("datagen.records: expected a positive integer up to 50000000, got '" + bad + "'", message);
    }
  }

  @Test
  void missingRecordsOrOutIsRejected() {
    assertEquals("datagen.records: required (a positive integer), got nothing", error(Map.of("datagen.out", "x")));
    assertEquals("datagen.out: required (output directory), got nothing", error(Map.of("datagen.records", "5")));
  }

  @Test
  void badSeedAndSizeAreRejectedNamingKeyAndValue() {
    assertEquals("datagen.seed: expected an integer, got 'forty-two'",
        error(Map.of("datagen.records", "5", "datagen.out", "x", "datagen.seed", "forty-two")));
    assertEquals("datagen.maxFileSize: expected a size from 1 byte to 10g (e.g. 2g, 500m, 1048576), got '2t'",
        error(Map.of("datagen.records", "5", "datagen.out", "x", "datagen.maxFileSize", "2t")));
  }

  @Test
  void fileSizeCapAcceptsBinarySuffixes() {
    DatagenSettings s = parse(Map.of("datagen.records", "5", "datagen.out", "x", "datagen.maxFileSize", "500m"));
    assertEquals(500L << 20, s.maxFileSize());
  }
}

package rdmloadtest.datagen;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The generator's knobs, read from system properties and validated up front; a bad value is a one-line
 * {@link IllegalArgumentException} naming the key and the value.
 *
 * <ul>
 *   <li>{@code datagen.records} (required): number of published records (versions count), 1..50 000 000;
 *   <li>{@code datagen.out} (required): output directory;
 *   <li>{@code datagen.seed} (default 42): any long;
 *   <li>{@code datagen.owners} (default 10): depositor users "1".."n" owning the records;
 *   <li>{@code datagen.maxFileSize} (default 2g): file size cap, bytes or with k/m/g suffix (binary).
 * </ul>
 */
public record DatagenSettings(long records, Path out, long seed, int owners, long maxFileSize) {

  static final long MAX_RECORDS = 50_000_000L;

  public static DatagenSettings fromSystemProperties() {
    return parse(System::getProperty);
  }

  public static DatagenSettings parse(UnaryOperator<String> property) {
    long records = positive(property, "datagen.records", null, MAX_RECORDS);
    String out = property.apply("datagen.out");
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("datagen.out: required (output directory), got " + quote(out));
    }
    String seedText = property.apply("datagen.seed");
    long seed;
    try {
      seed = seedText == null ? 42L : Long.parseLong(seedText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("datagen.seed: expected an integer, got " + quote(seedText));
    }
    int owners = (int) positive(property, "datagen.owners", "10", 1_000_000);
    long maxFileSize = size(property, "datagen.maxFileSize", "2g");
    return new DatagenSettings(records, Path.of(out), seed, owners, maxFileSize);
  }

  private static long positive(UnaryOperator<String> property, String key, String fallback, long max) {
    String text = property.apply(key);
    if (text == null) {
      text = fallback;
    }
    if (text == null) {
      throw new IllegalArgumentException(key + ": required (a positive integer), got nothing");
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the key
    }
    throw new IllegalArgumentException(key + ": expected a positive integer up to " + max + ", got " + quote(text));
  }

  private static long size(UnaryOperator<String> property, String key, String fallback) {
    String text = property.apply(key);
    if (text == null) {
      text = fallback;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
      unit = switch (t.charAt(t.length() - 1)) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        default -> 1L << 30;
      };
      t = t.substring(0, t.length() - 1);
    }
    try {
      long value = Long.parseLong(t);
      if (value >= 1 && value <= (10L << 30) / unit) {
        return value * unit;
      }
    } catch (NumberFormatException e) {
      // reported below, with the key
    }
    throw new IllegalArgumentException(
        key + ": expected a size from 1 byte to 10g (e.g. 2g, 500m, 1048576), got " + quote(text));
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }
}

package rdmloadtest.datagen;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * {@code mvn -q exec:java@datagen -Ddatagen.records=N -Ddatagen.out=DIR [-Ddatagen.seed=S]}: generates a data set.
 * Exit 2 on a bad setting, 1 on an I/O failure, each with a one-line message.
 */
public final class DatagenMain {

  private DatagenMain() {}

  public static void main(String[] args) {
    DatagenSettings settings;
    try {
      settings = DatagenSettings.fromSystemProperties();
    } catch (IllegalArgumentException e) {
      System.err.println("datagen: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      Generator.Summary s = Generator.run(settings, System.out);
      System.out.printf(
          "datagen: wrote %d records (%d parents, %d files; %d anonymous-visible latest records, %d downloadable files)"
              + " to %s in %.1f s: %.0f records/s, peak heap %d MB%n",
          s.records(), s.parents(), s.files(), s.visibleRecords(), s.downloadableFiles(), settings.out(), s.seconds(),
          s.recordsPerSecond(), peakHeapBytes() >> 20);
    } catch (Exception e) {
      System.err.println("datagen: failed writing " + settings.out() + ": " + e);
      System.exit(1);
    }
  }

  /** Sum of the heap pools' peak usage since JVM start (an upper bound on the live heap at any instant). */
  static long peakHeapBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}

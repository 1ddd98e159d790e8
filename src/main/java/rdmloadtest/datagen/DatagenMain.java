package rdmloadtest.datagen;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import rdmloadtest.cli.Command;
import rdmloadtest.config.Folders;

/**
 * {@code mvn -q exec:java@datagen -Ddatagen.records=N -Ddatagen.out=DIR [-Ddatagen.seed=S]}: generates a data set.
 * Exit status as every command's ({@link Command}).
 */
public final class DatagenMain {

    private DatagenMain() {}

    public static void main(String[] args) {
        Command.main("datagen", s -> {
            DatagenSettings settings = DatagenSettings.from(s);
            boolean overwrite = s.get(DatagenKeys.OVERWRITE);
            Folders.fresh(DatagenKeys.OUT.name(), settings.out(), DatagenKeys.OVERWRITE, overwrite);
            // The old data set's checksums would describe other files.
            if (overwrite) Files.deleteIfExists(settings.out().resolve("checksums.csv"));
            Generator.Summary g = Generator.run(settings, true);
            System.out.printf(
                    "datagen: wrote %d records (%d parents, %d files; %d anonymous-visible latest records, %d downloadable files)"
                            + " to %s in %.1f s: %.0f records/s, peak heap %d MB%n",
                    g.records(),
                    g.parents(),
                    g.files(),
                    g.visibleRecords(),
                    g.downloadableFiles(),
                    settings.out(),
                    g.seconds(),
                    g.recordsPerSecond(),
                    peakHeapBytes() >> 20);
            return Command.OK;
        });
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

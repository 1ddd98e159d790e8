package rdmloadtest.feeders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** The feeders the journeys use, each over {@code <dataDir>/feeders/*.csv} (default {@code data/default}). */
public final class Feeders {

    public static final Path DEFAULT_DATA_DIR = Path.of("data/default");

    private Feeders() {}

    /**
     * Reads every feeder file of {@code dataDir} that exists to its end: the journeys stream them, and a broken row
     * at line 30 must stop the run before any load, not 10 s into it.
     */
    public static void validate(Path dataDir) {
        for (FeederFile kind : FeederFile.values()) {
            if (!Files.isRegularFile(kind.in(dataDir))) continue;
            try (CsvRows rows = CsvRows.open(dataDir, kind)) {
                while (rows.hasNext()) rows.next();
            }
        }
    }

    /** Records by popularity (Zipf over {@code records.csv} ranks). */
    /** As {@link #popularRecords(Path, double)}, ranked by observed popularity first when a file is given. */
    public static ZipfRecordFeeder popularRecords(Path dataDir, double exponent, Path popularity) {
        return new ZipfRecordFeeder(dataDir, exponent, 42L, popularity);
    }

    public static ZipfRecordFeeder popularRecords(Path dataDir, double exponent) {
        return new ZipfRecordFeeder(dataDir, exponent);
    }

    /** Every anonymous-readable record in turn, looping (streamed). */
    public static Iterator<Map<String, Object>> records(Path dataDir) {
        return new CsvFeeder(dataDir, FeederFile.RECORDS);
    }

    /** Files an anonymous user may download, looping (streamed: the largest feeder file). */
    public static Iterator<Map<String, Object>> files(Path dataDir) {
        return new CsvFeeder(dataDir, FeederFile.FILES);
    }

    public static Iterator<Map<String, Object>> searchQueries(Path dataDir) {
        return new CsvFeeder(dataDir, FeederFile.SEARCH_QUERIES);
    }

    public static Iterator<Map<String, Object>> facets(Path dataDir) {
        return new CsvFeeder(dataDir, FeederFile.FACETS);
    }

    /** Published records of one depositor (owner user id as in {@code parent.access.owned_by.user}), looping. */
    public static Iterator<Map<String, Object>> depositorRecords(Path dataDir, String owner) {
        return new CsvFeeder(dataDir, FeederFile.DEPOSITOR_RECORDS, row -> owner.equals(row.get("owner")));
    }

    /** Published records of all depositors, looping. */
    public static Iterator<Map<String, Object>> depositorRecords(Path dataDir) {
        return new CsvFeeder(dataDir, FeederFile.DEPOSITOR_RECORDS);
    }
}

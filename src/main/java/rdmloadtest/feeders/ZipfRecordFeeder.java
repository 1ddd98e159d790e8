package rdmloadtest.feeders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Picks records by popularity: rank r is drawn with probability proportional to 1/r^exponent
 * (Hipparchus {@link RandomDataGenerator#nextZipf}, rejection-inversion sampling, O(1) a draw) and mapped to the record
 * of that rank in {@code records.csv}.
 *
 * <p>The ids are held in arrays indexed by rank: about 150 bytes a row, so ~150 MB for a million records and a
 * few hundred MB for a few million; beyond that, shard the file. Empirically Zenodo-like view counts follow a
 * Zipf law with exponent close to 1, hence {@link #DEFAULT_EXPONENT}.
 */
public final class ZipfRecordFeeder implements Iterator<Map<String, Object>> {

    public static final double DEFAULT_EXPONENT = 1.0;

    private final String[] ids;
    private final String[] parentIds;
    private final String[] accessStatus;
    private final int[] fileCount;
    private final String[] resourceType;
    private final RandomDataGenerator zipf;
    private final int n;
    private final double exponent;

    public ZipfRecordFeeder(Path dataDir, double exponent, long seed) {
        this(dataDir, exponent, seed, null);
    }

    /**
     * @param popularity ids in order of observed views (calibrate's popularity.csv), or null: those of them in
     *     records.csv take the first ranks, in that order; the other records follow in their own rank order
     */
    public ZipfRecordFeeder(Path dataDir, double exponent, long seed, Path popularity) {
        if (!(exponent > 0)) {
            throw new IllegalArgumentException("Zipf exponent must be > 0, got " + exponent);
        }
        Path file = FeederFile.RECORDS.in(dataDir);
        int n = countRows(dataDir);
        if (n == 0) {
            throw new DataFileException(file, 1, "no records " + FeederFile.RECORDS.columnList());
        }
        ids = new String[n];
        parentIds = new String[n];
        accessStatus = new String[n];
        fileCount = new int[n];
        resourceType = new String[n];
        Map<String, String> shared = new HashMap<>();
        // Second pass fills arrays by rank, so the file never has to be sorted or held as rows.
        try (CsvRows csv = CsvRows.open(dataDir, FeederFile.RECORDS)) {
            while (csv.hasNext()) {
                Map<String, Object> row = csv.next();
                int rank = (Integer) row.get("rank");
                if (rank < 1 || rank > n || ids[rank - 1] != null) {
                    throw new DataFileException(file, csv.line(), "rank " + rank + " is not a unique value in 1.." + n);
                }
                int at = rank - 1;
                ids[at] = (String) row.get("id");
                parentIds[at] = (String) row.get("parent_id");
                accessStatus[at] = shared.computeIfAbsent((String) row.get("access_status"), s -> s);
                fileCount[at] = (Integer) row.get("file_count");
                resourceType[at] = shared.computeIfAbsent((String) row.get("resource_type"), s -> s);
            }
        }
        if (popularity != null) rerank(popularity);
        zipf = RandomDataGenerator.of(new Well19937c(seed));
        this.n = n;
        this.exponent = exponent;
    }

    /** Moves the records the popularity file names to the front, most viewed first (a stable reordering). */
    private void rerank(Path popularity) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < ids.length; i++) at.put(ids[i], i);
        List<Integer> order = new ArrayList<>();
        boolean[] taken = new boolean[ids.length];
        try (var in = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(popularity))) {
            for (var r : in) {
                if (!r.isMapped("id")) throw new DataFileException(popularity, 1, "expected the columns rank,id,views");
                Integer i = at.get(r.get("id"));
                if (i != null && !taken[i]) {
                    taken[i] = true;
                    order.add(i);
                }
            }
        } catch (IOException e) {
            throw new DataFileException(popularity, 0, "cannot read it: " + e.getMessage());
        }
        for (int i = 0; i < ids.length; i++) if (!taken[i]) order.add(i);
        permute(ids, order);
        permute(parentIds, order);
        permute(accessStatus, order);
        permute(resourceType, order);
        int[] files = fileCount.clone();
        for (int r = 0; r < order.size(); r++) fileCount[r] = files[order.get(r)];
    }

    private static void permute(String[] a, List<Integer> order) {
        String[] copy = a.clone();
        for (int r = 0; r < order.size(); r++) a[r] = copy[order.get(r)];
    }

    private static int countRows(Path dataDir) {
        int n = 0;
        try (CsvRows csv = CsvRows.open(dataDir, FeederFile.RECORDS)) {
            while (csv.hasNext()) {
                csv.next();
                n++;
            }
        }
        return n;
    }

    public ZipfRecordFeeder(Path dataDir, double exponent) {
        this(dataDir, exponent, 42L);
    }

    public int size() {
        return ids.length;
    }

    /** The next popularity rank, 1 = most popular. */
    public synchronized int nextRank() {
        return zipf.nextZipf(n, exponent);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        int rank = nextRank();
        int at = rank - 1;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", rank);
        row.put("id", ids[at]);
        row.put("parent_id", parentIds[at]);
        row.put("access_status", accessStatus[at]);
        row.put("file_count", fileCount[at]);
        row.put("resource_type", resourceType[at]);
        return row;
    }
}

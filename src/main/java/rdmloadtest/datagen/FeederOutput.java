package rdmloadtest.datagen;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import rdmloadtest.feeders.FeederFile;

/**
 * Writes {@code <dir>/feeders/*.csv} as records stream past: rows go straight to disk, only facet values and the
 * query-term reservoirs stay in memory. Popularity ranks need the final count, so records are first written
 * unranked to a temporary file and re-streamed with a seeded random permutation of 1..M at the end.
 */
public final class FeederOutput implements Closeable {

    public static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Path dir;
    private final long seed;
    private final Path unranked;
    private final CSVPrinter recordsOut;
    private final CSVPrinter filesOut;
    private final CSVPrinter depositorOut;
    private final QueryTerms terms;
    private final Map<String, TreeSet<String>> facets = new TreeMap<>();
    private long visibleRecords;
    private long downloadableFiles;

    public FeederOutput(Path dataDir, long seed) throws IOException {
        this.dir = dataDir.resolve("feeders");
        this.seed = seed;
        Files.createDirectories(dir);
        this.unranked = dir.resolve(FeederFile.RECORDS.fileName + ".unranked");
        this.recordsOut = printer(unranked);
        this.filesOut = printer(FeederFile.FILES.in(dataDir));
        filesOut.printRecord((Object[]) FeederFile.FILES.header());
        this.depositorOut = printer(FeederFile.DEPOSITOR_RECORDS.in(dataDir));
        depositorOut.printRecord((Object[]) FeederFile.DEPOSITOR_RECORDS.header());
        this.terms = new QueryTerms(seed);
        for (String facet : List.of("access_status", "resource_type", "file_type")) {
            facets.put(facet, new TreeSet<>());
        }
    }

    private static CSVPrinter printer(Path file) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSV);
    }

    public void add(Record r) throws IOException {
        if (r.anonymousCanDownload()) {
            for (FileEntry f : r.files()) {
                filesOut.printRecord(r.id(), f.key(), f.size(), f.type().mimetype);
                downloadableFiles++;
            }
        }
        if (!r.latest()) {
            return;
        }
        depositorOut.printRecord(r.owner(), r.id());
        if (!r.anonymousCanView()) {
            return;
        }
        visibleRecords++;
        Metadata m = r.metadata();
        recordsOut.printRecord(
                r.id(),
                r.parentId(),
                r.accessStatus(),
                r.files().size(),
                m.resourceType().id());
        facets.get("access_status").add(r.accessStatus());
        facets.get("resource_type").add(m.resourceType().facetType());
        facets.get("resource_type").add(m.resourceType().facet());
        for (FileEntry f : r.files()) {
            facets.get("file_type").add(f.type().ext);
        }
        terms.offerTitle(m.title());
        for (Creator c : m.creators()) {
            if (c.personOrOrg().isPersonal()) {
                terms.offerCreatorName(c.personOrOrg().name());
            }
        }
        for (String s : m.subjects()) {
            terms.offerSubject(s);
        }
    }

    public long visibleRecords() {
        return visibleRecords;
    }

    public long downloadableFiles() {
        return downloadableFiles;
    }

    /** Ranks records, writes queries and facets; call once after the last {@link #add}. */
    @Override
    public void close() throws IOException {
        recordsOut.close();
        filesOut.close();
        depositorOut.close();
        writeRanked();
        try (CSVPrinter out = printer(dir.resolve(FeederFile.SEARCH_QUERIES.fileName))) {
            out.printRecord((Object[]) FeederFile.SEARCH_QUERIES.header());
            int count = (int) Math.max(50, Math.min(2000, visibleRecords));
            for (String[] q : terms.queries(count)) {
                out.printRecord((Object[]) q);
            }
        }
        try (CSVPrinter out = printer(dir.resolve(FeederFile.FACETS.fileName))) {
            out.printRecord((Object[]) FeederFile.FACETS.header());
            for (String facet : List.of("access_status", "resource_type", "file_type")) {
                for (String value : facets.get(facet)) {
                    out.printRecord(facet, value);
                }
            }
        }
    }

    private void writeRanked() throws IOException {
        int m = Math.toIntExact(visibleRecords);
        int[] rank = new int[m];
        for (int i = 0; i < m; i++) {
            rank[i] = i + 1;
        }
        SplittableRandom random = new SplittableRandom(FileContent.mix64(seed ^ 0x7A4CL));
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        try (CSVParser in = CSVParser.parse(Files.newBufferedReader(unranked, StandardCharsets.UTF_8), CSV);
                CSVPrinter out = printer(dir.resolve(FeederFile.RECORDS.fileName))) {
            out.printRecord((Object[]) FeederFile.RECORDS.header());
            int i = 0;
            List<Object> row = new ArrayList<>(6);
            for (CSVRecord r : in) {
                row.clear();
                row.add(rank[i++]);
                r.forEach(row::add);
                out.printRecord(row);
            }
        }
        Files.delete(unranked);
    }
}

package rdmloadtest.feeders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipfRecordFeederTest {

    private static final int RECORDS = 2000;

    @TempDir
    Path dataDir;

    /** records.csv with ranks in reverse file order, so rank and line differ. */
    private void writeRecords() throws IOException {
        StringBuilder s = new StringBuilder("rank,id,parent_id,access_status,file_count,resource_type\n");
        for (int i = 0; i < RECORDS; i++) {
            s.append(RECORDS - i)
                    .append(",rec-")
                    .append(RECORDS - i)
                    .append(",par-")
                    .append(i)
                    .append(",open,1,dataset\n");
        }
        Files.createDirectories(dataDir.resolve("feeders"));
        Files.writeString(FeederFile.RECORDS.in(dataDir), s);
    }

    /** Least-squares slope of log(frequency) on log(rank) over the well-sampled head ranks 1..100. */
    private double rankFrequencySlope(double exponent) throws IOException {
        writeRecords();
        ZipfRecordFeeder feeder = new ZipfRecordFeeder(dataDir, exponent, 1);
        int[] counts = new int[RECORDS + 1];
        for (int i = 0; i < 400_000; i++) {
            counts[feeder.nextRank()]++;
        }
        SimpleRegression fit = new SimpleRegression();
        for (int rank = 1; rank <= 100; rank++) {
            fit.addData(Math.log(rank), Math.log(counts[rank]));
        }
        return fit.getSlope();
    }

    @Test
    void rankFrequencySlopeIsMinusTheExponentWithinFivePercent() throws IOException {
        for (double exponent : new double[] {0.8, 1.0, 1.2}) {
            assertEquals(-exponent, rankFrequencySlope(exponent), 0.05 * exponent, "exponent " + exponent);
        }
    }

    @Test
    void aDrawnRankMapsToTheRecordOfThatRank() throws IOException {
        writeRecords();
        ZipfRecordFeeder feeder = new ZipfRecordFeeder(dataDir, 1.0, 3);
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> row = feeder.next();
            assertEquals("rec-" + row.get("rank"), row.get("id"));
            assertEquals("par-" + (RECORDS - (Integer) row.get("rank")), row.get("parent_id"));
        }
    }

    @Test
    void aDuplicateRankNamesItsLine() throws IOException {
        Files.createDirectories(dataDir.resolve("feeders"));
        Path file = FeederFile.RECORDS.in(dataDir);
        Files.writeString(
                file,
                "rank,id,parent_id,access_status,file_count,resource_type\n"
                        + "1,a,p,open,1,dataset\n1,b,q,open,1,dataset\n");
        DataFileException e = assertThrows(DataFileException.class, () -> new ZipfRecordFeeder(dataDir, 1.0));
        assertEquals(file + ":3: rank 1 is not a unique value in 1..2", e.getMessage());
    }

    /** Calibrate's popularity.csv puts the records it saw viewed first, in its order; the rest keep theirs after. */
    @Test
    void observedPopularityTakesTheFirstRanks() throws IOException {
        writeRecords();
        Path popularity = dataDir.resolve("popularity.csv");
        Files.writeString(popularity, "rank,id,views\n1,rec-700,90\n2,unknown-id,50\n3,rec-5,40\n");
        ZipfRecordFeeder f = new ZipfRecordFeeder(dataDir, 1.0, 1, popularity);
        Map<Integer, String> byRank = new HashMap<>();
        Map<String, Integer> fileCounts = new HashMap<>();
        for (int i = 0; i < 50_000 && !byRank.keySet().containsAll(List.of(1, 2, 3)); i++) {
            Map<String, Object> row = f.next();
            byRank.put((Integer) row.get("rank"), (String) row.get("id"));
            fileCounts.put((String) row.get("id"), (Integer) row.get("file_count"));
        }
        assertEquals("rec-700", byRank.get(1));
        assertEquals("rec-5", byRank.get(2));
        assertEquals("rec-1", byRank.get(3), "then the others in their own rank order");
        assertEquals(2000, f.size());
    }
}

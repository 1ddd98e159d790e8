package rdmloadtest.feeders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFeederTest {

    @TempDir
    Path dataDir;

    private Path write(FeederFile kind, String content) throws IOException {
        Path file = kind.in(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static String filesWithBadLine17() {
        StringBuilder s = new StringBuilder("record_id,key,size,mimetype\n");
        for (int line = 2; line < 17; line++) {
            s.append("ha4g3-7x208,f").append(line).append(".csv,10,text/csv\n");
        }
        return s.append("ha4g3-7x208,broken.csv\n").toString();
    }

    @Test
    void aRowWithTooFewColumnsNamesFileLineAndExpectedColumns() throws IOException {
        Path file = write(FeederFile.FILES, filesWithBadLine17());
        Iterator<Map<String, Object>> feeder = new CsvFeeder(dataDir, FeederFile.FILES);
        DataFileException e = assertThrows(DataFileException.class, () -> {
            for (int i = 0; i < 20; i++) {
                feeder.next();
            }
        });
        assertEquals(file + ":17: expected 4 columns (record_id,key,size,mimetype), got 2", e.getMessage());
    }

    @Test
    void aTruncatedLastLineNamesItsLine() throws IOException {
        Path file = write(
                FeederFile.RECORDS,
                "rank,id,parent_id,access_status,file_count,resource_type\n"
                        + "1,ha4g3-7x208,bhgqt-2ke02,open,1,dataset\n2,ab");
        DataFileException e = assertThrows(DataFileException.class, () -> {
            try (CsvRows rows = CsvRows.open(dataDir, FeederFile.RECORDS)) {
                rows.forEachRemaining(r -> {});
            }
        });
        assertEquals(
                file + ":3: expected 6 columns (rank,id,parent_id,access_status,file_count,resource_type), got 2",
                e.getMessage());
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItStarts() throws IOException {
        Path file = write(FeederFile.SEARCH_QUERIES, "kind,q\nterm,climate\nphrase,\"\"\"ocean temperature\n");
        DataFileException e = assertThrows(DataFileException.class, () -> {
            try (CsvRows rows = CsvRows.open(dataDir, FeederFile.SEARCH_QUERIES)) {
                rows.forEachRemaining(r -> {});
            }
        });
        assertEquals(file + ":3:", e.getMessage().substring(0, file.toString().length() + 3));
    }

    @Test
    void aNonNumericSizeNamesLineAndColumn() throws IOException {
        Path file = write(FeederFile.FILES, "record_id,key,size,mimetype\nha4g3-7x208,a.csv,12kB,text/csv\n");
        DataFileException e =
                assertThrows(DataFileException.class, () -> new CsvFeeder(dataDir, FeederFile.FILES).next());
        assertEquals(file + ":2: column size is not an integer: '12kB'", e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        DataFileException e = assertThrows(DataFileException.class, () -> new CsvFeeder(dataDir, FeederFile.FACETS));
        assertEquals(FeederFile.FACETS.in(dataDir) + ": file not found", e.getMessage());
    }

    @Test
    void aWrongHeaderIsReportedOnLineOne() throws IOException {
        Path file = write(FeederFile.FACETS, "name,value\naccess_status,open\n");
        DataFileException e = assertThrows(DataFileException.class, () -> new CsvFeeder(dataDir, FeederFile.FACETS));
        assertEquals(file + ":1: expected header facet,value, got name,value", e.getMessage());
    }

    @Test
    void theFeederStartsAgainAtTheEndOfTheFileAndKeepsTypes() throws IOException {
        write(FeederFile.FILES, "record_id,key,size,mimetype\nr1,a.csv,10,text/csv\nr2,b.pdf,20,application/pdf\n");
        Iterator<Map<String, Object>> feeder = new CsvFeeder(dataDir, FeederFile.FILES);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(feeder.next().get("key"));
        }
        assertEquals(List.of("a.csv", "b.pdf", "a.csv", "b.pdf", "a.csv"), keys);
        assertEquals(10L, new CsvFeeder(dataDir, FeederFile.FILES).next().get("size"));
    }

    @Test
    void theDepositorFeederKeepsOnlyThatOwnersRecords() throws IOException {
        write(FeederFile.DEPOSITOR_RECORDS, "owner,id\n1,aaaaa-aaa01\n2,bbbbb-bbb02\n1,ccccc-ccc03\n");
        Iterator<Map<String, Object>> feeder = Feeders.depositorRecords(dataDir, "1");
        assertEquals(
                List.of("aaaaa-aaa01", "ccccc-ccc03", "aaaaa-aaa01"),
                List.of(
                        feeder.next().get("id"),
                        feeder.next().get("id"),
                        feeder.next().get("id")));
        Iterator<Map<String, Object>> nobody = Feeders.depositorRecords(dataDir, "9");
        assertThrows(DataFileException.class, nobody::next);
    }

    @Test
    void aMalformedJsonLineNamesFileAndLine() throws IOException {
        Path file = dataDir.resolve("records.jsonl");
        Files.writeString(file, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"metadata\":{\n");
        DataFileException e = assertThrows(DataFileException.class, () -> {
            try (JsonLines lines = new JsonLines(file)) {
                lines.forEachRemaining(n -> {});
            }
        });
        assertEquals(file + ":3:", e.getMessage().substring(0, file.toString().length() + 3));
    }
}

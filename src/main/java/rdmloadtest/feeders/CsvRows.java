package rdmloadtest.feeders;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One pass over a feeder CSV, a row at a time (constant memory), checking the header, the column count and the
 * numeric columns of every row; any defect is a {@link DataFileException} naming the file and line.
 */
public final class CsvRows implements Iterator<Map<String, Object>>, AutoCloseable {

    /** Columns that feeders hand to Gatling as numbers, not strings. */
    private static final Set<String> INTEGER_COLUMNS = Set.of("rank", "file_count");

    private static final Set<String> LONG_COLUMNS = Set.of("size");

    private final Path file;
    private final FeederFile kind;
    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line;

    private CsvRows(Path file, FeederFile kind) {
        this.file = file;
        this.kind = kind;
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.parser = CSVParser.parse(reader, CSVFormat.DEFAULT);
        } catch (NoSuchFileException e) {
            throw DataFileException.whole(file, "file not found", e);
        } catch (IOException e) {
            throw DataFileException.whole(file, "cannot read: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
        checkHeader();
    }

    /** Opens {@code <dataDir>/feeders/<kind.fileName>}. */
    public static CsvRows open(Path dataDir, FeederFile kind) {
        return openFile(kind.in(dataDir), kind);
    }

    public static CsvRows openFile(Path file, FeederFile kind) {
        return new CsvRows(file, kind);
    }

    public Path file() {
        return file;
    }

    /** The line the last returned row came from (1 is the header). */
    public long line() {
        return line;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more rows");
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
        line = record.getRecordNumber();
        List<String> columns = kind.columns;
        if (record.size() != columns.size()) {
            throw new DataFileException(
                    file,
                    line,
                    "expected " + columns.size() + " columns " + kind.columnList() + ", got " + record.size());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String value = record.get(i);
            if (value.isEmpty()) {
                throw new DataFileException(file, line, "empty value in column " + column);
            }
            row.put(column, typed(column, value));
        }
        return row;
    }

    private Object typed(String column, String value) {
        try {
            if (INTEGER_COLUMNS.contains(column)) {
                return Integer.parseInt(value);
            }
            if (LONG_COLUMNS.contains(column)) {
                return Long.parseLong(value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, "column " + column + " is not an integer: '" + value + "'");
        }
    }

    private void checkHeader() {
        if (!hasNext()) {
            throw new DataFileException(file, 1, "empty file, expected header " + String.join(",", kind.columns));
        }
        CSVRecord header = records.next();
        line = header.getRecordNumber();
        if (!header.toList().equals(kind.columns)) {
            throw new DataFileException(
                    file,
                    1,
                    "expected header " + String.join(",", kind.columns) + ", got " + String.join(",", header.toList()));
        }
    }

    private DataFileException malformed(RuntimeException e) {
        // The broken row starts on the line after the last good one (rows never span lines in our files).
        long at = line + 1;
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return new DataFileException(file, at, "malformed CSV: " + why, e);
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

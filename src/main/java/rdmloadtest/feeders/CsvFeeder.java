package rdmloadtest.feeders;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Gatling feeder over a feeder CSV that streams the file and starts again at its end, so memory stays constant
 * however large the file; an optional filter keeps only matching rows (e.g. one owner's records).
 */
public final class CsvFeeder implements Iterator<Map<String, Object>> {

    private final Path file;
    private final FeederFile kind;
    private final Predicate<Map<String, Object>> keep;
    private CsvRows rows;
    private boolean sawKeptRow;

    public CsvFeeder(Path dataDir, FeederFile kind) {
        this(dataDir, kind, row -> true);
    }

    public CsvFeeder(Path dataDir, FeederFile kind, Predicate<Map<String, Object>> keep) {
        this.file = kind.in(dataDir);
        this.kind = kind;
        this.keep = keep;
        this.rows = CsvRows.openFile(file, kind);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized Map<String, Object> next() {
        while (true) {
            if (!rows.hasNext()) {
                long lastLine = rows.line();
                rows.close();
                if (!sawKeptRow) {
                    throw new DataFileException(file, lastLine, "no usable rows " + kind.columnList());
                }
                rows = CsvRows.openFile(file, kind);
            }
            Map<String, Object> row = rows.next();
            if (keep.test(row)) {
                sawKeptRow = true;
                return row;
            }
        }
    }
}

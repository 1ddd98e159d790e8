package rdmloadtest.feeders;

import java.nio.file.Path;
import java.util.List;

/** The CSV feeder files under {@code <data dir>/feeders/}: one place for their names and columns. */
public enum FeederFile {
    RECORDS("records.csv", List.of("rank", "id", "parent_id", "access_status", "file_count", "resource_type")),
    FILES("files.csv", List.of("record_id", "key", "size", "mimetype")),
    SEARCH_QUERIES("search_queries.csv", List.of("kind", "q")),
    FACETS("facets.csv", List.of("facet", "value")),
    DEPOSITOR_RECORDS("depositor_records.csv", List.of("owner", "id"));

    public final String fileName;
    public final List<String> columns;

    FeederFile(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    public Path in(Path dataDir) {
        return dataDir.resolve("feeders").resolve(fileName);
    }

    public String[] header() {
        return columns.toArray(String[]::new);
    }

    /** The column list as the error messages print it, e.g. {@code (record_id,key,size,mimetype)}. */
    public String columnList() {
        return "(" + String.join(",", columns) + ")";
    }
}

package rdmloadtest.journeys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import rdmloadtest.feeders.CsvFeeder;
import rdmloadtest.feeders.CsvRows;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.feeders.Feeders;
import rdmloadtest.run.LoadTestConfig;

/** The feeders of one run, opened once from the configured data directory (read before any load starts). */
public final class Feeds {
    private final Iterator<Map<String, Object>> searchQueries;
    private final List<Map<String, Object>> facets;
    private final Iterator<Map<String, Object>> popularRecords;
    private final Iterator<Map<String, Object>> smallFiles;
    private final Iterator<Map<String, Object>> depositTemplates;
    private final rdmloadtest.run.SearchShape searchShape;

    /** Opens the feeders; deposit templates only when the run writes. */
    public Feeds(LoadTestConfig cfg, boolean writes) {
        Path dir = cfg.dataDir();
        searchShape = cfg.traffic().readers().search();
        long maxDownload = cfg.traffic().readers().maxDownloadBytes();
        searchQueries = Feeders.searchQueries(dir);
        facets = readAll(dir, FeederFile.FACETS);
        popularRecords = Feeders.popularRecords(
                dir,
                cfg.traffic().readers().zipfExponent(),
                cfg.settings()
                        .find(rdmloadtest.feeders.DataKeys.POPULARITY)
                        .map(Path::of)
                        .orElse(null));
        smallFiles = new CsvFeeder(dir, FeederFile.FILES, row -> ((Number) row.get("size")).longValue() <= maxDownload);
        depositTemplates = writes ? new DepositTemplates(cfg.depositTemplates(), cfg) : null;
        // Touch every feeder now: a missing or broken data file must fail before any load is sent.
        searchQueries.hasNext();
        popularRecords.hasNext();
        smallFiles.hasNext();
    }

    private static List<Map<String, Object>> readAll(Path dir, FeederFile kind) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CsvRows csv = CsvRows.open(dir, kind)) {
            while (csv.hasNext()) rows.add(csv.next());
        }
        return rows;
    }

    public Iterator<Map<String, Object>> searchQueries() {
        return searchQueries;
    }

    public List<Map<String, Object>> facets() {
        return facets;
    }

    public Iterator<Map<String, Object>> popularRecords() {
        return popularRecords;
    }

    public Iterator<Map<String, Object>> smallFiles() {
        return smallFiles;
    }

    public Iterator<Map<String, Object>> depositTemplates() {
        if (depositTemplates == null)
            throw new IllegalStateException("deposit templates are opened only for write runs");
        return depositTemplates;
    }

    /** How the readers search (traffic.search.*). */
    public rdmloadtest.run.SearchShape searchShape() {
        return searchShape;
    }
}

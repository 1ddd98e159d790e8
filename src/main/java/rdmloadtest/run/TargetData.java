package rdmloadtest.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.feeders.CsvRows;
import rdmloadtest.feeders.DataKeys;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.invenio.Dataset;
import rdmloadtest.invenio.InvenioHttp;
import rdmloadtest.invenio.InvenioKeys;

/** The run's view of the target's data: the dataset probe, told what the feeders name and the search journey asks. */
public final class TargetData {
    private TargetData() {}

    /** The dataset, or empty (said on stderr) when the target cannot be probed: a run is not stopped for it. */
    public static Optional<Dataset> probe(LoadTestConfig cfg, String siteUrl) {
        Path dataDir = Path.of(cfg.settings().get(DataKeys.DATA_DIR));
        long feederRecords = 0;
        List<String> queries = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(dataDir, FeederFile.RECORDS)) {
            while (rows.hasNext()) {
                rows.next();
                feederRecords++;
            }
        }
        try (CsvRows rows = CsvRows.open(dataDir, FeederFile.SEARCH_QUERIES)) {
            while (rows.hasNext() && queries.size() < 5) {
                Map<String, Object> row = rows.next();
                queries.add(String.valueOf(row.get("q")));
            }
        }
        try {
            Dataset d = Dataset.probe(
                    InvenioHttp.client(cfg.settings().get(InvenioKeys.INSECURE_TLS), URI.create(siteUrl)),
                    siteUrl,
                    queries,
                    cfg.traffic().readers().search().commonPageSize(),
                    feederRecords,
                    cfg.settings().find(DataKeys.PRODUCTION_RECORDS).orElse(null));
            System.out.println("rdm-loadtest: " + d.line());
            d.warnings().forEach(w -> System.out.println("rdm-loadtest: WARNING: " + w));
            return Optional.of(d);
        } catch (IOException e) {
            System.err.println("rdm-loadtest: dataset: " + e.getMessage() + "; not recorded");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

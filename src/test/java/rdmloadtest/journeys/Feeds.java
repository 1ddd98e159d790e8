package rdmloadtest.journeys;

import static rdmloadtest.api.SessionKeys.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.WebLogin;
import rdmloadtest.feeders.CsvFeeder;
import rdmloadtest.feeders.CsvRows;
import rdmloadtest.feeders.DataFileException;
import rdmloadtest.feeders.DataKeys;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.feeders.Feeders;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.run.SearchShape;

/** The feeders of one run, opened once from the configured data directory (read before any load starts). */
public final class Feeds {
    private final Iterator<Map<String, Object>> searchQueries;
    private final List<Map<String, Object>> facets;
    private final Iterator<Map<String, Object>> popularRecords;
    private final Iterator<Map<String, Object>> smallFiles;
    private final Iterator<Map<String, Object>> depositTemplates;
    private final SearchShape searchShape;
    private final Path dataDir;
    private final List<WebLogin> webLogins;

    /** Opens the feeders; deposit templates only when the run writes. */
    public Feeds(LoadTestConfig cfg, boolean writes) {
        Path dir = cfg.dataDir();
        Feeders.validate(dir);
        dataDir = dir;
        webLogins = cfg.webLogins();
        searchShape = cfg.traffic().readers().search();
        long maxDownload = cfg.traffic().readers().maxDownloadBytes();
        searchQueries = Feeders.searchQueries(dir);
        facets = readAll(dir, FeederFile.FACETS);
        popularRecords = Feeders.popularRecords(
                dir,
                cfg.traffic().readers().zipfExponent(),
                cfg.settings().find(DataKeys.POPULARITY).map(Path::of).orElse(null));
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

    /**
     * Rows of files.csv whose mimetype is an image (the records IIIF serves); fails now, before any load, when the
     * data has none.
     */
    public Iterator<Map<String, Object>> imageFiles() {
        Path file = FeederFile.FILES.in(dataDir);
        try (CsvRows csv = CsvRows.open(dataDir, FeederFile.FILES)) {
            boolean any = false;
            while (csv.hasNext() && !any) any = isImage(csv.next());
            if (!any) {
                throw DataFileException.whole(
                        file,
                        "no image file (mimetype image/*): the IIIF journey views images; expected some, or"
                                + " traffic.mix.iiif=0",
                        null);
            }
        }
        return new CsvFeeder(dataDir, FeederFile.FILES, Feeds::isImage);
    }

    private static boolean isImage(Map<String, Object> row) {
        return String.valueOf(row.get(MIMETYPE)).startsWith("image/");
    }

    /** Web logins (webEmail, webPassword) round robin; fails now when there are none. */
    public Iterator<Map<String, Object>> webLogins() {
        if (webLogins.isEmpty()) {
            throw new ConfigException("logged-in web sessions need logins; expected INVENIO_WEB_USERS="
                    + "email:password[,email:password...] in the environment (the simulator: simulator.webUsers)");
        }
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> {
                    WebLogin w = webLogins.get((int) (next.getAndIncrement() % webLogins.size()));
                    return Map.<String, Object>of(WEB_EMAIL, w.email(), WEB_PASSWORD, w.password());
                })
                .iterator();
    }

    public Iterator<Map<String, Object>> depositTemplates() {
        if (depositTemplates == null)
            throw new IllegalStateException("deposit templates are opened only for write runs");
        return depositTemplates;
    }

    /** How the readers search (traffic.search.*). */
    public SearchShape searchShape() {
        return searchShape;
    }
}

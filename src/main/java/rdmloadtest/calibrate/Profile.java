package rdmloadtest.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import rdmloadtest.config.Key;
import rdmloadtest.mix.Journey;
import rdmloadtest.run.RunKeys;

/**
 * The calibrated profile: configuration keys the simulations take as they are ({@code -Dprofile.file=...}). Reader
 * journeys are weighted by their sessions in the logs: web journeys by the web visits their first page starts, IIIF by
 * image views, API journeys by the requests of the class they start with outside web visits; the fidelity check then
 * corrects the weights, the exponent and the web shape by what a run of the profile produced (a search also opens
 * records, a record view also downloads, a landing page fetches its citation).
 */
record Profile(
        Map<Journey, Integer> weights,
        double viewDownloadProbability,
        double zipfExponent,
        double readersRate,
        double requestsPerSession,
        boolean requestsMeasured,
        int depositors,
        double harvestersRate,
        double crawlersRate,
        Automated automated,
        Calibration.Search searchShape,
        int downloadMaxMb,
        Web web) {

    /**
     * What a crawler session and a harvest hold, as the log's: landing pages, exports after each, OAI-PMH pages
     * (traffic.crawl.pages, traffic.crawl.exportsPerPage, traffic.harvest.maxPages); 0: not in the log, the defaults.
     */
    record Automated(int crawlPages, int crawlExportsPerPage, int harvestPages) {
        static Automated from(AutomatedSessions.Rates r) {
            return new Automated(
                    r.crawlerPagesPerSession() > 0 ? (int) Math.max(1, Math.round(r.crawlerPagesPerSession())) : 0,
                    r.crawlerPagesPerSession() > 0 ? (int) Math.round(r.crawlerExportsPerPage()) : 0,
                    r.harvestPagesPerHarvest() > 0 ? (int) Math.max(1, Math.round(r.harvestPagesPerHarvest())) : 0);
        }
    }

    /** How web sessions browse: the traffic.web.*, traffic.landingPage.* and traffic.iiif.* keys. */
    record Web(
            int staticPerSession,
            double pagesPerVisit,
            double citations,
            double exportProbability,
            double previewProbability,
            int tiles) {
        static Web from(Calibration.Web w) {
            boolean landings = w.landingPages() > 0;
            return new Web(
                    (int) Math.round(w.staticPerVisit()),
                    w.visits() == 0 ? 0 : Math.max(1, w.pagesPerVisit()),
                    landings ? w.citationsPerLanding() : defaultOf(RunKeys.LANDING_CITATIONS),
                    landings ? w.exportsPerLanding() : defaultOf(RunKeys.LANDING_EXPORT_P),
                    landings ? w.previewsPerLanding() : defaultOf(RunKeys.LANDING_PREVIEW_P),
                    w.imageViews() > 0 ? (int) Math.round(w.tilesPerView()) : defaultOf(RunKeys.IIIF_TILES));
        }

        private static <T> T defaultOf(Key<T> key) {
            return key.parser().apply(key.defaultValue());
        }

        /**
         * Each figure set to its target divided by its gain (what the runs measured per unit set, Corrections): a
         * figure without a gain yet keeps its value.
         */
        Web corrected(double[] gains, Calibration.Web target) {
            return new Web(
                    (int) Math.round(Math.min(1000, scale(staticPerSession, target.staticPerVisit(), gains[0]))),
                    Math.min(100, scale(pagesPerVisit, target.pagesPerVisit(), gains[1])),
                    Math.min(2, scale(citations, target.citationsPerLanding(), gains[2])),
                    Math.min(1, scale(exportProbability, target.exportsPerLanding(), gains[3])),
                    Math.min(1, scale(previewProbability, target.previewsPerLanding(), gains[4])),
                    (int) Math.round(Math.min(200, scale(tiles, target.tilesPerView(), gains[5]))));
        }

        /** The figures Corrections follows, in the order of {@link #corrected}'s gains. */
        double[] figures() {
            return new double[] {
                staticPerSession, pagesPerVisit, citations, exportProbability, previewProbability, tiles
            };
        }

        private static double scale(double value, double target, double gain) {
            return gain <= 0 || value <= 0 || Double.isNaN(gain) ? value : target / gain;
        }
    }

    static Profile from(Calibration c) {
        Map<String, Double> s = c.generatedShares();
        Calibration.Web w = c.web();
        Map<Journey, Double> sessions = new EnumMap<>(Journey.class);
        // A first guess, which the fidelity runs correct: one request of its first class per API session.
        for (VisitClass v : Visits.API)
            for (Journey j : v.weighs)
                sessions.put(j, (double) w.apiRequestsOutsideWeb().get(v.label));
        for (Journey j : VisitClass.UI.weighs)
            sessions.put(j, (double) w.visitsByJourney().get(j.id()));
        sessions.put(Journey.IIIF, (double) w.imageViews());
        double most = sessions.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        double total =
                sessions.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Journey, Integer> weights = new EnumMap<>(Journey.class);
        sessions.forEach((j, n) -> weights.put(j, perMille(n, most)));
        double exponent = Double.isNaN(c.zipf().exponent()) ? 1.0 : c.zipf().exponent();
        double deposit = s.get(VisitClass.DEPOSIT.label) + s.get(VisitClass.DASHBOARD.label);
        long maxMb = Math.max(1, (long) Math.ceil(c.downloads().p99() / 1e6));
        long readerRequests = c.readerRequests();
        double perSession = total <= 0 || readerRequests == 0 ? ASSUMED_REQUESTS_PER_SESSION : readerRequests / total;
        return new Profile(
                weights,
                Double.parseDouble(RunKeys.VIEW_DOWNLOAD_P.defaultValue()),
                exponent,
                Math.max(0.01, c.peakReaderRps() / perSession),
                perSession,
                false,
                depositors(c, deposit),
                c.automated().harvestsPerSecond(),
                c.automated().crawlerSessionsPerSecond(),
                Automated.from(c.automated()),
                c.search(),
                (int) Math.min(100_000, c.downloads().count() == 0 ? 50 : maxMb),
                Web.from(w));
    }

    /** Requests per second one depositor is taken to send (a first guess: the fidelity check solves the users). */
    static final double ASSUMED_DEPOSITOR_RPS = 1.0;

    /**
     * Whole depositors at the profile's own readers' rate: the log's deposit and dashboard requests per second in the
     * peak hour (in proportion to the readers' there) over what one depositor sends.
     */
    private static int depositors(Calibration c, double depositSharePct) {
        double readerShare = 0;
        for (VisitClass v : Calibration.GENERATED)
            if (v.reader) readerShare += c.generatedShares().get(v.label);
        double perSecond = readerShare <= 0 ? 0 : c.peakReaderRps() * depositSharePct / readerShare;
        return (int) Math.min(50, Math.round(perSecond / ASSUMED_DEPOSITOR_RPS));
    }

    /** Without sessions in the logs, a reader session is taken to send this many requests (a run measures it). */
    static final double ASSUMED_REQUESTS_PER_SESSION = 2.0;

    /** InvenioRDM's record search sorts (a sort the target does not offer is answered 400). */
    static final List<String> KNOWN_SORTS = List.of(
            "bestmatch", "newest", "oldest", "updated-desc", "updated-asc", "version", "mostviewed", "mostdownloaded");

    private static String weights(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> {
            if (v > 0) b.append(b.isEmpty() ? "" : ",").append(k).append(':').append(v);
        });
        return b.toString();
    }

    private static int perMille(double n, double most) {
        if (n <= 0 || most <= 0) return 0;
        return (int) Math.max(1, Math.round(1000 * n / most));
    }

    /**
     * The weights and populations the runs say reproduce the log (JourneySolver: per journey, the sessions or users
     * it needs at {@code runReaders} reader sessions/s), a new exponent, the web shape corrected (Corrections), the
     * rate at {@code requestsPerSession}. The depositors are whole users at the profile's own readers' rate. A journey
     * that did not run keeps its weight.
     */
    Profile solved(
            Map<Journey, Double> sessions,
            double exponent,
            double requestsPerSession,
            double peakReaderRps,
            Web corrected,
            double runReaders) {
        double rate = Math.max(0.01, peakReaderRps / requestsPerSession);
        Double users = sessions.get(Journey.DEPOSIT);
        double most = sessions.entrySet().stream()
                .filter(e -> e.getKey().arrival() == Journey.Arrival.WEIGHT)
                .mapToDouble(Map.Entry::getValue)
                .max()
                .orElse(0);
        Map<Journey, Integer> solved = new EnumMap<>(Journey.class);
        weights.forEach((j, w) -> solved.put(j, sessions.containsKey(j) ? perMille(sessions.get(j), most) : w));
        return new Profile(
                solved,
                viewDownloadProbability,
                Math.max(0.05, Math.min(5, exponent)),
                rate,
                requestsPerSession,
                true,
                users(depositors, users == null ? null : users * rate / runReaders),
                // Harvests and crawls keep the log's own rates (AutomatedSessions): not solved from a replay,
                // whose readers run faster than the log's.
                harvestersRate,
                crawlersRate,
                automated,
                searchShape,
                downloadMaxMb,
                corrected);
    }

    /** A closed population's users, as solved (kept when it did not run). */
    private static int users(int n, Double solved) {
        return solved == null ? n : (int) Math.min(50, Math.round(solved));
    }

    /** The same profile, its rate at the requests per session a run measured. */
    Profile measured(double requestsPerSession, double peakReaderRps) {
        return new Profile(
                weights,
                viewDownloadProbability,
                zipfExponent,
                Math.max(0.01, peakReaderRps / requestsPerSession),
                requestsPerSession,
                true,
                depositors,
                harvestersRate,
                crawlersRate,
                automated,
                searchShape,
                downloadMaxMb,
                web);
    }

    /** The keys, as a properties file with the figures behind them as comments. */
    Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        // Every reader journey is set, so no default weight leaks in.
        for (Journey j : Journey.readers()) k.put(j.key().name(), String.valueOf(weights.getOrDefault(j, 0)));
        // A browser caches each static file after its first load: a session loads each once, this many in all.
        k.put(RunKeys.WEB_STATIC_FILES.name(), String.valueOf(web.staticPerSession() > 0));
        k.put(RunKeys.WEB_STATIC_PER_SESSION.name(), String.valueOf(Math.max(0, web.staticPerSession())));
        k.put(RunKeys.WEB_PAGES_PER_VISIT.name(), String.format(Locale.ROOT, "%.3f", web.pagesPerVisit()));
        k.put(RunKeys.LANDING_CITATIONS.name(), String.format(Locale.ROOT, "%.3f", Math.min(2, web.citations())));
        k.put(
                RunKeys.LANDING_EXPORT_P.name(),
                String.format(Locale.ROOT, "%.3f", Math.min(1, web.exportProbability())));
        k.put(
                RunKeys.LANDING_PREVIEW_P.name(),
                String.format(Locale.ROOT, "%.3f", Math.min(1, web.previewProbability())));
        k.put(RunKeys.IIIF_TILES.name(), String.valueOf(Math.max(0, Math.min(200, web.tiles()))));
        k.put("traffic.recordView.downloadProbability", String.format(Locale.ROOT, "%.3f", viewDownloadProbability));
        k.put("traffic.zipfExponent", String.format(Locale.ROOT, "%.3f", zipfExponent));
        k.put("traffic.readers.rate", String.format(Locale.ROOT, "%.3f", readersRate));
        k.put(Journey.DEPOSIT.key().name(), String.valueOf(depositors));
        automatedKeys(k);
        k.put("traffic.download.maxMB", String.valueOf(downloadMaxMb));
        if (searchShape.searches() > 0) {
            k.put("traffic.search.browseShare", String.format(Locale.ROOT, "%.4f", searchShape.browseShare()));
            k.put("traffic.search.facetShare", String.format(Locale.ROOT, "%.4f", searchShape.facetShare()));
            k.put("traffic.search.deepPageShare", String.format(Locale.ROOT, "%.4f", searchShape.deepPageShare()));
            String sizes = weights(searchShape.pageSizes().entrySet().stream()
                    .filter(e -> e.getKey() >= 1 && e.getKey() <= 100)
                    .collect(Collectors.toMap(
                            e -> String.valueOf(e.getKey()), Map.Entry::getValue, Long::sum, LinkedHashMap::new)));
            if (!sizes.isEmpty()) k.put("traffic.search.pageSizes", sizes);
            Map<String, Long> sorts = new LinkedHashMap<>();
            // A search without a sort gets InvenioRDM's default: best match with a query (newest without one).
            searchShape.sorts().forEach((sort, n) -> {
                String name = sort.equals("(default)") ? "bestmatch" : sort;
                if (KNOWN_SORTS.contains(name)) sorts.merge(name, n, Long::sum);
            });
            String w = weights(sorts);
            if (!w.isEmpty()) k.put("traffic.search.sorts", w);
        }
        return k;
    }

    /**
     * Harvesters and crawlers at the rates the log's harvests and crawler sessions started in its peak hour (open
     * model), none as closed populations; their sessions as long as the log's.
     */
    private void automatedKeys(Map<String, String> k) {
        k.put(Journey.HARVEST.key().name(), "0");
        k.put(Journey.HARVEST.rate().orElseThrow().name(), String.format(Locale.ROOT, "%.5f", harvestersRate));
        k.put(Journey.CRAWL.key().name(), "0");
        k.put(Journey.CRAWL.rate().orElseThrow().name(), String.format(Locale.ROOT, "%.5f", crawlersRate));
        if (automated.crawlPages() > 0) {
            k.put(RunKeys.CRAWL_PAGES.name(), String.valueOf(automated.crawlPages()));
            k.put(RunKeys.CRAWL_EXPORTS.name(), String.valueOf(Math.min(100, automated.crawlExportsPerPage())));
        }
        if (automated.harvestPages() > 0)
            k.put(RunKeys.HARVEST_PAGES.name(), String.valueOf(Math.min(100_000, automated.harvestPages())));
    }

    void write(Path file, Calibration c, String provenance) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# rdm-loadtest profile calibrated from access logs (mvn -q exec:java@calibrate)\n");
        b.append("# ").append(provenance).append('\n');
        b.append(String.format(
                Locale.ROOT,
                "# %d requests from %s to %s; %.1f %% classified; use: mvn gatling:test -Dprofile.file=%s%n",
                c.parsed(),
                c.from(),
                c.to(),
                c.classifiedPct(),
                file.getFileName()));
        b.append("# Shares of the classes the simulations send (%): ");
        c.generatedShares().forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.1f, ", k, v)));
        b.setLength(b.length() - 2);
        b.append('\n');
        b.append(String.format(
                Locale.ROOT,
                "# Peak hour %02d:00 UTC, peak-to-mean %.2f; reader requests/s in the peak hour %.3f, at %.2f requests"
                        + " per reader session%s%n",
                c.peakHour(),
                c.peakToMean(),
                c.peakReaderRps(),
                requestsPerSession,
                requestsMeasured
                        ? " (measured by the fidelity run)"
                        : " (estimated from the logs' visits: -Dcalibrate.check=true measures it)"));
        Calibration.Web w = c.web();
        b.append(String.format(
                Locale.ROOT,
                "# Web visits: %d (by first page %s), %.2f pages and %.1f static files per visit; per landing page"
                        + " %.3f citations, %.3f exports, %.3f previews; IIIF image views %d, %.1f tiles each%n",
                w.visits(),
                w.visitsByJourney(),
                w.pagesPerVisit(),
                w.staticPerVisit(),
                w.citationsPerLanding(),
                w.exportsPerLanding(),
                w.previewsPerLanding(),
                w.imageViews(),
                w.tilesPerView()));
        b.append("# Requests per hour of the day (UTC, mean over the days logged):");
        for (int h = 0; h < 24; h++) b.append(String.format(Locale.ROOT, " %02d:%.0f", h, c.meanPerHourOfDay()[h]));
        b.append('\n');
        Calibration.Search s = c.search();
        b.append(String.format(
                Locale.ROOT,
                "# Searches: %d; without a query %.1f %%, with a facet %.1f %%, beyond page 1 %.1f %%; page sizes %s;"
                        + " sorts %s%n",
                s.searches(),
                100 * s.browseShare(),
                100 * s.facetShare(),
                100 * s.nextPageShare(),
                s.pageSizes(),
                s.sorts()));
        b.append(String.format(
                Locale.ROOT,
                "# Downloads: %d, bytes p50 %d, p95 %d, p99 %d (traffic.download.maxMB from p99)%n",
                c.downloads().count(),
                c.downloads().p50(),
                c.downloads().p95(),
                c.downloads().p99()));
        AutomatedSessions.Rates a = c.automated();
        b.append(String.format(
                Locale.ROOT,
                "# Peak hour: %.5f crawler sessions/s (%.1f requests each), %.5f harvests/s (a harvest: a list without"
                        + " a resumptionToken)%n",
                a.crawlerSessionsPerSecond(),
                a.crawlerRequestsPerSession(),
                a.harvestsPerSecond()));
        keys().forEach((key, v) -> b.append(key).append('=').append(v).append('\n'));
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }
}

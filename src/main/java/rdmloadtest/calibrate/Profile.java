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
import rdmloadtest.mix.Journey;
import rdmloadtest.run.RunKeys;

/**
 * The calibrated profile: configuration keys the simulations take as they are ({@code -Dprofile.file=...}). Reader
 * journeys are weighted by the classes they start with; the fidelity check then corrects the weights and the exponent
 * by what a run of the profile produced (a search also opens records, a record view also downloads).
 */
record Profile(
        Map<Journey, Integer> weights,
        double viewDownloadProbability,
        double zipfExponent,
        double readersRate,
        double requestsPerSession,
        int depositors,
        double harvestersRate,
        double crawlersRate,
        Calibration.Search searchShape,
        int downloadMaxMb) {

    /** Without a fidelity run, a reader session is taken to send this many requests (a run measures it). */
    static final double ASSUMED_REQUESTS_PER_SESSION = 2.0;

    static Profile from(Calibration c) {
        Map<String, Double> s = c.generatedShares();
        Map<Journey, Double> shares = new EnumMap<>(Journey.class);
        for (Journey j : Journey.readers()) VisitClass.startingWith(j).ifPresent(v -> shares.put(j, s.get(v.label)));
        double readers =
                shares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Journey, Integer> weights = new EnumMap<>(Journey.class);
        shares.forEach((j, share) -> weights.put(j, perMille(share, readers)));
        double exponent = Double.isNaN(c.zipf().exponent()) ? 1.0 : c.zipf().exponent();
        double deposit = s.get(VisitClass.DEPOSIT.label) + s.get(VisitClass.DASHBOARD.label);
        long maxMb = Math.max(1, (long) Math.ceil(c.downloads().p99() / 1e6));
        return new Profile(
                weights,
                Double.parseDouble(RunKeys.VIEW_DOWNLOAD_P.defaultValue()),
                exponent,
                Math.max(0.01, c.peakReaderRps() / ASSUMED_REQUESTS_PER_SESSION),
                ASSUMED_REQUESTS_PER_SESSION,
                deposit >= 0.5 ? 1 : 0,
                c.automated().harvestsPerSecond(),
                c.automated().crawlerSessionsPerSecond(),
                c.search(),
                (int) Math.min(100_000, c.downloads().count() == 0 ? 50 : maxMb));
    }

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

    private static int perMille(double share, double total) {
        if (share <= 0 || total <= 0) return 0;
        return (int) Math.max(1, Math.round(1000 * share / total));
    }

    /** The weights multiplied by target / measured share of the class each journey starts with; a new exponent. */
    Profile corrected(
            Map<VisitClass, Double> factor, double exponent, double requestsPerSession, double peakReaderRps) {
        Map<Journey, Integer> scaled = new EnumMap<>(Journey.class);
        weights.forEach((j, w) -> scaled.put(
                j, scale(w, VisitClass.startingWith(j).map(factor::get).orElse(null))));
        return new Profile(
                scaled,
                // Downloads also follow record views: both sources move together.
                probability(viewDownloadProbability, factor.get(VisitClass.DOWNLOAD)),
                Math.max(0.05, Math.min(5, exponent)),
                Math.max(0.01, peakReaderRps / requestsPerSession),
                requestsPerSession,
                count(depositors, factor.get(VisitClass.DEPOSIT)),
                rate(harvestersRate, factor.get(VisitClass.HARVEST)),
                crawlersRate,
                searchShape,
                downloadMaxMb);
    }

    /** Harvests arrive at the log's rate: their share moves with it. */
    private static double rate(double r, Double f) {
        if (r == 0 || f == null || f.isNaN() || f.isInfinite()) return r;
        return Math.min(10_000, r * f);
    }

    /** Depositors are a closed population: their share moves with their number. */
    private static int count(int n, Double f) {
        if (n == 0 || f == null || f.isNaN() || f.isInfinite()) return n;
        return (int) Math.max(1, Math.min(50, Math.round(n * f)));
    }

    private static double probability(double p, Double f) {
        if (f == null || f.isNaN() || f.isInfinite()) return p;
        return Math.max(0.01, Math.min(1, p * f));
    }

    private static int scale(int w, Double f) {
        if (w == 0 || f == null || f.isNaN() || f.isInfinite()) return w;
        return (int) Math.max(1, Math.min(1000, Math.round(w * f)));
    }

    /** The keys, as a properties file with the figures behind them as comments. */
    Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        // A journey no log class starts (the web UI's, IIIF) is not calibrated yet: off, so no default leaks in.
        for (Journey j : Journey.readers()) k.put(j.key().name(), String.valueOf(weights.getOrDefault(j, 0)));
        k.put("traffic.recordView.downloadProbability", String.format(Locale.ROOT, "%.3f", viewDownloadProbability));
        k.put("traffic.zipfExponent", String.format(Locale.ROOT, "%.3f", zipfExponent));
        k.put("traffic.readers.rate", String.format(Locale.ROOT, "%.3f", readersRate));
        k.put(Journey.DEPOSIT.key().name(), String.valueOf(depositors));
        automated(k);
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
     * model), none as closed populations.
     */
    private void automated(Map<String, String> k) {
        k.put(Journey.HARVEST.key().name(), "0");
        k.put(Journey.HARVEST.rate().orElseThrow().name(), String.format(Locale.ROOT, "%.5f", harvestersRate));
        k.put(Journey.CRAWL.key().name(), "0");
        k.put(Journey.CRAWL.rate().orElseThrow().name(), String.format(Locale.ROOT, "%.5f", crawlersRate));
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
                requestsPerSession == ASSUMED_REQUESTS_PER_SESSION
                        ? " (assumed: -Dcalibrate.check=true measures it)"
                        : " (measured by the fidelity run)"));
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

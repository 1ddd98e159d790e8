package rdmloadtest.calibrate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.mix.Journey;
import rdmloadtest.slo.RequestNames;

/**
 * The workload the logs describe, derived from {@link LogStats}: what the profile, the feeders and the report say.
 * {@code crawlerShare} is the crawlers' share (%) of the requests of the classes the simulations send.
 */
record Calibration(
        long lines,
        long parsed,
        long unparseable,
        List<String> firstUnparseable,
        long classified,
        String from,
        String to,
        double days,
        Map<String, Long> classes,
        Map<String, Double> generatedShares,
        Map<String, Long> requestNames,
        Map<String, Long> visitors,
        ZipfFit.Result zipf,
        long viewedRecords,
        double[] meanPerHourOfDay,
        int peakHour,
        double peakToMean,
        double peakReaderRps,
        Search search,
        Downloads downloads,
        List<Map.Entry<String, Long>> unclassified,
        long personalQueriesDropped,
        AutomatedSessions.Rates automated,
        Web web,
        double crawlerShare) {

    /**
     * How people browsed the web UI, from the logs' visits (Visits): web visits by the journey their first page
     * starts, pages and distinct static files per web visit, what landing pages led to (people's, not crawlers'), IIIF
     * image views and their tiles, and the API reader requests made outside web visits (by class label);
     * pagesPerVisitError is the standard error of the pages per visit (a mean over this many visits).
     */
    record Web(
            long visits,
            Map<String, Long> visitsByJourney,
            double pagesPerVisit,
            double staticPerVisit,
            long landingPages,
            double citationsPerLanding,
            double exportsPerLanding,
            double previewsPerLanding,
            long imageViews,
            double tilesPerView,
            Map<String, Long> apiRequestsOutsideWeb,
            double pagesPerVisitError) {

        static Web of(LogStats s) {
            Visits v = s.visits;
            Map<String, Long> entries = new LinkedHashMap<>();
            for (Journey j : VisitClass.UI.weighs)
                entries.put(j.id(), v.byEntry.containsKey(j) ? v.byEntry.get(j)[0] : 0);
            Map<String, Long> api = new LinkedHashMap<>();
            for (int i = 0; i < Visits.API.length; i++) api.put(Visits.API[i].label, v.apiOutsideWeb[i]);
            long landings = s.namedByPeople(VisitClass.UI, Classifier.LANDING_PAGE);
            long views = s.namedByPeople(VisitClass.IIIF, RequestNames.IIIF_IMAGE_INFO);
            return new Web(
                    v.webVisits,
                    entries,
                    ratio(v.webPages, v.webVisits),
                    ratio(v.webStatic, v.webVisits),
                    landings,
                    ratio(s.namedByPeople(VisitClass.RECORD_VIEW, RequestNames.CITE_RECORD), landings),
                    ratio(s.namedByPeople(VisitClass.UI, RequestNames.EXPORT_RECORD), landings),
                    ratio(s.namedByPeople(VisitClass.UI, RequestNames.PREVIEW_FILE), landings),
                    views,
                    ratio(s.namedByPeople(VisitClass.IIIF, RequestNames.IIIF_TILE), views),
                    api,
                    meanError(v.webPages, v.webPagesSquared, v.webVisits));
        }
    }

    /** How people searched. */
    record Search(
            long searches,
            double browseShare,
            double facetShare,
            double nextPageShare,
            double deepPageShare,
            Map<Integer, Long> pageSizes,
            Map<String, Long> sorts,
            long distinctQueries) {}

    /** Sizes of the file downloads answered 200/206 (bytes). */
    record Downloads(long count, long p50, long p95, long p99, long max) {}

    /** The classes the simulations send, in the toolkit's journey order. */
    static final List<VisitClass> GENERATED =
            Arrays.stream(VisitClass.values()).filter(c -> c.generated).toList();

    static Calibration of(LogStats s) {
        return of(s, ZipfFit.MIN_VIEWS);
    }

    /**
     * @param minViews the views a record needs to count in the exponent's fit (ZipfFit: its head); runs read
     *     together count as many times the views of one
     */
    static Calibration of(LogStats s, int minViews) {
        s.endVisits();
        Map<String, Long> classes = new LinkedHashMap<>();
        for (VisitClass c : VisitClass.values()) classes.put(c.label, s.count(c));
        long generated = GENERATED.stream().mapToLong(s::count).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (VisitClass c : GENERATED) shares.put(c.label, generated == 0 ? 0 : 100.0 * s.count(c) / generated);
        Map<String, Long> names = new LinkedHashMap<>();
        s.names.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(Comparator.comparingLong(a -> -a[0])))
                .forEach(e -> names.put(e.getKey(), e.getValue()[0]));
        long[] views = s.viewsById.values().stream().mapToLong(a -> a[0]).toArray();
        double days = s.parsed == 0 ? 0 : Math.max(1.0 / 24, (s.last - s.first + 1) / 86400.0);
        // Mean requests in each hour of the day over the days the logs cover (hours seen at least once).
        long[] hoursSeen = new long[24];
        for (Long h : s.byHour.keySet()) hoursSeen[(int) Math.floorMod(h, 24L)]++;
        double[] mean = new double[24];
        double[] readers = new double[24];
        int peak = 0;
        double sum = 0;
        int seen = 0;
        for (int h = 0; h < 24; h++) {
            mean[h] = hoursSeen[h] == 0 ? 0 : (double) s.byHourOfDay[h] / hoursSeen[h];
            readers[h] = hoursSeen[h] == 0 ? 0 : (double) s.readersByHourOfDay[h] / hoursSeen[h];
            if (mean[h] > mean[peak]) peak = h;
            if (hoursSeen[h] > 0) {
                sum += mean[h];
                seen++;
            }
        }
        double meanHour = seen == 0 ? 0 : sum / seen;
        Map<Integer, Long> sizes = new LinkedHashMap<>();
        s.pageSizes.forEach((k, v) -> sizes.put(k, v[0]));
        Map<String, Long> sorts = new LinkedHashMap<>();
        s.sorts.forEach((k, v) -> sorts.put(k, v[0]));
        Search search = new Search(
                s.searches,
                ratio(s.browses, s.searches),
                ratio(s.facetSearches, s.searches),
                ratio(s.nextPages, s.searches),
                ratio(s.deepPages, s.searches),
                sizes,
                sorts,
                s.queries.size());
        Downloads downloads = new Downloads(
                s.downloadBytes.getTotalCount(),
                s.downloadBytes.getValueAtPercentile(50),
                s.downloadBytes.getValueAtPercentile(95),
                s.downloadBytes.getValueAtPercentile(99),
                s.downloadBytes.getMaxValue());
        List<Map.Entry<String, Long>> other = new ArrayList<>();
        s.unclassified.forEach((k, v) -> other.add(Map.entry(k, v[0])));
        other.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return new Calibration(
                s.lines,
                s.parsed,
                s.unparseable,
                List.copyOf(s.firstUnparseable),
                s.classified(),
                s.parsed == 0 ? "" : Instant.ofEpochSecond(s.first).toString(),
                s.parsed == 0 ? "" : Instant.ofEpochSecond(s.last).toString(),
                days,
                classes,
                shares,
                names,
                s.visitors(),
                ZipfFit.fit(views, minViews),
                views.length,
                mean,
                peak,
                meanHour == 0 ? 0 : mean[peak] / meanHour,
                readers[peak] / 3600.0,
                search,
                downloads,
                List.copyOf(other.subList(0, Math.min(50, other.size()))),
                s.personalQueries,
                s.automated.rates(s.byHour, peak),
                Web.of(s),
                generated == 0 ? 0 : 100.0 * s.crawlerGenerated / generated);
    }

    /** The standard error of a mean from its sum and sum of squares over n samples (NaN below 2). */
    static double meanError(double sum, double squares, long n) {
        if (n < 2) return Double.NaN;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)) / n);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Requests of the classes the readers' sessions send (VisitClass.reader). */
    long readerRequests() {
        long n = 0;
        for (VisitClass c : VisitClass.values()) if (c.reader) n += classes.get(c.label);
        return n;
    }

    double classifiedPct() {
        return parsed == 0 ? 0 : 100.0 * classified / parsed;
    }
}

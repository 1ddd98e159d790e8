package rdmloadtest.calibrate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import rdmloadtest.mix.Journey;

/**
 * Access logs with known parameters, for the calibration's tests and its benchmark: shares per class, a Zipf
 * exponent of record views, a daily arrival curve with a known peak hour, crawler sessions and harvests at known
 * rates, personal queries, and web visits (their first pages, pages per visit, static files, what landing pages
 * lead to, IIIF image views and tiles).
 *
 * <pre>mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=rdmloadtest.calibrate.SyntheticLog \
 *     -Dexec.args="FILE LINES [combined|json|uwsgi]"</pre>
 */
public final class SyntheticLog {
    static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter UWSGI = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * The truth a log is generated from: shares per class of the requests outside web visits, a Zipf exponent of record
     * views, the number of records, the peak hour, and the web visits; besides, a crawler session (robots.txt, the
     * sitemap, landing pages and exports, from a client of its own with a crawler's agent) after {@code
     * crawlerSessionsPerLine} of the lines, and {@code harvestStartShare} of the OAI-PMH lists without a
     * resumptionToken (a harvest's first page).
     */
    record Truth(
            Map<VisitClass, Double> shares,
            double zipfExponent,
            int records,
            int peakHour,
            long seed,
            double crawlerSessionsPerLine,
            double harvestStartShare,
            Web web) {
        static Truth standard() {
            Map<VisitClass, Double> s = new LinkedHashMap<>();
            s.put(VisitClass.SEARCH, 0.22);
            s.put(VisitClass.RECORD_VIEW, 0.30);
            s.put(VisitClass.DOWNLOAD, 0.12);
            s.put(VisitClass.COMMUNITIES, 0.04);
            s.put(VisitClass.DEPOSIT, 0.02);
            s.put(VisitClass.DASHBOARD, 0.01);
            s.put(VisitClass.HARVEST, 0.03);
            s.put(VisitClass.OTHER, 0.01);
            return new Truth(s, 1.1, 20_000, 14, 7, 0.01, 0.5, Web.standard());
        }

        /** The same log without crawler sessions. */
        Truth withoutCrawlers() {
            return new Truth(shares, zipfExponent, records, peakHour, seed, 0, harvestStartShare, web);
        }

        /** The same log with another web shape. */
        Truth with(Web w) {
            return new Truth(
                    shares, zipfExponent, records, peakHour, seed, crawlerSessionsPerLine, harvestStartShare, w);
        }
    }

    /**
     * Web visits: their share of the lines, the journey their first page starts (by weight), pages per visit (1 plus
     * a geometric number: after its first page a visit opens landing pages), distinct static files a visit loads
     * (all with its first page: the browser caches them), per landing page the citations (the default style, then
     * another with the excess over 1), exports, previews, and image views in the IIIF viewer with their tiles.
     */
    record Web(
            double share,
            Map<Journey, Double> entries,
            double pagesPerVisit,
            int staticPerVisit,
            double citations,
            double exportProbability,
            double previewProbability,
            double imageViewProbability,
            int tilesPerView) {
        static Web standard() {
            Map<Journey, Double> e = new LinkedHashMap<>();
            e.put(Journey.LANDING_PAGE, 0.55);
            e.put(Journey.SEARCH_PAGE, 0.20);
            e.put(Journey.FRONT_PAGE, 0.15);
            e.put(Journey.COMMUNITY_PAGES, 0.07);
            e.put(Journey.UPLOADS, 0.03);
            return new Web(0.7, e, 2.5, 12, 1.1, 0.1, 0.2, 0.3, 6);
        }
    }

    /** What was written, per class (the classifier should find the same). */
    final Map<VisitClass, long[]> written = new EnumMap<>(VisitClass.class);
    /** Web visits written, by the journey of their first page, and their pages. */
    final Map<Journey, long[]> visitsWritten = new EnumMap<>(Journey.class);

    /** Lines written in each hour of the day. */
    final long[] writtenByHourOfDay = new long[24];

    long pagesWritten;
    /** Searches written, and those without a query (browsing). */
    long searchesWritten;

    long browsesWritten;

    /** Lines per second in the peak hour of the day, for a log of this many lines (the arrival curve's mean there). */
    static double peakLinesPerSecond(long lines) {
        double x = Math.PI / 24;
        return lines / (3 * 86400.0) * (1 + 0.8 * Math.sin(x) / x);
    }

    /** The crawler sessions per second that start in the peak hour, as written. */
    double crawlerSessionsPerSecondAtPeak(long lines) {
        return truth.crawlerSessionsPerLine() * peakLinesPerSecond(lines);
    }

    /** The harvests per second that start in the peak hour, as written. */
    double harvestsPerSecondAtPeak(long lines) {
        double total = truth.shares().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        // Lines outside web visits are drawn by share.
        return truth.harvestStartShare()
                * (1 - truth.web().share())
                * truth.shares().get(VisitClass.HARVEST)
                / total
                * peakLinesPerSecond(lines);
    }

    private final Truth truth;
    private int crawlerSessions;
    private final SplittableRandom rnd;
    private final RandomDataGenerator zipf;
    private final String[] ids;
    private final VisitClass[] classes;
    private final double[] cumulative;

    SyntheticLog(Truth truth) {
        this.truth = truth;
        this.rnd = new SplittableRandom(truth.seed());
        this.zipf = RandomDataGenerator.of(new Well19937c(truth.seed()));
        this.ids = new String[truth.records()];
        String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        SplittableRandom idRnd = new SplittableRandom(truth.seed() + 1);
        for (int i = 0; i < ids.length; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 11; k++) b.append(k == 5 ? '-' : alphabet.charAt(idRnd.nextInt(alphabet.length())));
            ids[i] = b.toString();
        }
        for (VisitClass c : VisitClass.values()) written.put(c, new long[1]);
        for (Journey j : truth.web().entries().keySet()) visitsWritten.put(j, new long[1]);
        classes = truth.shares().keySet().toArray(VisitClass[]::new);
        cumulative = new double[classes.length];
        double c = 0;
        for (int i = 0; i < classes.length; i++)
            cumulative[i] = c += truth.shares().get(classes[i]);
    }

    /** Writes {@code lines} requests over three days, arrivals following a daily curve peaking at the peak hour. */
    void write(Path file, long lines, String format, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8),
                1 << 20)) {
            long start = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
            double perSecond = lines / (3 * 86400.0);
            // Visits under way, enough that one visit's requests come about 20 s apart on average.
            int concurrent = (int) Math.max(1, Math.ceil(perSecond * truth.web().share() * 20));
            List<Visit> open = new ArrayList<>();
            double t = start;
            String lastStamp = null;
            long lastSecond = -1;
            for (long n = 0; n < lines; n++) {
                // Arrivals thinned by the daily curve: rate(h) proportional to 1 + 0.8 cos(2 pi (h - peak) / 24).
                double hour = ((t - start) / 3600.0) % 24;
                double shape = 1 + 0.8 * Math.cos(2 * Math.PI * (hour - truth.peakHour() - 0.5) / 24);
                t += -Math.log(1 - rnd.nextDouble()) / (perSecond * shape);
                long second = (long) t;
                if (second != lastSecond) {
                    lastStamp = format.equals("uwsgi")
                            ? UWSGI.format(Instant.ofEpochSecond(second))
                            : CLF.format(Instant.ofEpochSecond(second));
                    lastSecond = second;
                }
                if (truth.web().share() > 0 && rnd.nextDouble() < truth.web().share()) {
                    while (open.size() < concurrent) open.add(visit());
                    int i = rnd.nextInt(open.size());
                    Visit v = open.get(i);
                    // Counted as written: a visit under way when the log ends has written only what it has.
                    if (v.next == 0) visitsWritten.get(v.entry)[0]++;
                    Request r = v.requests.get(v.next++);
                    if (r.page()) pagesWritten++;
                    out.write(line(format, lastStamp, r, v.client));
                    if (v.next == v.requests.size()) open.remove(i);
                } else out.write(line(format, lastStamp));
                out.write('\n');
                writtenByHourOfDay[hourOfDay(second)]++;
                if (rnd.nextDouble() < truth.crawlerSessionsPerLine()) crawlerSession(out, format, second);
            }
        }
    }

    private static final String CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";

    /** A request outside web visits, from one of 5 000 clients. */
    private String line(String format, String stamp) {
        VisitClass c = draw();
        int client = rnd.nextInt(5000);
        return line(format, stamp, new Request(c, request(c)), client);
    }

    /**
     * A crawler's session, a client of its own, one request every 2 s: robots.txt, the sitemap, three landing pages
     * in sitemap order, an export after each (8 requests).
     */
    private void crawlerSession(BufferedWriter out, String format, long second) throws IOException {
        int n = crawlerSessions++;
        String ip = "10.99." + ((n >> 8) & 255) + "." + (n & 255);
        int from = rnd.nextInt(ids.length - 3);
        List<Request> requests = new ArrayList<>(List.of(
                new Request(VisitClass.STATIC, "GET", "/robots.txt"),
                new Request(VisitClass.STATIC, "GET", "/sitemap_0.xml")));
        for (int i = 0; i < 3; i++) {
            requests.add(new Request(VisitClass.UI, "GET", "/records/" + ids[from + i]));
            requests.add(new Request(
                    VisitClass.UI,
                    "GET",
                    "/records/" + ids[from + i] + "/export/" + (i == 0 ? "json" : i == 1 ? "datacite-xml" : "bibtex")));
        }
        for (int i = 0; i < requests.size(); i++) {
            Instant at = Instant.ofEpochSecond(second + 2L * i);
            String stamp = format.equals("uwsgi") ? UWSGI.format(at) : CLF.format(at);
            out.write(line(format, stamp, requests.get(i), ip, CRAWLER));
            out.write('\n');
            writtenByHourOfDay[hourOfDay(at.getEpochSecond())]++;
        }
    }

    private static int hourOfDay(long epochSecond) {
        return (int) Math.floorMod(epochSecond / 3600, 24L);
    }

    /**
     * The hour of the day with the most lines written: the truth's peak hour or, by chance, one next to it (its
     * neighbours' arrival rates are within 1 %).
     */
    int peakHourWritten() {
        int peak = 0;
        for (int h = 1; h < 24; h++) if (writtenByHourOfDay[h] > writtenByHourOfDay[peak]) peak = h;
        return peak;
    }

    /** A web visit's client: 10.20.0.7 upwards, apart from the 5 000 others (10.0.0.7 to 10.19.135.7). */
    private String line(String format, String stamp, Request r, int client) {
        return line(format, stamp, r, "10." + (client >> 8) % 250 + "." + (client & 255) + ".7", BROWSER);
    }

    private String line(String format, String stamp, Request r, String ip, String ua) {
        VisitClass c = r.visitClass();
        String[] req = r.methodAndTarget();
        written.get(c)[0]++;
        if (c == VisitClass.SEARCH) {
            searchesWritten++;
            if (!req[1].contains("q=") || req[1].contains("q=&")) browsesWritten++;
        }
        long bytes = c == VisitClass.DOWNLOAD ? 1000 + rnd.nextInt(5_000_000) : 200 + rnd.nextInt(20_000);
        return switch (format) {
            case "json" ->
                "{\"time_local\":\"" + stamp + "\",\"remote_addr\":\"" + ip + "\",\"request\":\"" + req[0] + " "
                        + req[1] + " HTTP/1.1\",\"status\":\"200\",\"body_bytes_sent\":\"" + bytes
                        + "\",\"http_user_agent\":\"" + ua + "\"}";
            case "uwsgi" ->
                "[pid: 12|app: 0|req: 1/1] " + ip + " () {34 vars in 567 bytes} [" + stamp + "] " + req[0] + " "
                        + req[1] + " => generated " + bytes + " bytes in 12 msecs (HTTP/1.1 200) 7 headers in 250"
                        + " bytes (1 switches on core 0)";
            default ->
                ip + " - - [" + stamp + "] \"" + req[0] + " " + req[1] + " HTTP/1.1\" 200 " + bytes + " \"-\" \"" + ua
                        + "\"";
        };
    }

    private VisitClass draw() {
        double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return classes[i];
        return classes[classes.length - 1];
    }

    private String id() {
        return ids[zipf.nextZipf(truth.records(), truth.zipfExponent()) - 1];
    }

    private String[] request(VisitClass c) {
        String id = ids[rnd.nextInt(ids.length)];
        return switch (c) {
            case SEARCH -> {
                int u = rnd.nextInt(10);
                String q = u < 2 ? "" : u == 2 ? "q=jane.doe%40example.org&" : "q=climate+model&";
                yield new String[] {"GET", "/api/records?" + q + "sort=newest&size=25&page=" + (u == 9 ? 3 : 1)};
            }
            case RECORD_VIEW -> new String[] {"GET", "/api/records/" + id()};
            case DOWNLOAD -> new String[] {"GET", "/api/records/" + id + "/files/data.csv/content"};
            case COMMUNITIES -> new String[] {"GET", "/api/communities?size=10"};
            case DEPOSIT -> new String[] {"POST", "/api/records/" + id + "/draft/actions/publish"};
            case DASHBOARD -> new String[] {"GET", "/api/user/records?size=10"};
            case HARVEST ->
                new String[] {
                    "GET",
                    rnd.nextDouble() < truth.harvestStartShare()
                            ? "/oai2d?verb=ListRecords&metadataPrefix=oai_dc"
                            : "/oai2d?verb=ListRecords&resumptionToken=" + rnd.nextInt(1000)
                };
            default -> new String[] {"GET", "/wp-login.php"};
        };
    }

    /** A request of the log; {@code page}: a web page a visitor opens (what pages per visit count). */
    /** What was written: the shares of the classes the simulations send, the web visits, the exponent. */
    String truth() {
        double generated =
                Calibration.GENERATED.stream().mapToLong(c -> written.get(c)[0]).sum();
        StringBuilder b = new StringBuilder("truth: shares (of what the simulations send)");
        for (VisitClass c : Calibration.GENERATED)
            b.append(String.format(Locale.ROOT, " %s %.2f,", c.label, 100 * written.get(c)[0] / generated));
        long visits = visitsWritten.values().stream().mapToLong(a -> a[0]).sum();
        b.append(String.format(
                Locale.ROOT,
                " web visits %d (%.2f pages each); Zipf %.1f; peak hour %d",
                visits,
                (double) pagesWritten / Math.max(1, visits),
                truth.zipfExponent(),
                truth.peakHour()));
        return b.toString();
    }

    record Request(VisitClass visitClass, String[] methodAndTarget, boolean page) {
        Request(VisitClass c, String[] methodAndTarget) {
            this(c, methodAndTarget, false);
        }

        Request(VisitClass c, String method, String target) {
            this(c, new String[] {method, target}, false);
        }
    }

    /** A web visit's requests in order, from its client. */
    private static final class Visit {
        final List<Request> requests = new ArrayList<>();
        final int client;
        final Journey entry;
        int next;

        Visit(int client, Journey entry) {
            this.client = client;
            this.entry = entry;
        }
    }

    private int visitors;

    private Visit visit() {
        Web w = truth.web();
        Journey entry = entry(w.entries());
        Visit v = new Visit(5120 + visitors++ % 58_000, entry);
        int pages = 1;
        double p = 1 / w.pagesPerVisit();
        if (p < 1) pages += (int) Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(1 - p));
        switch (entry) {
            case LANDING_PAGE -> landing(v, id());
            case SEARCH_PAGE -> {
                page(v, VisitClass.UI, "GET", "/search?q=ocean");
                v.requests.add(
                        new Request(VisitClass.SEARCH, "GET", "/api/records?q=ocean&page=1&size=10&sort=bestmatch"));
            }
            case FRONT_PAGE -> {
                page(v, VisitClass.UI, "GET", "/");
                v.requests.add(new Request(VisitClass.SEARCH, "GET", "/api/records?sort=newest&size=10"));
                v.requests.add(new Request(VisitClass.COMMUNITIES, "GET", "/api/communities/featured"));
            }
            case COMMUNITY_PAGES -> {
                page(v, VisitClass.UI, "GET", "/communities");
                v.requests.add(
                        new Request(VisitClass.COMMUNITIES, "GET", "/api/communities?q=&sort=newest&page=1&size=10"));
            }
            default -> {
                page(v, VisitClass.UI, "GET", "/login/");
                v.requests.add(new Request(VisitClass.UI, "POST", "/login/"));
                v.requests.add(new Request(VisitClass.UI, new String[] {"GET", "/me/uploads"}, true));
                v.requests.add(new Request(
                        VisitClass.DASHBOARD, "GET", "/api/user/records?q=&sort=updated-desc&page=1&size=10"));
            }
        }
        for (int i = 1; i < pages; i++) landing(v, id());
        return v;
    }

    /** A page; the visit's first loads its static files, which the browser then caches. */
    private void page(Visit v, VisitClass c, String method, String target) {
        boolean first = v.requests.isEmpty();
        v.requests.add(new Request(c, new String[] {method, target}, true));
        if (first)
            for (int i = 0; i < truth.web().staticPerVisit(); i++)
                v.requests.add(new Request(VisitClass.STATIC, "GET", "/static/dist/js/" + i + ".a1b2c3.js"));
    }

    private void landing(Visit v, String id) {
        Web w = truth.web();
        page(v, VisitClass.UI, "GET", "/records/" + id);
        if (w.citations() >= 1 || rnd.nextDouble() < w.citations())
            v.requests.add(
                    new Request(VisitClass.RECORD_VIEW, "GET", "/api/records/" + id + "?style=apa&locale=en-US"));
        if (rnd.nextDouble() < w.citations() - 1)
            v.requests.add(
                    new Request(VisitClass.RECORD_VIEW, "GET", "/api/records/" + id + "?style=ieee&locale=en-US"));
        if (rnd.nextDouble() < w.exportProbability())
            v.requests.add(new Request(VisitClass.UI, "GET", "/records/" + id + "/export/json"));
        if (rnd.nextDouble() < w.previewProbability())
            v.requests.add(new Request(VisitClass.UI, "GET", "/records/" + id + "/preview/data.csv"));
        if (rnd.nextDouble() < w.imageViewProbability()) {
            String image = "/api/iiif/record:" + id + ":figure.png";
            v.requests.add(new Request(VisitClass.IIIF, "GET", image + "/info.json"));
            v.requests.add(new Request(VisitClass.IIIF, "GET", image + "/full/250,/0/default.jpg"));
            int tiles = w.tilesPerView() / 2 + rnd.nextInt(2 * (w.tilesPerView() - w.tilesPerView() / 2) + 1);
            for (int i = 0; i < tiles; i++)
                v.requests.add(
                        new Request(VisitClass.IIIF, "GET", image + "/" + 256 * i + ",0,256,256/256,/0/default.jpg"));
        }
    }

    private Journey entry(Map<Journey, Double> weights) {
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double u = rnd.nextDouble() * total;
        for (Map.Entry<Journey, Double> e : weights.entrySet()) if ((u -= e.getValue()) < 0) return e.getKey();
        return weights.keySet().iterator().next();
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long lines = Long.parseLong(args[1]);
        String format = args.length > 2 ? args[2] : "combined";
        long t0 = System.nanoTime();
        SyntheticLog log = new SyntheticLog(Truth.standard());
        log.write(file, lines, format, file.toString().endsWith(".gz"));
        Files.writeString(Path.of(file + ".truth.txt"), log.truth() + "\n");
        System.out.printf(
                Locale.ROOT,
                "synthetic log: %d lines (%s) to %s in %.1f s%n",
                lines,
                format,
                file,
                (System.nanoTime() - t0) / 1e9);
    }
}

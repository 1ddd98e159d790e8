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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Access logs with known parameters, for the calibration's tests and its benchmark: shares per class, a Zipf
 * exponent of record views, a daily arrival curve with a known peak hour, crawler sessions and harvests at known
 * rates, personal queries.
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
     * The truth a log is generated from; besides the lines drawn by share, a crawler session (robots.txt, the sitemap,
     * landing pages and exports, from a client of its own with a crawler's agent) after {@code crawlerSessionsPerLine}
     * of them, and {@code harvestStartShare} of the OAI-PMH lists without a resumptionToken (a harvest's first page).
     */
    record Truth(
            Map<VisitClass, Double> shares,
            double zipfExponent,
            int records,
            int peakHour,
            long seed,
            double crawlerSessionsPerLine,
            double harvestStartShare) {
        static Truth standard() {
            Map<VisitClass, Double> s = new LinkedHashMap<>();
            s.put(VisitClass.SEARCH, 0.22);
            s.put(VisitClass.RECORD_VIEW, 0.30);
            s.put(VisitClass.DOWNLOAD, 0.12);
            s.put(VisitClass.COMMUNITIES, 0.04);
            s.put(VisitClass.DEPOSIT, 0.02);
            s.put(VisitClass.DASHBOARD, 0.01);
            s.put(VisitClass.HARVEST, 0.03);
            s.put(VisitClass.UI, 0.18);
            s.put(VisitClass.IIIF, 0.03);
            s.put(VisitClass.STATIC, 0.04);
            s.put(VisitClass.OTHER, 0.01);
            return new Truth(s, 1.1, 20_000, 14, 7, 0.01, 0.5);
        }
    }

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
        return truth.harvestStartShare() * truth.shares().get(VisitClass.HARVEST) / total * peakLinesPerSecond(lines);
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
                out.write(line(format, lastStamp));
                out.write('\n');
                if (rnd.nextDouble() < truth.crawlerSessionsPerLine()) crawlerSession(out, format, second);
            }
        }
    }

    private static final String CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private String line(String format, String stamp) {
        VisitClass c = draw();
        int client = rnd.nextInt(5000);
        String ip = "10." + (client >> 8) + "." + (client & 255) + ".7";
        return line(format, stamp, request(c), ip, "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", c);
    }

    /**
     * A crawler's session, a client of its own, one request every 2 s: robots.txt, the sitemap, three landing pages
     * in sitemap order, an export after each (8 requests).
     */
    private void crawlerSession(BufferedWriter out, String format, long second) throws IOException {
        int n = crawlerSessions++;
        String ip = "10.99." + ((n >> 8) & 255) + "." + (n & 255);
        int from = rnd.nextInt(ids.length - 3);
        List<String> paths = new ArrayList<>(List.of("/robots.txt", "/sitemap_0.xml"));
        for (int i = 0; i < 3; i++) {
            paths.add("/records/" + ids[from + i]);
            paths.add(
                    "/records/" + ids[from + i] + "/export/" + (i == 0 ? "json" : i == 1 ? "datacite-xml" : "bibtex"));
        }
        for (int i = 0; i < paths.size(); i++) {
            Instant at = Instant.ofEpochSecond(second + 2L * i);
            String stamp = format.equals("uwsgi") ? UWSGI.format(at) : CLF.format(at);
            out.write(line(format, stamp, new String[] {"GET", paths.get(i)}, ip, CRAWLER, VisitClass.UI));
            out.write('\n');
        }
    }

    private String line(String format, String stamp, String[] req, String ip, String ua, VisitClass c) {
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
            case UI -> {
                int u = rnd.nextInt(3);
                // Landing pages count as record views for popularity too (InvenioRDM counts only these as views).
                yield new String[] {"GET", u == 0 ? "/" : u == 1 ? "/search?q=ocean" : "/records/" + id()};
            }
            case IIIF -> new String[] {"GET", "/api/iiif/record:" + id + ":figure.png/full/!300,300/0/default.png"};
            case STATIC -> new String[] {"GET", "/static/dist/js/app." + rnd.nextInt(50) + ".js"};
            default -> new String[] {"GET", "/wp-login.php"};
        };
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long lines = Long.parseLong(args[1]);
        String format = args.length > 2 ? args[2] : "combined";
        long t0 = System.nanoTime();
        new SyntheticLog(Truth.standard())
                .write(file, lines, format, file.toString().endsWith(".gz"));
        System.out.printf(
                Locale.ROOT,
                "synthetic log: %d lines (%s) to %s in %.1f s%n",
                lines,
                format,
                file,
                (System.nanoTime() - t0) / 1e9);
    }
}

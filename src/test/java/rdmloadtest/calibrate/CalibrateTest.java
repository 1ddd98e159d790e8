package rdmloadtest.calibrate;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Calibration recovers the parameters a synthetic log was generated with, and keeps the log's private data in. */
class CalibrateTest {
    @TempDir
    Path dir;

    private static Settings settings(Map<String, String> m) {
        return new Settings(ConfigSource.ofMap(m));
    }

    private int calibrate(Path log, Path out) throws Exception {
        return CalibrateMain.run(settings(Map.of("calibrate.log", log.toString(), "calibrate.out", out.toString())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"combined", "json", "uwsgi"})
    void recoversSharesExponentAndPeakHourInEveryFormat(String format) throws Exception {
        SyntheticLog.Truth truth = SyntheticLog.Truth.standard();
        Path log = dir.resolve("access-" + format + ".log.gz");
        SyntheticLog synthetic = new SyntheticLog(truth);
        synthetic.write(log, 200_000, format, true);
        Path out = dir.resolve("out-" + format);
        assertEquals(Command.OK, calibrate(log, out));

        String json = Files.readString(out.resolve("calibration.json"));
        var node = new ObjectMapper().readTree(json).get("calibration");
        double generated = Calibration.GENERATED.stream()
                .mapToLong(c -> synthetic.written.get(c)[0])
                .sum();
        for (VisitClass c : Calibration.GENERATED) {
            double expected = 100 * synthetic.written.get(c)[0] / generated;
            double got = node.get("generatedShares").get(c.label).asDouble();
            assertEquals(expected, got, 0.01, c.label + " share (pp): every line in the class it was written as");
        }
        assertTrue(
                synthetic.written.get(VisitClass.UI)[0] > 0 && synthetic.written.get(VisitClass.STATIC)[0] > 0);
        assertEquals(truth.zipfExponent(), node.at("/zipf/exponent").asDouble(), 0.1, "Zipf exponent");
        assertEquals(synthetic.peakHourWritten(), node.get("peakHour").asInt(), "peak hour, as written");
        assertEquals(truth.peakHour(), node.get("peakHour").asInt(), 1, "peak hour, the truth's or next to it");
        // Sessions started in the peak hour: about 225 harvests and 150 crawler sessions over its three days, so
        // within ±20 % of the rate written. uWSGI's log has no user agent: no crawler is seen in it.
        double harvests = synthetic.harvestsPerSecondAtPeak(200_000);
        assertEquals(harvests, node.at("/automated/harvestsPerSecond").asDouble(), 0.2 * harvests, "harvests/s");
        double crawls = format.equals("uwsgi") ? 0 : synthetic.crawlerSessionsPerSecondAtPeak(200_000);
        assertEquals(
                crawls,
                node.at("/automated/crawlerSessionsPerSecond").asDouble(),
                0.2 * crawls + 1e-12,
                "crawler sessions/s");
        if (!format.equals("uwsgi"))
            assertEquals(8.0, node.at("/automated/crawlerRequestsPerSession").asDouble(), 1e-9, "requests a session");
        assertEquals(
                100.0
                        - 100.0
                                * synthetic.written.get(VisitClass.OTHER)[0]
                                / node.get("parsed").asDouble(),
                node.get("classified").asDouble() * 100.0 / node.get("parsed").asDouble(),
                0.001);
        for (String f : List.of(
                "calibrated.properties",
                "calibration.md",
                "calibration.html",
                "classes.png",
                "arrivals.png",
                "popularity.png",
                "feeders/popularity.csv",
                "feeders/search_queries.csv")) assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }

    @Test
    void theProfileIsAValidConfigurationTheSimulationsTake() throws Exception {
        Path log = dir.resolve("access.log");
        SyntheticLog synthetic = new SyntheticLog(SyntheticLog.Truth.standard());
        synthetic.write(log, 50_000, "combined", false);
        Path out = dir.resolve("out");
        assertEquals(Command.OK, calibrate(log, out));
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("calibrated.properties"))) {
            p.load(in);
        }
        assertTrue(p.getProperty("traffic.mix.recordView") != null, p.toString());
        LoadTestConfig cfg = LoadTestConfig.from(
                new Settings(ConfigSource.ofMap(Map.of(
                        "profile.file", out.resolve("calibrated.properties").toString()))),
                Map.of());
        assertEquals(
                Double.parseDouble(p.getProperty("traffic.zipfExponent")),
                cfg.traffic().readers().zipfExponent(),
                1e-9);
        for (Journey j : Journey.readers()) {
            assertNotNull(
                    p.getProperty(j.key().name()),
                    "the profile does not set " + j.key().name());
            assertEquals(
                    Integer.parseInt(p.getProperty(j.key().name())),
                    cfg.traffic().readers().weights().of(j),
                    j.key().name());
            assertTrue(VisitClass.weighing(j).isPresent(), j + ": no class of the log weighs it");
            assertTrue(
                    cfg.traffic().readers().weights().of(j) > 0, j + " has a weight: the synthetic log has its visits");
        }
        assertTrue(cfg.traffic().readers().weights().of(Journey.RECORD_VIEW) > 0, p.toString());
        // Harvesters and crawlers arrive at the log's rates, none as closed populations.
        assertEquals(0, cfg.traffic().harvesters().count());
        assertEquals(0, cfg.traffic().crawlers().count());
        assertEquals(
                Double.parseDouble(p.getProperty("traffic.harvesters.rate")),
                cfg.traffic().harvesters().rate());
        assertEquals(
                Double.parseDouble(p.getProperty("traffic.crawlers.rate")),
                cfg.traffic().crawlers().rate());
        assertTrue(cfg.traffic().harvesters().rate() > 0, p.toString());
        assertTrue(cfg.traffic().crawlers().rate() > 0, p.toString());
        // The API searches ask for 25 hits sorted by newest, the web apps for 10 (by best match on the search page):
        // the profile says so, the simulations take it.
        Map<Integer, Double> sizes = normalized(cfg.traffic().readers().search().pageSizes());
        assertEquals(Set.of(10, 25), sizes.keySet(), sizes.toString());
        assertTrue(sizes.get(25) > 0.8, sizes.toString());
        Map<String, Double> sorts = normalized(cfg.traffic().readers().search().sorts());
        assertEquals(Set.of("newest", "bestmatch"), sorts.keySet(), sorts.toString());
        assertTrue(sorts.get("newest") > 0.8, sorts.toString());
        assertEquals(
                (double) synthetic.browsesWritten / synthetic.searchesWritten,
                cfg.traffic().readers().search().browseShare(),
                0.001,
                "searches without a query, the API's and the front page's recent uploads");
        LoadTestConfig.Web web = cfg.traffic().readers().web();
        assertTrue(web.staticFiles());
        assertEquals(SyntheticLog.Web.standard().staticPerVisit(), web.staticFilesPerSession());
    }

    /** The web visits' shape comes back from the log: their first pages, pages, static files, landing pages' links. */
    @Test
    void recoversTheWebVisitsShape() throws Exception {
        SyntheticLog.Truth truth = SyntheticLog.Truth.standard();
        SyntheticLog.Web w = truth.web();
        Path log = dir.resolve("access.log");
        SyntheticLog synthetic = new SyntheticLog(truth);
        synthetic.write(log, 200_000, "combined", false);
        Path out = dir.resolve("out");
        assertEquals(Command.OK, calibrate(log, out));
        var node = new ObjectMapper()
                .readTree(out.resolve("calibration.json").toFile())
                .at("/calibration/web");
        long visits =
                synthetic.visitsWritten.values().stream().mapToLong(a -> a[0]).sum();
        assertEquals(visits, node.get("visits").asLong(), "every web visit, none split or merged");
        for (Journey j : w.entries().keySet())
            assertEquals(
                    synthetic.visitsWritten.get(j)[0],
                    node.at("/visitsByJourney/" + j.id()).asLong(),
                    j + ": visits by their first page");
        assertEquals(
                (double) synthetic.pagesWritten / visits,
                node.get("pagesPerVisit").asDouble(),
                1e-9);
        assertEquals(w.pagesPerVisit(), node.get("pagesPerVisit").asDouble(), 0.1, "the truth's mean");
        // Each static file once (a visit the log's end cut short has loaded fewer).
        assertEquals(w.staticPerVisit(), node.get("staticPerVisit").asDouble(), 0.05, "static files per visit");
        assertEquals(w.citations(), node.get("citationsPerLanding").asDouble(), 0.02);
        assertEquals(w.exportProbability(), node.get("exportsPerLanding").asDouble(), 0.02);
        assertEquals(w.previewProbability(), node.get("previewsPerLanding").asDouble(), 0.02);
        assertEquals(w.tilesPerView(), node.get("tilesPerView").asDouble(), 0.2);

        Properties p = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("calibrated.properties"))) {
            p.load(in);
        }
        assertEquals(w.pagesPerVisit(), Double.parseDouble(p.getProperty("traffic.web.pagesPerVisit")), 0.1);
        assertEquals(String.valueOf(w.staticPerVisit()), p.getProperty("traffic.web.staticFilesPerSession"));
        assertEquals(w.citations(), Double.parseDouble(p.getProperty("traffic.landingPage.citations")), 0.02);
        assertEquals(
                w.exportProbability(),
                Double.parseDouble(p.getProperty("traffic.landingPage.exportProbability")),
                0.02);
        assertEquals(
                w.previewProbability(),
                Double.parseDouble(p.getProperty("traffic.landingPage.previewProbability")),
                0.02);
        assertEquals(String.valueOf(w.tilesPerView()), p.getProperty("traffic.iiif.tiles"));
        // The web journeys' weights stand as their visits do (per mille of the largest journey's sessions).
        double landing = Integer.parseInt(p.getProperty("traffic.mix.landingPage"));
        for (Journey j : List.of(Journey.SEARCH_PAGE, Journey.FRONT_PAGE, Journey.COMMUNITY_PAGES)) {
            double expected = landing * w.entries().get(j) / w.entries().get(Journey.LANDING_PAGE);
            assertEquals(
                    expected, Integer.parseInt(p.getProperty(j.key().name())), Math.max(2, 0.15 * expected), j.id());
        }
        assertTrue(Integer.parseInt(p.getProperty("traffic.mix.uploads")) >= 1);
        assertTrue(Integer.parseInt(p.getProperty("traffic.mix.iiif")) > 0);
    }

    private static <K> Map<K, Double> normalized(Map<K, Double> w) {
        double total = w.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<K, Double> out = new HashMap<>();
        w.forEach((k, v) -> out.put(k, v / total));
        return out;
    }

    @Test
    void nothingPrivateFromTheLogReachesAnyOutput() throws Exception {
        Path log = dir.resolve("access.log");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 20_000, "combined", false);
        // One line with an address, a user, a token in the query and an e-mail address as a search.
        Files.writeString(
                log,
                "203.0.113.77 - alice [01/Nov/2026:10:00:00 +0000] \"GET /api/records?q=bob%40example.org&access_token"
                        + "=s3cr3tt0k3n HTTP/1.1\" 200 100 \"-\" \"Mozilla/5.0\"\n",
                StandardOpenOption.APPEND);
        Path out = dir.resolve("out");
        assertEquals(Command.OK, calibrate(log, out));
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".png"))
                    .toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(
                        Pattern.compile("\\b10\\.\\d+\\.\\d+\\.7\\b")
                                .matcher(text)
                                .find(),
                        f.getFileName() + " holds a client address");
                for (String secret : List.of(
                        "203.0.113.77",
                        "alice",
                        "s3cr3tt0k3n",
                        "bob@example.org",
                        "bob%40example.org",
                        "jane.doe",
                        "Googlebot",
                        "Firefox")) assertFalse(text.contains(secret), f.getFileName() + " contains " + secret);
            }
        }
        assertTrue(Files.readString(out.resolve("calibration.md")).contains("dropped as personal"));
    }

    /**
     * The fidelity check on the synthetic log: the profile runs against the simulator, whose own access log is read
     * back the same way, and every class the simulations send, the exponent and the pages per visit come within their
     * tolerances (with the run's sampling error), every one judged, in at most five rounds: a round that misses
     * nothing but holds too few samples (a 20 s round's hundred-odd web visits hold the pages per visit to ±12 %, not
     * ±10 %) is run again and judged with the run before it. The log has crawlers, and so has the run.
     */
    @Test
    void theFidelityCheckReproducesEveryClassOfTheSyntheticLog() throws Exception {
        Path log = dir.resolve("access.log");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 100_000, "combined", false);
        Path out = dir.resolve("out");
        int rc = CalibrateMain.run(settings(Map.of(
                "calibrate.log", log.toString(),
                "calibrate.out", out.toString(),
                "calibrate.check", "true",
                "calibrate.checkRounds", "5",
                "calibrate.checkDuration", "20s")));
        String md = Files.readString(out.resolve("calibration.md"));
        String table = md.substring(md.indexOf("## Fidelity check"));
        assertEquals(Command.OK, rc, table);
        assertTrue(table.contains("**PASSED.**"), table);
        assertTrue(Files.lines(out.resolve("fidelity-1/access.log")).count() > 500, "the simulator's access log");
        List<String> rows = new ArrayList<>();
        for (VisitClass c : Calibration.GENERATED) rows.add(c.label);
        rows.add(LogStats.CRAWLERS);
        for (String label : rows) {
            Matcher m = Pattern.compile(
                            "\\| " + label + " \\| [0-9.]+ \\| [0-9.]+ \\| ([+-][0-9.]+) \\| ([0-9.]+) \\| yes \\|")
                    .matcher(table);
            assertTrue(m.find(), label + " row, judged and within ±2 pp, in " + table);
            assertTrue(Double.parseDouble(m.group(2)) <= Fidelity.SHARE_TOLERANCE_PP, label + ": judged, " + table);
        }
        assertTrue(table.contains("| Pages per web visit |"), table);
        // The web journeys keep the proportions of the log's first pages: none is solved away.
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("calibrated.properties"))) {
            p.load(in);
        }
        for (Journey j : VisitClass.UI.weighs)
            assertTrue(
                    Integer.parseInt(p.getProperty(j.key().name())) > 0, j.key().name() + " in " + p);
    }

    /**
     * The profile as read from the log, not corrected (one round): its API journeys weighed by one request per session
     * send too many record views and downloads for the static files the web visits bring, and the whole command says
     * so: exit 2, FAILED, the static files' row out of its tolerance and its sampling allowance.
     */
    @Test
    void theUncorrectedProfileFailsTheFidelityCheck() throws Exception {
        Path log = dir.resolve("access.log");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 50_000, "combined", false);
        Path out = dir.resolve("out");
        int rc = CalibrateMain.run(settings(Map.of(
                "calibrate.log", log.toString(),
                "calibrate.out", out.toString(),
                "calibrate.check", "true",
                "calibrate.checkRounds", "1",
                "calibrate.checkDuration", "15s")));
        String md = Files.readString(out.resolve("calibration.md"));
        String table = md.substring(md.indexOf("## Fidelity check"));
        assertEquals(Command.GATE_FAILED, rc, table);
        assertTrue(table.contains("**FAILED.**"), table);
        assertTrue(
                Pattern.compile("\\| static files \\| [0-9.]+ \\| [0-9.]+ \\| -[0-9.]+ \\| [0-9.]+ \\| NO \\|")
                        .matcher(table)
                        .find(),
                table);
    }

    /** A profile with the web journeys left out cannot reproduce the log's web classes: the check fails (exit 2). */
    @Test
    void aSkewedProfileFailsTheFidelityCheck() throws Exception {
        Path log = dir.resolve("access.log");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 50_000, "combined", false);
        LogStats stats = new LogStats(false);
        LogReader.read(List.of(log), LogFormat.COMBINED, stats, 5);
        Calibration c = Calibration.of(stats);
        Profile p = Profile.from(c);
        Map<Journey, Integer> weights = new EnumMap<>(p.weights());
        for (Journey j : VisitClass.UI.weighs) weights.put(j, 0);
        Profile skewed = new Profile(
                weights,
                p.viewDownloadProbability(),
                p.zipfExponent(),
                p.readersRate(),
                p.requestsPerSession(),
                false,
                p.depositors(),
                p.harvestersRate(),
                p.crawlersRate(),
                p.automated(),
                p.searchShape(),
                p.downloadMaxMb(),
                p.web());
        Path file = dir.resolve("skewed.properties");
        skewed.write(file, c, "skewed: no web journeys");
        FidelityRun.Outcome o = FidelityRun.run(dir.resolve("run"), file, skewed, Duration.ofSeconds(10), 40);
        Fidelity f = Fidelity.compare(1, 1, c, o.calibration(), o.sampled(), o.requestsPerSession());
        Fidelity.Row web = f.rows().stream()
                .filter(r -> r.label().equals(VisitClass.UI.label))
                .findFirst()
                .orElseThrow();
        assertEquals(Fidelity.Verdict.NO, web.verdict(), f.table());
        assertEquals(0, o.calibration().web().visits(), "no web visit replayed");
        assertEquals(Fidelity.Verdict.NO, f.pagesVerdict(), f.table());
        assertEquals(Command.GATE_FAILED, CalibrateMain.exitCode(f), f.table());
    }

    /** The solver finds the sessions that sent the shares, though every journey sends several classes. */
    @Test
    void theSolverRecoversTheSessionsBehindMixedClasses() {
        double[][] a = {{1, 0, 0.5}, {0.6, 1, 1}, {0, 0.6, 20}};
        double[] truth = {30, 50, 4};
        double[] t = new double[3];
        for (int c = 0; c < 3; c++) for (int k = 0; k < 3; k++) t[c] += a[c][k] * truth[k];
        double[] x = {1, 1, 1};
        JourneySolver.nnls(a, t, x);
        for (int k = 0; k < 3; k++) assertEquals(truth[k], x[k], 1e-6, "journey " + k);
        // A share no journey can reach leaves the closest non-negative mix, never a negative session.
        double[] y = {1, 1, 1};
        JourneySolver.nnls(a, new double[] {0, 0, 10}, y);
        for (double v : y) assertTrue(v >= 0, Arrays.toString(y));
    }

    @Test
    void aVirtualUsersFirstRequestNamesItsJourney() {
        assertEquals(Journey.LANDING_PAGE, Replay.journeyOf(Classifier.classify("GET", "/records/abcde-12345", null)));
        assertEquals(Journey.SEARCH_PAGE, Replay.journeyOf(Classifier.classify("GET", "/search", "q=x")));
        assertEquals(Journey.FRONT_PAGE, Replay.journeyOf(Classifier.classify("GET", "/", null)));
        assertEquals(Journey.COMMUNITY_PAGES, Replay.journeyOf(Classifier.classify("GET", "/communities", null)));
        assertEquals(Journey.UPLOADS, Replay.journeyOf(Classifier.classify("GET", "/login/", null)));
        assertEquals(
                Journey.IIIF,
                Replay.journeyOf(Classifier.classify("GET", "/api/iiif/record:abcde-12345/manifest", null)));
        assertEquals(Journey.SEARCH, Replay.journeyOf(Classifier.classify("GET", "/api/records", "q=x")));
        assertEquals(Journey.HARVEST, Replay.journeyOf(Classifier.classify("GET", "/oai2d", "verb=ListRecords")));
        assertEquals(Journey.DEPOSIT, Replay.journeyOf(Classifier.classify("POST", "/api/records", null)));
    }

    @Test
    void anUnknownFormatStopsWithTheSupportedFormats() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "2026-11-01 10:00:00 INFO started\n".repeat(50));
        ConfigException e = assertThrows(ConfigException.class, () -> calibrate(log, dir.resolve("out")));
        assertTrue(e.getMessage().contains("supported: combined; json; uwsgi"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void tooManyUnparseableLinesStopWithTheirLineNumbers() throws Exception {
        Path log = dir.resolve("access.log");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 1_000, "combined", false);
        // The 1 000 lines drawn by share, and the crawler sessions among them.
        long written = Files.readAllLines(log).size();
        Files.writeString(log, "garbage from 192.0.2.1\n".repeat(100), StandardOpenOption.APPEND);
        ConfigException e = assertThrows(ConfigException.class, () -> calibrate(log, dir.resolve("out")));
        assertTrue(
                e.getMessage()
                        .startsWith(String.format(
                                Locale.ROOT,
                                "calibrate.log: 100 of %d lines (%.1f %%) are not combined lines",
                                written + 100,
                                100.0 * 100 / (written + 100))),
                e.getMessage());
        assertTrue(e.getMessage().contains("line " + (written + 1) + ": garbage from x.x.x.x"), e.getMessage());
        // Under the threshold: counted, shown, and the calibration goes on.
        Files.writeString(log, "");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 1_000, "combined", false);
        Files.writeString(log, "garbage\n".repeat(10), StandardOpenOption.APPEND);
        assertEquals(Command.OK, calibrate(log, dir.resolve("out2")));
    }

    @Test
    void whatCrawlersAskIsClassifiedAsInvenioRdmServesIt() {
        for (String sitemap : List.of("/sitemap.xml", "/sitemap_index_0.xml", "/sitemap_12.xml")) {
            Classifier.Route r = Classifier.classify("GET", sitemap, null);
            assertEquals(VisitClass.STATIC, r.visitClass(), sitemap);
            assertEquals("Sitemap", r.name(), sitemap);
        }
        assertEquals(
                "/sitemap_{n}.xml",
                Classifier.classify("GET", "/sitemap_12.xml", null).shape());
        assertEquals(
                VisitClass.STATIC,
                Classifier.classify("GET", "/robots.txt", null).visitClass());
        assertEquals(
                VisitClass.UI,
                Classifier.classify("GET", "/records/abcde-12345/export/datacite-xml", null)
                        .visitClass());
    }

    @Test
    void harvestsStartWithoutAResumptionTokenAndCrawlerSessionsAfterHalfAnHour() {
        AutomatedSessions a = new AutomatedSessions();
        a.oai("verb=ListRecords&metadataPrefix=oai_dc", 14);
        a.oai("verb=ListRecords&resumptionToken=abc", 14);
        a.oai("verb=ListIdentifiers&metadataPrefix=datacite", 14);
        a.oai("verb=GetRecord&identifier=oai:x:1&metadataPrefix=oai_dc", 14);
        assertEquals(2, a.harvestsByHourOfDay[14]);
        a.crawler(Long.MIN_VALUE, 1000, 14);
        a.crawler(1000, 1000 + AutomatedSessions.SESSION_GAP_SECONDS, 14);
        a.crawler(1000 + AutomatedSessions.SESSION_GAP_SECONDS, 1001 + 2 * AutomatedSessions.SESSION_GAP_SECONDS, 15);
        assertEquals(1, a.crawlerSessionsByHourOfDay[14]);
        assertEquals(1, a.crawlerSessionsByHourOfDay[15]);
        // Two days logged at 14:00: sessions per second of that hour, averaged over them.
        var rates = a.rates(Map.of(14L, new long[1], 38L, new long[1], 15L, new long[1]), 14);
        assertEquals(1 / 7200.0, rates.crawlerSessionsPerSecond(), 1e-12);
        assertEquals(2 / 7200.0, rates.harvestsPerSecond(), 1e-12);
        assertEquals(1.5, rates.crawlerRequestsPerSession(), 1e-12);
    }

    @Test
    void routesAreClassifiedAsInvenioRdmServesThem() {
        assertEquals(
                VisitClass.SEARCH,
                Classifier.classify("GET", "/api/records", "q=x").visitClass());
        assertEquals(
                "View record",
                Classifier.classify("GET", "/api/records/abcde-12345", null).name());
        assertEquals(
                "Publish draft",
                Classifier.classify("POST", "/api/records/abcde-12345/draft/actions/publish", null)
                        .name());
        assertEquals(
                "Upload file content",
                Classifier.classify("PUT", "/api/records/abcde-12345/draft/files/a.csv/content", null)
                        .name());
        assertEquals(
                "Download file",
                Classifier.classify("GET", "/api/records/abcde-12345/files/a.csv/content", null)
                        .name());
        assertEquals(
                "Search community records",
                Classifier.classify("GET", "/api/communities/loadtest/records", null)
                        .name());
        assertEquals(
                "OAI ListRecords",
                Classifier.classify("GET", "/oai2d", "verb=ListRecords").name());
        assertEquals(
                VisitClass.UI,
                Classifier.classify("GET", "/records/abcde-12345", null).visitClass());
        assertEquals(
                VisitClass.DOWNLOAD,
                Classifier.classify("GET", "/records/abcde-12345/files/a.pdf", "download=1")
                        .visitClass());
        assertEquals(
                VisitClass.IIIF,
                Classifier.classify("GET", "/api/iiif/record:abcde-12345:a.png/info.json", null)
                        .visitClass());
        assertEquals(
                VisitClass.STATIC,
                Classifier.classify("GET", "/static/dist/app.js", null).visitClass());
        assertEquals(
                "Cite record",
                Classifier.classify("GET", "/api/records/abcde-12345", "style=apa&locale=en-US")
                        .name());
        assertEquals(
                "Export record",
                Classifier.classify("GET", "/records/abcde-12345/export/json", null)
                        .name());
        assertEquals(
                "Preview file",
                Classifier.classify("GET", "/records/abcde-12345/preview/a.csv", null)
                        .name());
        assertEquals(
                "IIIF tile",
                Classifier.classify("GET", "/api/iiif/record:abcde-12345:a.png/0,256,256,256/256,/0/default.jpg", null)
                        .name());
        assertEquals(
                "IIIF thumbnail",
                Classifier.classify("GET", "/api/iiif/record:abcde-12345:a.png/full/250,/0/default.jpg", null)
                        .name());
        Classifier.Route other = Classifier.classify("GET", "/wp-admin/user42@example.org/x.php", null);
        assertEquals(VisitClass.OTHER, other.visitClass());
        assertEquals("/wp-admin/{x}/{x}", other.shape());
    }
}

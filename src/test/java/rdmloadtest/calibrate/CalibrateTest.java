package rdmloadtest.calibrate;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
        double generated =
                Calibration.GENERATED.stream().mapToDouble(truth.shares()::get).sum();
        for (VisitClass c : Calibration.GENERATED) {
            double expected = 100 * truth.shares().get(c) / generated;
            double got = node.get("generatedShares").get(c.label).asDouble();
            assertEquals(expected, got, 2.0, c.label + " share (pp)");
        }
        assertEquals(truth.zipfExponent(), node.at("/zipf/exponent").asDouble(), 0.1, "Zipf exponent");
        assertEquals(truth.peakHour(), node.get("peakHour").asInt(), "peak hour");
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
                99.0,
                node.get("classified").asDouble() * 100.0 / node.get("parsed").asDouble(),
                0.2);
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
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 50_000, "combined", false);
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
            if (VisitClass.startingWith(j).isEmpty())
                assertEquals(
                        0, cfg.traffic().readers().weights().of(j), "not calibrated yet: the profile turns it off");
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
        // The synthetic searches all ask for 25 hits sorted by newest: the profile says so, the simulations take it.
        assertEquals(
                Map.of(25, 1.0), normalized(cfg.traffic().readers().search().pageSizes()));
        assertEquals(
                Map.of("newest", 1.0),
                normalized(cfg.traffic().readers().search().sorts()));
        assertEquals(0.2, cfg.traffic().readers().search().browseShare(), 0.02);
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

    /** One short fidelity round: the profile runs against the simulator, whose own access log is read back. */
    @Test
    void aFidelityRunReadsTheSimulatorsAccessLogBackAndComparesPerClass() throws Exception {
        Path log = dir.resolve("access.log");
        new SyntheticLog(SyntheticLog.Truth.standard()).write(log, 50_000, "combined", false);
        Path out = dir.resolve("out");
        int rc = CalibrateMain.run(settings(Map.of(
                "calibrate.log", log.toString(),
                "calibrate.out", out.toString(),
                "calibrate.check", "true",
                "calibrate.checkRounds", "1",
                "calibrate.checkDuration", "15s")));
        assertTrue(rc == Command.OK || rc == Command.GATE_FAILED, "exit " + rc);
        assertTrue(Files.lines(out.resolve("fidelity-1/access.log")).count() > 500, "the simulator's access log");
        String md = Files.readString(out.resolve("calibration.md"));
        assertTrue(md.contains("## Fidelity check"), md);
        // Before any correction the reader classes are already near the log's (the weights start from its shares).
        for (String c : List.of("search", "record view", "download")) {
            Matcher m = Pattern.compile("\\| " + c + " \\| [0-9.]+ \\| [0-9.]+ \\| ([+-][0-9.]+) \\|")
                    .matcher(md);
            assertTrue(m.find(), c + " row in " + md);
            assertTrue(Math.abs(Double.parseDouble(m.group(1))) < 10, c + " off by " + m.group(1) + " pp");
        }
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
        Classifier.Route other = Classifier.classify("GET", "/wp-admin/user42@example.org/x.php", null);
        assertEquals(VisitClass.OTHER, other.visitClass());
        assertEquals("/wp-admin/{x}/{x}", other.shape());
    }
}

package rdmloadtest.api;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.gatling.SimulationLog;

/**
 * The request builders' checks in a real Gatling run: what a client needs from an answer is read from it, and an
 * answer that lacks it, holds the wrong type or is not what it claims makes the request KO (CheckProbeSimulation).
 */
class ChecksTest {
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("/api/records/view-good", record("view-good", "\"size\": 1234")),
            Map.entry("/api/records/view-other-id", record("someone-else", "\"size\": 1")),
            Map.entry(
                    "/api/records/view-no-latest",
                    record("view-no-latest", "\"size\": 1").replace("\"latest\": \"/l\",", "")),
            Map.entry(
                    "/api/records/view-broken",
                    record("view-broken", "\"size\": 1").substring(0, 200)),
            Map.entry("/api/records/view-bad-size", record("view-bad-size", "\"size\": \"big\"")),
            Map.entry("/api/records?q=search-good", search("2", "\"next\": \"/api/records?page=2\"")),
            Map.entry("/api/records?q=search-no-total", search(null, "\"self\": \"/x\"")),
            Map.entry("/api/records?q=search-text-total", search("\"two\"", "\"self\": \"/x\"")),
            Map.entry("/api/records?q=search-html", "<html><body>Search</body></html>"),
            Map.entry(
                    "/api/records?q=search-cut", search("2", "\"self\": \"/x\"").substring(0, 60)),
            Map.entry(
                    "/api/records?q=search-bad-bracket",
                    search("2", "\"self\": \"/x\"").replace("{}", "{]")),
            Map.entry("/iiif/info-good/info.json", "{\"@context\": \"x\", \"width\": 1200, \"height\": 900}"),
            Map.entry("/iiif/info-zero-width/info.json", "{\"width\": 0, \"height\": 900}"),
            Map.entry("/iiif/info-no-height/info.json", "{\"width\": 1200}"),
            Map.entry("/records/page-good", page("page-good", true, true)),
            Map.entry("/records/page-no-styles", page("page-no-styles", false, true)),
            Map.entry("/records/page-no-default-style", page("page-no-default-style", true, false)));

    private static final Map<String, SimulationLog.Request> BY_CASE = new TreeMap<>();

    static String record(String id, String size) {
        return """
                {"id": "%s", "metadata": {"title": "A \\"quoted\\" title", "creators": [{"name": "x"}], "n": [1, 2.5, true, null]},
                 "links": {"self": "/api/records/%1$s", "versions": "/v", "latest": "/l", "archive": "/a"},
                 "files": {"enabled": true, "total_bytes": 5000000000,
                   "entries": {"a.csv": {"key": "a.csv", %s, "links": {"content": "/api/records/%1$s/files/a.csv/content"}},
                               "b.png": {"key": "b.png", "size": 99, "links": {"content": "/c/b"}}}}}
                """.formatted(id, size);
    }

    static String search(String total, String links) {
        String hits = "\"hits\": [{\"id\": \"r1\", \"metadata\": {\"id\": \"not-a-hit\", \"t\": \"\\u00e9\"}},"
                + " {\"metadata\": {}, \"id\": \"r2\"}]";
        return "{\"hits\": {" + (total == null ? "" : "\"total\": " + total + ", ") + hits + "}, \"links\": {" + links
                + "}, \"aggregations\": {\"x\": {\"buckets\": [{\"key\": \"id\"}]}}}";
    }

    static String page(String id, boolean styles, boolean defaultStyle) {
        return "<html><head><link href=\"/static/a.css\"></head><body><h1>M\u00fcller</h1>"
                + "<div data-formats='[{\"export_url\": \"/records/" + id + "/export/json\", \"name\": \"JSON\"},"
                + " {\"export_url\": \"/records/" + id + "/export/datacite-xml\", \"name\": \"DataCite\"}]'></div>"
                + (styles
                        ? "<div data-styles='[[\"apa\", \"APA\"], [\"ieee\", \"IEEE \u2013 Soci\u00e9t\u00e9\"]]'"
                        : "<div")
                + (defaultStyle ? " data-defaultstyle='\"apa\"'" : "") + "></div>"
                + "<div data-record='{\"access\": {\"embargo\": {\"active\": true, \"until\": \"2030-01-01\"}}}'></div>"
                + "<a href=\"/records/" + id + "/preview/a.csv?include_deleted=0\">Preview</a></body></html>";
    }

    @BeforeAll
    static void run(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ChecksTest::answer);
        server.start();
        String previous = System.setProperty(
                CheckProbeSimulation.URL,
                "http://127.0.0.1:" + server.getAddress().getPort());
        try {
            GatlingLauncher.run(
                    CheckProbeSimulation.class.getName(),
                    dir,
                    "checks",
                    false,
                    null,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        } finally {
            if (previous == null) System.clearProperty(CheckProbeSimulation.URL);
            else System.setProperty(CheckProbeSimulation.URL, previous);
            server.stop(0);
        }
        Path log;
        try (Stream<Path> runs = Files.list(dir)) {
            log = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("simulation.log");
        }
        for (SimulationLog.Request r : SimulationLog.read(log).requests())
            BY_CASE.put(r.groups().get(0), r);
    }

    private static void answer(HttpExchange x) throws IOException {
        String target = URLDecoder.decode(x.getRequestURI().toString(), StandardCharsets.UTF_8);
        String body = BODIES.get(target);
        byte[] bytes = (body == null ? "no such case: " + target : body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", target.startsWith("/records/") ? "text/html" : "application/json");
        x.getResponseHeaders().add("ETag", "\"1\"");
        x.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static SimulationLog.Request request(String name) {
        SimulationLog.Request r = BY_CASE.get(name);
        assertNotNull(r, "no request of case " + name + " in " + BY_CASE.keySet());
        return r;
    }

    private static void assertKo(String name, String because) {
        SimulationLog.Request r = request(name);
        assertFalse(r.ok(), name + " should be KO (" + because + ")");
        // KO for what its answer says, not because the probe server had no such case.
        assertFalse(r.message().contains("404"), name + ": " + r.message());
    }

    @Test
    void everyCaseSentItsRequest() {
        assertEquals(
                CheckProbeSimulation.cases().stream()
                        .map(CheckProbeSimulation.Case::name)
                        .sorted()
                        .toList(),
                List.copyOf(BY_CASE.keySet()));
    }

    @Test
    void aRecordIsReadForItsLinksAndFiles() {
        assertTrue(request("view-good").ok(), request("view-good").message());
        Map<String, Object> saved = CheckProbeSimulation.SAVED.get("view-good");
        assertEquals("/v", saved.get(SessionKeys.VERSIONS_LINK));
        assertEquals("/l", saved.get(SessionKeys.LATEST_LINK));
        assertEquals(
                List.of("/api/records/view-good/files/a.csv/content", "/c/b"), saved.get(SessionKeys.CONTENT_LINKS));
        assertEquals(List.of(1234L, 99L), saved.get(SessionKeys.CONTENT_SIZES));
        assertEquals(5_000_000_000L, saved.get(SessionKeys.FILES_TOTAL_BYTES));
    }

    @Test
    void aRecordThatIsNotTheOneAskedForOrLacksALinkOrIsNotJsonIsKo() {
        assertKo("view-other-id", "another record's id");
        assertKo("view-no-latest", "no links.latest");
        assertKo("view-broken", "truncated JSON");
        assertKo("view-bad-size", "a file size that is not a number");
    }

    @Test
    void aSearchPageIsReadForItsHitsTotalAndNextLinkOnly() {
        assertTrue(request("search-good").ok(), request("search-good").message());
        Map<String, Object> saved = CheckProbeSimulation.SAVED.get("search-good");
        assertEquals(List.of("r1", "r2"), saved.get(SessionKeys.HIT_IDS), "the hits' ids, not their metadata's");
        assertEquals(2, saved.get(SessionKeys.HITS_TOTAL));
        assertEquals("/api/records?page=2", saved.get(SessionKeys.NEXT_LINK));
    }

    @Test
    void aSearchPageWithoutANumericTotalOrNotJsonIsKo() {
        assertKo("search-no-total", "no hits.total");
        assertKo("search-text-total", "hits.total is text");
        assertKo("search-html", "an HTML page");
        assertKo("search-cut", "cut inside a hit's metadata, which is skipped");
        assertKo("search-bad-bracket", "a bracket that closes what it did not open, inside skipped metadata");
    }

    @Test
    void anImageIsReadForItsSizeAndAZeroOrMissingDimensionIsKo() {
        assertTrue(request("info-good").ok(), request("info-good").message());
        assertEquals(1200, CheckProbeSimulation.SAVED.get("info-good").get(SessionKeys.IMAGE_WIDTH));
        assertKo("info-zero-width", "width 0");
        assertKo("info-no-height", "no height");
    }

    @Test
    void aLandingPageIsReadForItsExportsStylesAndPreviews() {
        assertTrue(request("page-good").ok(), request("page-good").message());
        Map<String, Object> saved = CheckProbeSimulation.SAVED.get("page-good");
        assertEquals(List.of("json", "datacite-xml"), saved.get(SessionKeys.EXPORT_FORMATS));
        assertEquals(
                "[[\"apa\", \"APA\"], [\"ieee\", \"IEEE \u2013 Soci\u00e9t\u00e9\"]]",
                saved.get(SessionKeys.CITATION_STYLES),
                "read from the page's bytes, decoded as UTF-8");
        assertEquals("apa", saved.get(SessionKeys.CITATION_STYLE));
        assertEquals(List.of("/records/page-good/preview/a.csv"), saved.get(SessionKeys.PREVIEW_LINKS));
        assertEquals(1, saved.get(SessionKeys.EMBARGO_MARKS));
    }

    @Test
    void aLandingPageWithoutItsCitationBoxIsKo() {
        assertKo("page-no-styles", "no data-styles");
        assertKo("page-no-default-style", "no data-defaultstyle");
    }
}

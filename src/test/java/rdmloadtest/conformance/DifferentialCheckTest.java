package rdmloadtest.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rdmloadtest.simulator.Simulator;

/**
 * The comparator itself, without a real instance: the simulator against itself gives no difference, and a
 * side that answers differently (another version, or a proxy that changes a status and drops a header) is
 * caught, so the check can fail.
 */
class DifferentialCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FAST = fast();
    private static Simulator v13a;
    private static Simulator v13b;

    private static Map<String, String> fast() {
        Map<String, String> m = new HashMap<>();
        for (String c : List.of("search", "record", "files", "download", "deposit", "communities", "harvest")) {
            m.put("simulator.serviceTime." + c, "1ms");
        }
        m.put("simulator.serviceTime.distribution", "fixed");
        m.put("simulator.refreshDelay", "0s");
        return m;
    }

    @BeforeAll
    static void start() throws Exception {
        v13a = DifferentialCheck.simulator("13", Path.of("data/default"), FAST);
        v13b = DifferentialCheck.simulator("13", Path.of("data/default"), FAST);
        v13a.start();
        v13b.start();
    }

    @AfterAll
    static void stop() throws Exception {
        v13a.close();
        v13b.close();
    }

    private static Side side(String label, String url) {
        Side s = new Side(label, url, "rdm-loadtest-token-1", "rdm-loadtest-token-2");
        s.waitForIndex = false;
        return s;
    }

    @Test
    void simulatorAgainstItselfHasNoDifference() throws Exception {
        DifferentialCheck.Result r =
                DifferentialCheck.run(side("a", v13a.siteUrl()), side("b", v13b.siteUrl()), "13", "a");
        assertEquals(List.of(), r.differences(), r.report());
        assertEquals(List.of(), r.accepted(), r.report());
        assertTrue(r.report().contains("**0 differences**"), r.report());
    }

    @Test
    void anotherVersionsNewVersionDraftIsADifference() throws Exception {
        try (Simulator v14 = DifferentialCheck.simulator("14", Path.of("data/default"), FAST)) {
            v14.start();
            DifferentialCheck.Result r =
                    DifferentialCheck.run(side("v13", v13a.siteUrl()), side("v14", v14.siteUrl()), "13", "v13");
            // v14 gives a new version's draft today's publication_date, v13 removes it
            assertTrue(
                    r.differences()
                            .contains(new Difference(
                                    "deposit: new version",
                                    "structure /metadata",
                                    "-",
                                    "only simulator: publication_date")),
                    r.report());
        }
    }

    /** A proxy in front of a simulator that answers /versions/latest with 302 and drops every Link header. */
    @Test
    void aChangedStatusAndAMissingHeaderAreDifferences() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", ex -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(v13b.siteUrl() + ex.getRequestURI()))
                    .method(
                            ex.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    ex.getRequestBody().readAllBytes()));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!List.of("host", "connection", "content-length").contains(k.toLowerCase()))
                    vs.forEach(v -> b.header(k, v));
            });
            try {
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = ex.getRequestURI().getPath().endsWith("/versions/latest") ? 302 : r.statusCode();
                r.headers().map().forEach((k, vs) -> {
                    if (!List.of("link", "content-length", "transfer-encoding", "date")
                            .contains(k.toLowerCase())) {
                        ex.getResponseHeaders().put(k, vs);
                    }
                });
                boolean empty = r.body().length == 0;
                ex.sendResponseHeaders(status, empty ? -1 : r.body().length);
                if (!empty) ex.getResponseBody().write(r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
            }
        });
        proxy.start();
        try {
            String url = "http://127.0.0.1:" + proxy.getAddress().getPort();
            DifferentialCheck.Result r =
                    DifferentialCheck.run(side("sim", v13a.siteUrl()), side("proxy", url), "13", "sim");
            assertTrue(
                    r.differences().contains(new Difference("record: versions/latest (301)", "status", "301", "302")),
                    r.report());
            assertTrue(
                    r.differences().stream()
                            .anyMatch(d -> d.step().equals("record: read")
                                    && d.aspect().equals("Link")
                                    && d.simulator().equals("-")),
                    r.report());
            assertTrue(r.report().contains("| record: versions/latest (301) | status | 301 | 302 |"), r.report());
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void structureIsKeysAndTypesWithArraysUnitedAndNullAsAnyScalar() throws Exception {
        var real = JSON.readTree("{\"a\": [{\"x\": 1}, {\"y\": \"s\"}], \"n\": null, \"o\": {\"k\": 1}}");
        var same = JSON.readTree("{\"a\": [{\"y\": \"t\", \"x\": 2}], \"n\": \"text\", \"o\": {\"k\": 5}}");
        assertEquals(List.of(), Shape.compare("", real, same, true));
        var other = JSON.readTree("{\"a\": [{\"x\": \"1\"}], \"n\": {}, \"o\": {\"k\": 1, \"extra\": true}}");
        List<Shape.Delta> d = Shape.compare("", real, other, true);
        assertTrue(d.contains(new Shape.Delta("/a/*/x", "integer", "string")), d.toString());
        assertTrue(d.contains(new Shape.Delta("/a/*", "only real: y", "-")), d.toString());
        assertTrue(d.contains(new Shape.Delta("/n", "null", "object")), d.toString());
        assertTrue(d.contains(new Shape.Delta("/o", "-", "only simulator: extra")), d.toString());
    }
}

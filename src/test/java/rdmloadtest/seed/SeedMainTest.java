package rdmloadtest.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.datagen.DatagenSettings;
import rdmloadtest.datagen.FileContent;
import rdmloadtest.datagen.Generator;
import rdmloadtest.datagen.RecordIds;
import rdmloadtest.feeders.JsonLines;

class SeedMainTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** md5 of uploaded content per "draft id/key". */
    private final Map<String, String> uploaded = new ConcurrentHashMap<>();

    private final AtomicLong nextId = new AtomicLong();
    /** Content uploads answered 503 once (after the body was read): the retry must send the whole body again. */
    private final Set<String> failFirstUpload = ConcurrentHashMap.newKeySet();
    /** Ids of the drafts published. */
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    /** A draft id whose publish is refused with 400. */
    private volatile String unpublishable = "(none)";

    private final Map<String, String> config = new HashMap<>();

    /** Just enough of InvenioRDM's deposit API to check the calls, their order and the uploaded bytes. */
    @BeforeEach
    void startServer() throws IOException {
        RecordIds ids = new RecordIds(99);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/records", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (method.equals("GET") && path.equals("/api/records")) {
                // The seeder's pre-flight: a record search that looks like InvenioRDM v13's.
                reply(exchange, 200, "{\"hits\":{\"hits\":[],\"total\":0},\"aggregations\":{\"access_status\":{}}}");
                return;
            }
            calls.add(method + " " + path);
            try (InputStream body = exchange.getRequestBody()) {
                if (path.endsWith("/content") && failFirstUpload.remove(path)) {
                    body.readAllBytes();
                    reply(exchange, 503, "{}");
                } else if (path.endsWith("/actions/publish") && path.contains(unpublishable)) {
                    reply(exchange, 400, "{\"status\":400,\"message\":\"A validation error occurred.\"}");
                } else if (method.equals("DELETE")) {
                    reply(exchange, 204, "");
                } else if (path.endsWith("/content")) {
                    assertEquals(
                            "application/octet-stream",
                            exchange.getRequestHeaders().getFirst("Content-Type"));
                    assertTrue(exchange.getRequestHeaders().containsKey("Content-length"), "Content-Length sent");
                    MessageDigest md5 = MessageDigest.getInstance("MD5");
                    md5.update(body.readAllBytes());
                    String[] parts = path.split("/");
                    uploaded.put(parts[3] + "/" + parts[6], HexFormat.of().formatHex(md5.digest()));
                    reply(exchange, 200, "{}");
                } else if (method.equals("POST") && (path.equals("/api/records") || path.endsWith("/versions"))) {
                    body.readAllBytes();
                    reply(exchange, 201, "{\"id\":\"" + ids.record(nextId.getAndIncrement()) + "\"}");
                } else if (method.equals("POST") && path.endsWith("/draft/files")) {
                    reply(exchange, 201, "{}");
                } else if (path.endsWith("/actions/publish")) {
                    published.add(path.split("/")[3]);
                    reply(exchange, 202, "{}");
                } else if (method.equals("GET") && path.matches("/api/records/[^/]+")) {
                    boolean known = published.contains(path.split("/")[3]);
                    reply(exchange, known ? 200 : 404, known ? "{}" : "{\"status\":404}");
                } else {
                    body.readAllBytes();
                    reply(exchange, 200, "{}");
                }
            } catch (Exception e) {
                reply(exchange, 500, "{}");
            }
        });
        // The searches for drafts a run left (none here).
        server.createContext(
                "/api/user/records", exchange -> reply(exchange, 200, "{\"hits\":{\"hits\":[],\"total\":0}}"));
        server.start();
        Generator.run(new DatagenSettings(40, dir, 5, 3, 64 << 10), false);
        config.put("invenio.baseUrl", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("seed.data", dir.toString());
        config.put("seed.progressFile", dir.resolve("progress.csv").toString());
    }

    private int seed(String token) throws IOException {
        return SeedMain.run(new Settings(ConfigSource.ofMap(config)), token);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void seedingPublishesEveryRecordWithItsFileBytesAndResumesWithoutRepeating() throws IOException {
        assertEquals(0, seed("token"));
        long records = Files.lines(dir.resolve("records.jsonl")).count();
        assertEquals(
                records,
                calls.stream().filter(c -> c.endsWith("/draft/actions/publish")).count());
        long versions = 0;
        int files = 0;
        Map<String, String> newIds = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("progress.csv"))) {
            if (line.endsWith(",published")) newIds.put(line.split(",")[0], line.split(",")[1]);
        }
        assertEquals(records, newIds.size());
        try (JsonLines lines = new JsonLines(dir.resolve("records.jsonl"))) {
            while (lines.hasNext()) {
                var r = lines.next();
                String source = r.get("id").asText();
                versions += r.at("/versions/index").asInt() > 1 ? 1 : 0;
                for (var e : r.at("/files/entries")) {
                    files++;
                    String expected = FileContent.md5Hex(
                            source, e.get("key").asText(), e.get("size").asLong());
                    assertEquals(
                            expected,
                            uploaded.get(newIds.get(source) + "/" + e.get("key").asText()),
                            source);
                }
            }
        }
        assertEquals(
                versions, calls.stream().filter(c -> c.endsWith("/versions")).count());
        assertEquals(files, uploaded.size());
        calls.clear();
        assertEquals(0, seed("token"));
        assertEquals(0, calls.size(), "a second run finds everything done");
    }

    @Test
    void aRetriedUploadSendsTheWholeBodyAgain() throws IOException {
        // One at a time, so the first record of the file is the first draft created (the id the server hands out).
        config.put("seed.concurrency", "1");
        RecordIds ids = new RecordIds(99);
        // The first draft's files: every content upload fails once, after its body was sent.
        try (JsonLines lines = new JsonLines(dir.resolve("records.jsonl"))) {
            var first = lines.next();
            for (var e : first.at("/files/entries"))
                failFirstUpload.add("/api/records/" + ids.record(0) + "/draft/files/"
                        + e.get("key").asText() + "/content");
        }
        int failing = failFirstUpload.size();
        assertTrue(failing > 0, "the first generated record has files");
        assertEquals(0, seed("token"));
        assertEquals(0, failFirstUpload.size(), "every failing upload was tried");
        long puts = calls.stream()
                .filter(c -> c.startsWith("PUT /api/records/" + ids.record(0) + "/draft/files/"))
                .count();
        assertEquals(2L * failing, puts, "each file sent twice");
        // What arrived the second time is the whole file.
        try (JsonLines lines = new JsonLines(dir.resolve("records.jsonl"))) {
            var first = lines.next();
            for (var e : first.at("/files/entries")) {
                String key = e.get("key").asText();
                assertEquals(
                        FileContent.md5Hex(
                                first.get("id").asText(), key, e.get("size").asLong()),
                        uploaded.get(ids.record(0) + "/" + key),
                        key);
            }
        }
    }

    @Test
    void aRecordThatCannotBePublishedHasItsDraftDeleted() throws IOException {
        config.put("seed.concurrency", "1");
        RecordIds ids = new RecordIds(99);
        unpublishable = ids.record(0);
        assertEquals(Command.FAILED, seed("token"), "a failed record fails the command (4)");
        assertTrue(calls.contains("DELETE /api/records/" + unpublishable + "/draft"), calls.toString());
        assertTrue(
                Files.readAllLines(dir.resolve("progress.csv")).stream()
                        .anyMatch(l -> l.endsWith("," + unpublishable + ",deleted")),
                "the progress file says the draft was deleted");
    }

    /** This fake target answers a multipart init without parts to upload to: the seeder caps, and lists. */
    @Test
    void aTargetWithoutMultipartGetsFilesCappedUnderItsLimit() throws IOException {
        config.put("invenio.maxUploadSize", "32768");
        long above = 0;
        try (JsonLines lines = new JsonLines(dir.resolve("records.jsonl"))) {
            while (lines.hasNext())
                for (var e : lines.next().at("/files/entries"))
                    if (e.get("size").asLong() >= 32768) above++;
        }
        assertTrue(above > 0, "the generated data has files of 32 KiB or more");
        assertEquals(0, seed("token"));
        List<String> capped = Files.readAllLines(dir.resolve("progress-capped.csv"));
        assertEquals(above, capped.size() - 1, "every file at or above the limit capped and listed");
        assertTrue(capped.stream().skip(1).allMatch(l -> l.endsWith(",32767")), capped.toString());
    }

    @Test
    void writesToANonLoopbackTargetAreRefusedUnlessAllowed() {
        config.put("invenio.baseUrl", "https://192.0.2.10");
        ConfigException e = assertThrows(ConfigException.class, () -> seed("token"));
        assertEquals(
                "invenio.allowWrites=false: seeding would create records on https://192.0.2.10; set"
                        + " -Dinvenio.allowWrites=true if you mean it",
                e.getMessage());
    }

    @Test
    void aMissingTokenIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> seed(null));
        assertTrue(e.getMessage().startsWith("INVENIO_TOKEN: not set"), e.getMessage());
    }
}

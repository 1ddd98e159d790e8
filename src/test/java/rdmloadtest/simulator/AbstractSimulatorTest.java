package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.perf.EndpointClass;

/**
 * Shared harness of the simulator's HTTP-level tests: a simulator on an ephemeral 127.0.0.1 port, seeded
 * from a hand-made data set written to a temp dir (so every expected count is known), and a small client.
 */
abstract class AbstractSimulatorTest {
    static final String USER1 = "rdm-loadtest-token-1";
    static final String USER2 = "rdm-loadtest-token-2";
    static final String ADMIN = "rdm-loadtest-admin";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Configuration with 1 ms fixed service times for every endpoint class (plus the given overrides). */
    static Map<String, String> fast(String... overrides) {
        Map<String, String> m = new HashMap<>();
        // Everything a built-in profile could set is pinned here, so the tests see the same simulator always.
        for (EndpointClass c : EndpointClass.values()) {
            m.put("simulator.serviceTime." + c.id(), "1ms");
            m.put("simulator.faults." + c.id(), "none");
            m.put("simulator.backendTime." + c.id(), "none");
        }
        m.put("simulator.serviceTime.distribution", "fixed");
        m.put("simulator.refreshDelay", "0s");
        m.put("simulator.workers", "16");
        m.put("simulator.bandwidthMBps", "200");
        m.put("simulator.rateLimit", "false");
        m.put("invenio.version", "13");
        for (int i = 0; i + 1 < overrides.length; i += 2) m.put(overrides[i], overrides[i + 1]);
        return m;
    }

    // --- a running simulator ------------------------------------------------------------------------

    static final class Sim implements AutoCloseable {
        final Simulator simulator;
        final String base;
        private final Path dataDir;

        private Sim(Simulator simulator, String base, Path dataDir) {
            this.simulator = simulator;
            this.base = base;
            this.dataDir = dataDir;
        }

        /** Starts a simulator on 127.0.0.1:0 seeded from {@code dataDir} (deleted on close unless null). */
        static Sim start(Path dataDir, Map<String, String> config, boolean ownsDataDir) throws Exception {
            Map<String, String> m = new HashMap<>(config);
            m.put("simulator.port", "0");
            m.put("data.dir", dataDir.toString());
            Simulator s = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(m))));
            int port = s.start();
            return new Sim(s, "http://127.0.0.1:" + port, ownsDataDir ? dataDir : null);
        }

        static Sim start(List<Fixture.Rec> records, Map<String, String> config) throws Exception {
            return start(Fixture.write(records), config, true);
        }

        @Override
        public void close() throws Exception {
            simulator.close();
            if (dataDir != null) {
                try (var files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }

        HttpRequest.Builder builder(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return b;
        }

        Res get(String path, String... headers) throws IOException, InterruptedException {
            return send("GET", path, null, null, headers);
        }

        CompletableFuture<HttpResponse<byte[]>> getAsync(String path, String... headers) {
            return CLIENT.sendAsync(
                    builder("GET", path, HttpRequest.BodyPublishers.noBody(), headers)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        /** Any request; {@code contentType} null sends no Content-Type, {@code body} null an empty body. */
        Res send(String method, String path, String contentType, byte[] body, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.BodyPublisher p =
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpRequest.Builder b = builder(method, path, p, headers);
            if (contentType != null) b.header("Content-Type", contentType);
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Res(r.statusCode(), r.headers(), r.body());
        }

        /** A JSON request as the given user (token null: anonymous). */
        Res json(String method, String path, Object body, String token, String... headers)
                throws IOException, InterruptedException {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            return send(method, path, "application/json", bytes, withAuth(token, headers));
        }

        /** A request without body as the given user. */
        Res as(String token, String method, String path, String... headers) throws IOException, InterruptedException {
            return send(method, path, null, null, withAuth(token, headers));
        }

        /** Search until {@code ok} holds or the timeout passes; the last answer. */
        Res poll(String path, Predicate<Res> ok, Duration timeout) throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            Res r;
            do {
                r = get(path);
                if (ok.test(r)) return r;
                Thread.sleep(50);
            } while (System.nanoTime() < end);
            return r;
        }
    }

    static String[] withAuth(String token, String... headers) {
        if (token == null) return headers;
        String[] h = new String[headers.length + 2];
        h[0] = "Authorization";
        h[1] = "Bearer " + token;
        System.arraycopy(headers, 0, h, 2, headers.length);
        return h;
    }

    record Res(int status, HttpHeaders headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Optional<String> optHeader(String name) {
            return headers.firstValue(name);
        }

        Res expect(int expected) {
            assertEquals(expected, status, () -> "HTTP status; body: " + text());
            return this;
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(JsonNode searchBody) {
        List<String> out = new ArrayList<>();
        searchBody.path("hits").path("hits").forEach(h -> out.add(h.path("id").asText()));
        return out;
    }

    /** A payload that publishes on a default install (§5.1). */
    static ObjectNode minimalRecord(String title, boolean filesEnabled) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("access").put("record", "public").put("files", "public");
        o.putObject("files").put("enabled", filesEnabled);
        ObjectNode m = o.putObject("metadata");
        m.putObject("resource_type").put("id", "dataset");
        m.put("title", title);
        m.put("publication_date", "2024-05-14");
        m.put("publisher", "InvenioRDM");
        m.putArray("creators")
                .addObject()
                .putObject("person_or_org")
                .put("type", "personal")
                .put("given_name", "Josiah")
                .put("family_name", "Carberry");
        return o;
    }

    // --- the seeded data set ------------------------------------------------------------------------

    /** A deterministic data set in the generator's records.jsonl / communities.jsonl shape. */
    static final class Fixture {
        static final String COMMUNITY_ID = "3f1c2e0a-0000-4000-8000-000000000001";
        static final String COMMUNITY_SLUG = "climate-lab";
        static final String EMPTY_COMMUNITY_ID = "3f1c2e0a-0000-4000-8000-000000000002";
        static final String EMPTY_COMMUNITY_SLUG = "ocean-watch";
        static final Instant BASE = Instant.parse("2020-01-01T00:00:00Z");
        static final List<String> TYPES = List.of("dataset", "publication-article", "software", "image-photo");
        static final List<String> WORDS = List.of("climate", "ocean", "genome", "galaxy", "river");

        /** One seeded record and the facts the tests derive expectations from. */
        record Rec(
                int i,
                String id,
                String parentId,
                int versionIndex,
                boolean latest,
                Instant created,
                Instant updated,
                String resourceType,
                List<String> fileKeys,
                long fileSize,
                boolean restrictedRecord,
                boolean restrictedFiles,
                boolean embargoed,
                String publicationDate,
                String title,
                boolean inCommunity) {
            boolean hasFiles() {
                return !fileKeys.isEmpty();
            }

            String accessStatus() {
                if (embargoed) return "embargoed";
                if (restrictedRecord || restrictedFiles) return "restricted";
                if (!hasFiles()) return "metadata-only";
                return "open";
            }

            /** What an anonymous search sees: latest versions of public records. */
            boolean anonymousHit() {
                return latest && !restrictedRecord;
            }

            boolean hasExt(String ext) {
                return fileKeys.stream().anyMatch(k -> k.endsWith("." + ext));
            }

            String type() {
                return resourceType.contains("-") ? resourceType.substring(0, resourceType.indexOf('-')) : resourceType;
            }
        }

        /**
         * n records: created one minute apart (record n-1 newest), updated in a scrambled order, types and files
         * cycling, a few restricted (record 3 entirely)/embargoed, every 10th in the community; the last two are versions 1 and 2 of
         * one parent; record 5000 (if present) matches "quasar" three times, record 5001 once.
         */
        static List<Rec> records(int n) {
            List<Rec> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = String.format("s%04d-%05d", i / 100_000, i % 100_000);
                boolean multi = i >= n - 2;
                String parentId = multi ? "pmult-00001" : "p" + id.substring(1);
                int versionIndex = multi ? (i == n - 2 ? 1 : 2) : 1;
                Instant created = BASE.plusSeconds(60L * i);
                Instant updated = BASE.plusSeconds(60L * ((i * 7919L) % n) + 30);
                List<String> files = switch (i % 3) {
                    case 0 -> List.of("data.csv", "notes.txt");
                    case 1 -> List.of("paper.pdf");
                    default -> List.of();
                };
                long size = 1000 + (i % 500);
                boolean restrictedRecord = (i % 1000 == 998 || i == 3) && !multi;
                boolean restrictedFiles = i % 50 == 7;
                boolean embargoed = i % 50 == 13;
                String date = (2000 + i % 25) + "-" + String.format("%02d", 1 + i % 12) + "-15";
                String title = switch (i) {
                    case 5000 -> "Quasar spectra of quasar quasar";
                    case 5001 -> "Notes on a quasar";
                    default -> "Record " + i + " on " + WORDS.get(i % WORDS.size());
                };
                out.add(new Rec(
                        i,
                        id,
                        parentId,
                        versionIndex,
                        !multi || i == n - 1,
                        created,
                        updated,
                        TYPES.get(i % TYPES.size()),
                        files,
                        size,
                        restrictedRecord,
                        restrictedFiles,
                        embargoed,
                        date,
                        title,
                        i % 10 == 0));
            }
            return out;
        }

        static Path write(List<Rec> records) throws IOException {
            Path dir = Files.createTempDirectory("rdm-simulator-test-data");
            try (Writer w = Files.newBufferedWriter(dir.resolve("records.jsonl"))) {
                for (Rec r : records) w.write(JSON.writeValueAsString(json(r)) + "\n");
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("communities.jsonl"))) {
                w.write(JSON.writeValueAsString(community(COMMUNITY_ID, COMMUNITY_SLUG, "Climate Lab", 1)) + "\n");
                w.write(JSON.writeValueAsString(community(EMPTY_COMMUNITY_ID, EMPTY_COMMUNITY_SLUG, "Ocean Watch", 2))
                        + "\n");
            }
            return dir;
        }

        private static ObjectNode community(String id, String slug, String title, int day) {
            ObjectNode c = JSON.createObjectNode();
            c.put("id", id).put("slug", slug).put("revision_id", 2);
            c.put("created", "2019-01-0" + day + "T00:00:00.000000+00:00");
            c.put("updated", "2019-01-0" + day + "T00:00:00.000000+00:00");
            c.putObject("access")
                    .put("visibility", "public")
                    .put("member_policy", "open")
                    .put("record_policy", "open");
            c.putObject("metadata").put("title", title).putObject("type").put("id", "project");
            return c;
        }

        private static ObjectNode json(Rec r) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", r.id());
            o.put("created", r.created().toString().replace("Z", "+00:00"));
            o.put("updated", r.updated().toString().replace("Z", "+00:00"));
            o.put("revision_id", 5);
            ObjectNode parent = o.putObject("parent");
            parent.put("id", r.parentId());
            parent.putObject("access").putObject("owned_by").put("user", "1");
            if (r.inCommunity()) parent.putObject("communities").putArray("ids").add(COMMUNITY_ID);
            o.putObject("versions").put("index", r.versionIndex());
            ObjectNode m = o.putObject("metadata");
            m.putObject("resource_type").put("id", r.resourceType());
            m.put("title", r.title());
            m.put("publication_date", r.publicationDate());
            m.put("publisher", "InvenioRDM");
            m.putArray("creators")
                    .addObject()
                    .putObject("person_or_org")
                    .put("type", "personal")
                    .put("given_name", "Ada")
                    .put("family_name", "Lovelace")
                    .put("name", "Lovelace, Ada");
            ObjectNode access = o.putObject("access");
            access.put("record", r.restrictedRecord() ? "restricted" : "public");
            access.put("files", r.restrictedFiles() ? "restricted" : "public");
            if (r.embargoed()) {
                access.putObject("embargo")
                        .put("active", true)
                        .put("until", "2999-01-01")
                        .put("reason", "test");
            }
            ObjectNode files = o.putObject("files");
            files.put("enabled", r.hasFiles());
            ObjectNode entries = files.putObject("entries");
            for (String key : r.fileKeys()) {
                String mime =
                        key.endsWith(".pdf") ? "application/pdf" : key.endsWith(".csv") ? "text/csv" : "text/plain";
                entries.putObject(key).put("key", key).put("size", r.fileSize()).put("mimetype", mime);
            }
            return o;
        }
    }
}

package rdmloadtest.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.feeders.DataFileException;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.invenio.InvenioKeys;

/**
 * Loads generated records into a real InvenioRDM over its REST API: per record create draft (or new version),
 * 3-step upload of each file from {@link FileContent}, publish. Concurrent across parents, versions of one parent in
 * order; resumable from a progress file of {@code source_id,new_id}.
 *
 * <pre>
 * INVENIO_TOKEN=... mvn -q exec:java -Dexec.mainClass=rdmloadtest.datagen.SeedMain -Dexec.classpathScope=test \
 *     -Dinvenio.baseUrl=https://127.0.0.1:5000 -Dinvenio.insecureTls=true [-Dseed.data=data/default]
 *     [-Dseed.concurrency=4] [-Dseed.limit=N] [-Dseed.progressFile=FILE] [-Dinvenio.allowWrites=true]
 * </pre>
 *
 * Writes only to a loopback target unless {@code -Dinvenio.allowWrites=true}. Records are owned by the token's
 * user; community membership is not seeded.
 */
public final class SeedMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InvenioTarget target;
    private final Path progressFile;
    private final Map<String, String> done = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private BufferedWriter progressOut;

    private SeedMain(InvenioTarget target, Path progressFile) {
        this.target = target;
        this.progressFile = progressFile;
    }

    public static void main(String[] args) {
        Command.main("seed", s -> run(s, System.getenv(InvenioTarget.TOKEN_VARIABLE)));
    }

    static int run(Settings s, String token) throws IOException {
        InvenioTarget target = InvenioTarget.from(s, token);
        if (!target.isLoopback() && !s.get(InvenioKeys.ALLOW_WRITES)) {
            throw new ConfigException("invenio.allowWrites=false: seeding would create records on " + target.baseUrl
                    + "; set -Dinvenio.allowWrites=true if you mean it");
        }
        if (!target.hasToken()) {
            throw new ConfigException(
                    InvenioTarget.TOKEN_VARIABLE + ": not set; seeding needs a personal access token of"
                            + " the depositor in the environment variable " + InvenioTarget.TOKEN_VARIABLE);
        }
        Path data = Path.of(s.get(DatagenKeys.SEED_DATA));
        String host = target.baseUrl.getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "_" + target.baseUrl.getPort();
        Path progress =
                s.find(DatagenKeys.SEED_PROGRESS).map(Path::of).orElse(data.resolve("seed-progress-" + host + ".csv"));
        return new SeedMain(target, progress)
                .seed(
                        data.resolve("records.jsonl"),
                        s.get(DatagenKeys.SEED_CONCURRENCY),
                        s.get(DatagenKeys.SEED_LIMIT));
    }

    private int seed(Path records, int concurrency, long limit) throws IOException {
        loadProgress();
        progressOut = Files.newBufferedWriter(
                progressFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (Files.size(progressFile) == 0) {
            progressOut.write("source_id,new_id\n");
            progressOut.flush();
        }
        System.out.printf(
                "seed: %s -> %s, %d already done (%s), concurrency %d%n",
                records, target.baseUrl, done.size(), progressFile, concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency * 2);
        long start = System.nanoTime();
        Thread reporter = new Thread(() -> report(start), "seed-progress");
        reporter.setDaemon(true);
        reporter.start();
        long queued = 0;
        try (JsonLines lines = new JsonLines(records)) {
            List<JsonNode> versions = new ArrayList<>();
            Iterator<JsonNode> it = lines;
            while (queued < limit && (it.hasNext() || !versions.isEmpty())) {
                JsonNode next = it.hasNext() ? it.next() : null;
                if (next != null && (versions.isEmpty() || sameParent(versions.get(0), next))) {
                    versions.add(next);
                    continue;
                }
                List<JsonNode> group =
                        List.copyOf(versions.subList(0, (int) Math.min(versions.size(), limit - queued)));
                queued += group.size();
                versions.clear();
                if (next != null) {
                    versions.add(next);
                }
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        seedVersions(group);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        pool.shutdown();
        try {
            pool.awaitTermination(365, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progressOut.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "seed: done: %d published, %d failed, %d skipped as already done, %.1f s%n",
                published.get(), failed.get(), done.size() - published.get(), seconds);
        return failed.get() == 0 ? 0 : 1;
    }

    private static boolean sameParent(JsonNode a, JsonNode b) {
        return a.at("/parent/id").asText().equals(b.at("/parent/id").asText());
    }

    private void report(long start) {
        while (true) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "seed: %d published (%.1f records/s), %d failed%n",
                    published.get(), published.get() / seconds, failed.get());
        }
    }

    private void loadProgress() throws IOException {
        if (!Files.exists(progressFile)) {
            return;
        }
        long line = 0;
        for (String text : Files.readAllLines(progressFile, StandardCharsets.UTF_8)) {
            line++;
            if (line == 1 && text.equals("source_id,new_id")) {
                continue;
            }
            String[] parts = text.split(",");
            if (parts.length != 2 || !RecordIds.isValid(parts[0])) {
                throw new DataFileException(
                        progressFile, line, "expected 2 columns (source_id,new_id), got '" + text + "'");
            }
            done.put(parts[0], parts[1]);
        }
    }

    /** The versions of one parent, in order: the first as a new draft, the others as new versions of the previous. */
    private void seedVersions(List<JsonNode> versions) {
        String previous = null;
        for (JsonNode record : versions) {
            String source = record.get("id").asText();
            String known = done.get(source);
            if (known != null) {
                previous = known;
                continue;
            }
            try {
                previous = seedOne(record, previous);
                synchronized (this) {
                    progressOut.write(source + "," + previous + "\n");
                    progressOut.flush();
                }
                done.put(source, previous);
                published.incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
                System.err.println("seed: record " + source + " failed: " + e.getMessage());
                return;
            }
        }
    }

    private String seedOne(JsonNode record, String previousVersion) throws IOException, InterruptedException {
        String payload = JSON.writeValueAsString(Draft.payload(record));
        String id;
        if (previousVersion == null) {
            id = expect(json("POST", "/api/records", payload), 201).get("id").asText();
        } else {
            id = expect(json("POST", "/api/records/" + previousVersion + "/versions", null), 201)
                    .get("id")
                    .asText();
            expect(json("PUT", "/api/records/" + id + "/draft", payload), 200);
        }
        JsonNode entries = record.at("/files/entries");
        if (record.at("/files/enabled").asBoolean() && entries.size() > 0) {
            ArrayNode init = JSON.createArrayNode();
            entries.forEach(e -> init.addObject().put("key", e.get("key").asText()));
            expect(json("POST", "/api/records/" + id + "/draft/files", JSON.writeValueAsString(init)), 201);
            String sourceId = record.get("id").asText();
            for (JsonNode e : entries) {
                String key = e.get("key").asText();
                long size = e.get("size").asLong();
                String path = "/api/records/" + id + "/draft/files/" + encode(key);
                Supplier<InputStream> bytes = () -> FileContent.open(sourceId, key, size);
                HttpRequest put = target.request(path + "/content")
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(bytes), size))
                        .build();
                expect(target.send(put), 200);
                expect(json("POST", path + "/commit", null), 200);
            }
        }
        expect(json("POST", "/api/records/" + id + "/draft/actions/publish", null), 202);
        return id;
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> json(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = target.request(path).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return target.send(b.build());
    }

    private static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
            throw new IOException(response.request().method() + " "
                    + response.request().uri().getPath() + " -> " + response.statusCode() + " (expected " + status
                    + "): " + body.substring(0, Math.min(300, body.length())));
        }
        String body = response.body();
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }
}

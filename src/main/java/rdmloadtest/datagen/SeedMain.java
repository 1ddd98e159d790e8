package rdmloadtest.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
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
import rdmloadtest.cli.Progress;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;
import rdmloadtest.feeders.DataFileException;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.invenio.Retries;

/**
 * Loads generated records into a real InvenioRDM over its REST API: per record create draft (or new version),
 * 3-step upload of each file from {@link FileContent}, publish. Concurrent across parents, versions of one parent in
 * order. Made to finish: every call is retried (a new request, its whole body sent again) on a dropped connection,
 * 429 or 5xx; a file above invenio.maxUploadSize is capped to it (and listed), never refused by the target with 413;
 * the progress file ({@code source_id,new_id,state}) names each draft as soon as it exists, so a rerun after a crash
 * picks a half-done draft up (files already there included); a record that cannot be published has its draft
 * deleted.
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
    private static final int ATTEMPTS = 6;
    static final String HEADER = "source_id,new_id,state";
    static final String DRAFT = "draft";
    static final String PUBLISHED = "published";
    static final String DELETED = "deleted";
    /** Written before a draft is created: a crash before its id came back leaves a draft to find by its content. */
    static final String CREATING = "creating";

    private final InvenioTarget target;
    private final Path progressFile;
    private final Path cappedFile;
    private final long maxUpload;
    /** Per source record: the new id of its published record. */
    private final Map<String, String> done = new ConcurrentHashMap<>();
    /** Per source record: a draft a previous run created and did not finish. */
    private final Map<String, String> drafts = new ConcurrentHashMap<>();

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong capped = new AtomicLong();
    private final AtomicLong multipart = new AtomicLong();
    /** Until the target refuses one: files at or above the limit go through the multipart transfer. */
    private volatile boolean multipartOffered = true;

    private final AtomicLong retried = new AtomicLong();
    private BufferedWriter progressOut;
    private BufferedWriter cappedOut;

    private SeedMain(InvenioTarget target, Path progressFile, long maxUpload) {
        this.target = target;
        this.progressFile = progressFile;
        this.cappedFile = progressFile.resolveSibling(
                progressFile.getFileName().toString().replaceFirst("\\.csv$", "") + "-capped.csv");
        this.maxUpload = maxUpload;
    }

    public static void main(String[] args) {
        Command.main("seed", s -> run(s, Environment.get(InvenioTarget.TOKEN_VARIABLE)));
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
        Folders.existingFile(DatagenKeys.SEED_DATA.name(), data.resolve("records.jsonl"), "a data set's records.jsonl");
        // Every record is read now: a broken line 30 must stop the seeding before the first record is published.
        try (JsonLines all = new JsonLines(data.resolve("records.jsonl"))) {
            while (all.hasNext()) all.next();
        }
        String host = target.baseUrl.getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "_" + target.baseUrl.getPort();
        Path progress =
                s.find(DatagenKeys.SEED_PROGRESS).map(Path::of).orElse(data.resolve("seed-progress-" + host + ".csv"));
        Folders.writable(
                DatagenKeys.SEED_PROGRESS.name(), progress.toAbsolutePath().getParent());
        System.out.println("seed: target: "
                + Preflight.of(
                        s,
                        target.baseUrl,
                        s.get(InvenioKeys.INVENIO_VERSION),
                        InvenioTarget.TOKEN_VARIABLE,
                        List.of(token)));
        return new SeedMain(target, progress, s.get(InvenioKeys.MAX_UPLOAD))
                .seed(
                        data.resolve("records.jsonl"),
                        s.get(DatagenKeys.SEED_CONCURRENCY),
                        s.get(DatagenKeys.SEED_LIMIT));
    }

    private int seed(Path records, int concurrency, long limit) throws IOException {
        loadProgress();
        long total = Math.min(limit, countLines(records));
        long already = done.size();
        progressOut = Files.newBufferedWriter(
                progressFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (Files.size(progressFile) == 0) {
            progressOut.write(HEADER + "\n");
            progressOut.flush();
        }
        System.out.printf(
                "seed: %d records of %s -> %s: %d already published, %d drafts to resume (%s), concurrency %d,"
                        + " files of %d bytes or more (invenio.maxUploadSize) in parts, or capped if the target has no"
                        + " multipart transfer%n",
                total, records, target.baseUrl, already, drafts.size(), progressFile, concurrency, maxUpload);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency * 2);
        Progress progress = Progress.start("seed", "records", total, () -> done.size() + failed.get(), already);
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
        progress.close();
        progressOut.close();
        if (cappedOut != null) cappedOut.close();
        System.out.printf(
                "seed: done: %d published (%d of them from a resumed draft), %d failed (their drafts deleted: %d),"
                        + " %d skipped as already done, %d file(s) sent in parts (multipart), %d file(s) capped to %d bytes%s, %d call(s) retried, %.1f s%n",
                published.get(),
                resumed.get(),
                failed.get(),
                deleted.get(),
                already,
                multipart.get(),
                capped.get(),
                maxUpload - 1,
                capped.get() > 0 ? " (listed in " + cappedFile + ")" : "",
                retried.get(),
                progress.seconds());
        return failed.get() == 0 ? 0 : 1;
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    private static boolean sameParent(JsonNode a, JsonNode b) {
        return a.at("/parent/id").asText().equals(b.at("/parent/id").asText());
    }

    /** The progress file: the last line of a source record says where it is (older files have no state: published). */
    private void loadProgress() throws IOException {
        if (!Files.exists(progressFile)) {
            return;
        }
        long line = 0;
        for (String text : Files.readAllLines(progressFile, StandardCharsets.UTF_8)) {
            line++;
            if (line == 1 && (text.equals(HEADER) || text.equals("source_id,new_id"))) {
                continue;
            }
            String[] parts = text.split(",");
            String state = parts.length == 3 ? parts[2] : PUBLISHED;
            if (parts.length < 2
                    || parts.length > 3
                    || !RecordIds.isValid(parts[0])
                    || !List.of(DRAFT, PUBLISHED, DELETED, CREATING).contains(state)) {
                throw new DataFileException(
                        progressFile,
                        line,
                        "expected " + HEADER + " with a state of draft, published or deleted, got '" + text + "'");
            }
            switch (state) {
                case PUBLISHED -> {
                    done.put(parts[0], parts[1]);
                    drafts.remove(parts[0]);
                }
                case DRAFT -> drafts.put(parts[0], parts[1]);
                case CREATING -> drafts.put(parts[0], CREATING);
                default -> drafts.remove(parts[0]);
            }
        }
    }

    private synchronized void remember(String source, String id, String state) throws IOException {
        progressOut.write(source + "," + id + "," + state + "\n");
        progressOut.flush();
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
                remember(source, previous, PUBLISHED);
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
        String source = record.get("id").asText();
        String payload = JSON.writeValueAsString(Draft.payload(record));
        String known = drafts.get(source);
        String id = CREATING.equals(known) ? orphan(record, previousVersion) : resumable(known);
        if (id != null) {
            resumed.incrementAndGet();
            System.out.println("seed: record " + source + ": resuming draft " + id);
            expect(json("PUT", "/api/records/" + id + "/draft", payload), 200);
        } else if (previousVersion == null) {
            remember(source, "-", CREATING);
            id = expect(json("POST", "/api/records", payload), 201).get("id").asText();
            remember(source, id, DRAFT);
        } else {
            remember(source, "-", CREATING);
            id = expect(json("POST", "/api/records/" + previousVersion + "/versions", null), 201)
                    .get("id")
                    .asText();
            remember(source, id, DRAFT);
            expect(json("PUT", "/api/records/" + id + "/draft", payload), 200);
        }
        try {
            uploadFiles(record, id);
            expect(json("POST", "/api/records/" + id + "/draft/actions/publish", null), 202);
            return id;
        } catch (IOException | RuntimeException e) {
            discard(source, id);
            throw e;
        }
    }

    /**
     * The draft a run killed between creating it and writing its id left: among the depositor's unpublished drafts, a
     * new version of the previous version's record, or a first version with the same title. Null when there is none.
     */
    private String orphan(JsonNode record, String previousVersion) throws IOException, InterruptedException {
        String q;
        if (previousVersion != null) {
            String parent = expect(json("GET", "/api/records/" + previousVersion, null), 200)
                    .at("/parent/id")
                    .asText();
            q = "parent.id:" + parent + " AND is_published:false";
        } else {
            q = "is_published:false";
        }
        String title = record.at("/metadata/title").asText();
        JsonNode hits = expect(
                        json(
                                "GET",
                                "/api/user/records?size=100&sort=newest&q="
                                        + URLEncoder.encode(q, StandardCharsets.UTF_8),
                                null),
                        200)
                .at("/hits/hits");
        for (JsonNode h : hits) {
            // A new version's draft may still carry the previous version's title (the crash came before its PUT).
            if (previousVersion != null || title.equals(h.at("/metadata/title").asText())) {
                System.out.println("seed: record " + record.get("id").asText() + ": found draft "
                        + h.get("id").asText() + " a crashed run created and never named");
                return h.get("id").asText();
            }
        }
        return null;
    }

    /** A draft of an earlier run that is still there, or null. */
    private String resumable(String draftId) throws IOException, InterruptedException {
        if (draftId == null) return null;
        HttpResponse<String> r = json("GET", "/api/records/" + draftId + "/draft", null);
        if (r.statusCode() == 200) return draftId;
        if (r.statusCode() == 404 || r.statusCode() == 410) return null;
        expect(r, 200);
        return null;
    }

    /** Deletes a draft that will not be published (idempotent: one already gone is fine). */
    private void discard(String source, String id) {
        try {
            int status = call(() -> target.request("/api/records/" + id + "/draft")
                            .DELETE()
                            .build())
                    .statusCode();
            if (status == 204 || status == 404) {
                remember(source, id, DELETED);
                deleted.incrementAndGet();
            } else {
                System.err.println("seed: draft " + id + " of " + source + ": delete answered " + status
                        + "; left on the target (mvn -q exec:java@cleanup does not know it: delete it by hand)");
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("seed: draft " + id + " of " + source + ": delete failed: " + e.getMessage());
        }
    }

    /** The 3-step upload of each file not yet committed in the draft; keys it already holds are not created again. */
    /**
     * The 3-step upload of each file not yet committed in the draft; keys it already holds are not created again. A
     * file at or above the body limit goes through the multipart transfer (v13+, parts under the limit) when the target
     * offers it, and is capped to one byte under the limit when it does not.
     */
    private void uploadFiles(JsonNode record, String id) throws IOException, InterruptedException {
        JsonNode entries = record.at("/files/entries");
        if (!record.at("/files/enabled").asBoolean() || entries.isEmpty()) return;
        String files = "/api/records/" + id + "/draft/files";
        Map<String, JsonNode> present = new HashMap<>();
        for (JsonNode e : expect(json("GET", files, null), 200).path("entries"))
            present.put(e.path("key").asText(), e);
        ArrayNode init = JSON.createArrayNode();
        for (JsonNode e : entries) {
            String key = e.get("key").asText();
            if (present.containsKey(key)) continue;
            ObjectNode item = init.addObject().put("key", key);
            long size = e.get("size").asLong();
            if (size >= maxUpload && multipartOffered) {
                long part = partSize();
                item.put("size", size);
                item.putObject("transfer")
                        .put("type", "M")
                        .put("parts", (size + part - 1) / part)
                        .put("part_size", part);
            }
        }
        if (!init.isEmpty()) {
            HttpResponse<String> r = json("POST", files, JSON.writeValueAsString(init));
            if (r.statusCode() == 400 && JSON.writeValueAsString(init).contains("\"M\"")) {
                // A target without multipart transfer: plain uploads, capped.
                multipartOffered = false;
                System.out.println("seed: " + target.baseUrl + " refused a multipart transfer (" + r.statusCode()
                        + "): files at or above " + maxUpload + " bytes are capped");
                for (JsonNode item : init) {
                    ((ObjectNode) item).remove("transfer");
                    ((ObjectNode) item).remove("size");
                }
                r = json("POST", files, JSON.writeValueAsString(init));
            }
            for (JsonNode e : expect(r, 201).path("entries"))
                present.put(e.path("key").asText(), e);
        }
        String sourceId = record.get("id").asText();
        for (JsonNode e : entries) {
            String key = e.get("key").asText();
            JsonNode entry = present.get(key);
            if (entry != null && "completed".equals(entry.path("status").asText())) continue;
            long size = e.get("size").asLong();
            String path = files + "/" + encode(key);
            if (entry != null
                    && "M".equals(entry.at("/transfer/type").asText())
                    && entry.at("/links/parts").isArray()) {
                uploadParts(sourceId, key, size, entry);
                multipart.incrementAndGet();
            } else {
                // InvenioRDM refuses a body of MAX_CONTENT_LENGTH bytes or more (measured on v14: 104857600 -> 413).
                long sent = Math.min(size, maxUpload - 1);
                if (sent < size) cap(sourceId, key, size);
                // Each attempt is a new request whose body is generated again from its start.
                expect(
                        call(() -> target.request(path + "/content")
                                .header("Content-Type", "application/octet-stream")
                                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () -> FileContent.open(sourceId, key, sent)),
                                        sent))
                                .build()),
                        200);
            }
            expect(json("POST", path + "/commit", null), 200);
        }
    }

    /** Every part to the URL the target gave it, each the file's bytes at its offset (a retry generates them again). */
    private void uploadParts(String sourceId, String key, long size, JsonNode entry)
            throws IOException, InterruptedException {
        long part = entry.at("/transfer/part_size").asLong();
        for (JsonNode p : entry.at("/links/parts")) {
            int n = p.path("part").asInt();
            String url = URI.create(p.path("url").asText()).getRawPath();
            long offset = (n - 1) * part;
            long length = Math.min(part, size - offset);
            expect(
                    call(() -> target.request(url)
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(
                                            () -> slice(FileContent.open(sourceId, key, size), offset, length)),
                                    length))
                            .build()),
                    200);
        }
    }

    /** Parts of at most 64 MiB and always under the body limit. */
    private long partSize() {
        return Math.min(maxUpload - 1, 64L << 20);
    }

    /** {@code length} bytes of {@code in} from {@code offset} (FileContent skips in O(1)). */
    static InputStream slice(InputStream in, long offset, long length) {
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new java.io.FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
    }

    private synchronized void cap(String source, String key, long size) throws IOException {
        capped.incrementAndGet();
        if (cappedOut == null) {
            boolean fresh = !Files.exists(cappedFile) || Files.size(cappedFile) == 0;
            cappedOut = Files.newBufferedWriter(
                    cappedFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fresh) cappedOut.write("source_id,key,size,uploaded_size\n");
        }
        cappedOut.write(source + "," + key + "," + size + "," + (maxUpload - 1) + "\n");
        cappedOut.flush();
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> json(String method, String path, String body)
            throws IOException, InterruptedException {
        return call(() -> {
            HttpRequest.Builder b = target.request(path).header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return b.build();
        });
    }

    /** One call, retried with a new request on a dropped connection, 429 or 5xx (after Retry-After when sent). */
    private HttpResponse<String> call(Supplier<HttpRequest> request) throws IOException, InterruptedException {
        return Retries.send(ATTEMPTS, () -> target.send(request.get()), why -> {
            retried.incrementAndGet();
            System.err.println("seed: " + request.get().method() + " "
                    + request.get().uri().getPath() + ": " + why + ", retrying");
        });
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

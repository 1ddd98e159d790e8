package rdmloadtest.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import rdmloadtest.cli.Command;
import rdmloadtest.cli.Progress;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;
import rdmloadtest.datagen.Draft;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.invenio.InvenioClient;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.InvenioTarget;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.run.RunMarker;

/**
 * Loads generated records into a real InvenioRDM over its REST API: per record create draft (or new version),
 * 3-step upload of each file ({@link FileUploads}), publish. Concurrent across parents, versions of one parent in
 * order. Made to finish: every call is retried ({@link InvenioClient}); a record that cannot be published has its
 * draft deleted.
 *
 * <p>Published exactly once, however it is killed: every record carries its identity on the target, the subject
 * {@code rdm-loadtest:seed:<source id>} (beside {@code rdm-loadtest:seed}, which cleanup's
 * {@code -Dcleanup.runId=seed} finds), from its first request. The progress file ({@link ProgressFile}) says which
 * source records an earlier run started and did not see published; a rerun first asks the target about each (its
 * draft id read as a published record and as a draft, then its identity searched among the depositor's drafts and
 * records, and a new version's draft in its parent) and adopts what it finds instead of creating it again.
 *
 * <pre>
 * INVENIO_TOKEN=... mvn -q exec:java@seed -Dinvenio.baseUrl=https://127.0.0.1:5000 -Dinvenio.insecureTls=true
 *     [-Dseed.data=data/default] [-Dseed.concurrency=4] [-Dseed.limit=N] [-Dseed.progressFile=FILE]
 *     [-Dinvenio.allowWrites=true]
 * </pre>
 *
 * Writes only to a loopback target unless {@code -Dinvenio.allowWrites=true}. Records are owned by the token's
 * user; community membership is not seeded.
 */
public final class SeedMain {
    /** The subject every seeded record carries: {@code cleanup -Dcleanup.published=true -Dcleanup.runId=seed}. */
    public static final String MARKER = RunMarker.of("seed");
    /** The search index's refresh (1 s in InvenioRDM): what an earlier run created shows in search after it. */
    private static final Duration INDEX_REFRESH = Duration.ofMillis(1200);

    private final InvenioClient client;
    private final ProgressFile progress;
    private final FileUploads uploads;
    private final Transition.Listener listener;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final AtomicLong adopted = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    /** Whether a create was retried or a discard failed: drafts may be left to sweep at the end. */
    private volatile boolean leftDrafts;
    /** Source records this run created a draft for: at the end none of them may be left a draft. */
    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    private volatile boolean indexRefreshed;
    /** The error a worker died of: no more records are started. */
    private volatile Error stopped;

    SeedMain(InvenioClient client, ProgressFile progress, long maxUpload, Transition.Listener listener) {
        this.client = client.retrying(InvenioClient.Retry.PATIENT, why -> {
            retried.incrementAndGet();
            // A create sent again may have reached the target the first time too: a draft to sweep at the end.
            if (why.matches("POST /api/records(/[^/]+/versions)?: .*")) leftDrafts = true;
            System.err.println("seed: " + why + ", retrying");
        });
        this.progress = progress;
        this.listener = listener;
        Path file = progress.path;
        this.uploads = new FileUploads(
                this.client,
                maxUpload,
                file.resolveSibling(file.getFileName().toString().replaceFirst("\\.csv$", "") + "-capped.csv"),
                listener);
    }

    public static void main(String[] args) {
        Command.main("seed", s -> run(s, Environment.get(InvenioTarget.TOKEN_VARIABLE)));
    }

    static int run(Settings s, String token) throws IOException {
        return run(s, token, Transition.Listener.NONE);
    }

    static int run(Settings s, String token, Transition.Listener listener) throws IOException {
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
        // Read now, so a bad value stops the command before the progress file is created.
        int concurrency = s.get(SeedKeys.CONCURRENCY);
        long limit = s.get(SeedKeys.LIMIT);
        Path data = Path.of(s.get(SeedKeys.DATA));
        Folders.existingFile(SeedKeys.DATA.name(), data.resolve("records.jsonl"), "a data set's records.jsonl");
        // Every record is read now: a broken line 30 must stop the seeding before the first record is published.
        try (JsonLines all = new JsonLines(data.resolve("records.jsonl"))) {
            while (all.hasNext()) all.next();
        }
        String host = target.baseUrl.getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "_" + target.baseUrl.getPort();
        Path progress = s.find(SeedKeys.PROGRESS).map(Path::of).orElse(data.resolve("seed-progress-" + host + ".csv"));
        Folders.writable(SeedKeys.PROGRESS.name(), progress.toAbsolutePath().getParent());
        System.out.println("seed: target: "
                + Preflight.of(
                        s,
                        target.baseUrl,
                        s.get(InvenioKeys.INVENIO_VERSION),
                        InvenioTarget.TOKEN_VARIABLE,
                        List.of(token)));
        try (ProgressFile file = new ProgressFile(progress)) {
            return new SeedMain(target.client(), file, s.get(InvenioKeys.MAX_UPLOAD), listener)
                    .seed(data.resolve("records.jsonl"), concurrency, limit);
        }
    }

    /** The identity of a source record on the target: the subject a resume searches for. */
    static String identity(String sourceId) {
        return MARKER + ":" + sourceId;
    }

    /** The deposit payload of a generated record, with the seed's marker and the record's identity as subjects. */
    static ObjectNode payload(JsonNode record) {
        ObjectNode payload = Draft.payload(record);
        ArrayNode subjects = payload.withObject("metadata").withArray("subjects");
        subjects.addObject().put("subject", MARKER);
        subjects.addObject().put("subject", identity(record.get("id").asText()));
        return payload;
    }

    private int seed(Path records, int concurrency, long limit) throws IOException {
        long total = Math.min(limit, countLines(records));
        long already = progress.done.size();
        System.out.printf(
                "seed: %d records of %s -> %s: %d already published, %d started and not seen published (%s),"
                        + " concurrency %d, files of %d bytes or more (invenio.maxUploadSize) in parts, or capped if"
                        + " the target has no multipart transfer%n",
                total,
                records,
                client.site(),
                already,
                progress.started.size(),
                progress.path,
                concurrency,
                uploads.cappedTo() + 1);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency * 2);
        Progress bar = Progress.start("seed", "records", total, () -> progress.done.size() + failed.get(), already);
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
                if (next != null) versions.add(next);
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        if (stopped == null) seedVersions(group);
                    } catch (Error e) {
                        stopped = e;
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(365, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bar.close();
            uploads.close();
        }
        // A worker that died (out of memory...) stops the seeding as a crash would: a rerun resumes it.
        if (stopped != null) throw stopped;
        try {
            sweepLeftDrafts();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf(
                "seed: done: %d published (%d of them from a resumed draft), %d found already published on the target"
                        + " (a run killed before writing it), %d failed (their drafts deleted: %d), %d skipped as"
                        + " already done, %d file(s) sent in parts (multipart), %d file(s) capped to %d bytes%s,"
                        + " %d call(s) retried, %.1f s%n",
                published.get(),
                resumed.get(),
                adopted.get(),
                failed.get(),
                deleted.get(),
                already,
                uploads.multipart.get(),
                uploads.capped.get(),
                uploads.cappedTo(),
                uploads.capped.get() > 0 ? " (listed in " + uploads.cappedFile + ")" : "",
                retried.get(),
                bar.seconds());
        // Records the target refused are a failure of the command, not of its input: 4, as the README's table says.
        return failed.get() == 0 ? Command.OK : Command.FAILED;
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    private static boolean sameParent(JsonNode a, JsonNode b) {
        return a.at("/parent/id").asText().equals(b.at("/parent/id").asText());
    }

    /** The versions of one parent, in order: the first as a new draft, the others as new versions of the previous. */
    private void seedVersions(List<JsonNode> versions) {
        String previous = null;
        for (JsonNode record : versions) {
            String source = record.get("id").asText();
            String known = progress.done.get(source);
            if (known != null) {
                previous = known;
                continue;
            }
            try {
                previous = seedOne(record, previous);
                progress.remember(source, previous, ProgressFile.PUBLISHED);
                progress.done.put(source, previous);
                listener.reached(Transition.PUBLISHED_WRITTEN, source);
            } catch (IOException | InterruptedException | RuntimeException e) {
                failed.incrementAndGet();
                System.err.println("seed: record " + source + " failed: " + e.getMessage());
                return;
            }
        }
    }

    /** One source record published; the id of its record on the target. */
    private String seedOne(JsonNode record, String previousVersion) throws IOException, InterruptedException {
        String source = record.get("id").asText();
        ObjectNode payload = payload(record);
        Found found = progress.started.containsKey(source) ? find(record, previousVersion) : null;
        if (found != null && found.published) {
            adopted.incrementAndGet();
            System.out.println("seed: record " + source + ": already published as " + found.id
                    + " by a run killed before it wrote so");
            return found.id;
        }
        String id;
        touched.add(source);
        if (found != null) {
            id = found.id;
            resumed.incrementAndGet();
            System.out.println("seed: record " + source + ": resuming draft " + id);
            if (progress.draftOf(source).filter(id::equals).isEmpty())
                progress.remember(source, id, ProgressFile.DRAFT);
            client.updateDraft(id, payload);
            listener.reached(Transition.DRAFT_UPDATED, source);
        } else {
            progress.remember(source, "-", ProgressFile.CREATING);
            listener.reached(Transition.CREATING_WRITTEN, source);
            if (previousVersion == null) {
                id = client.createDraft(payload);
                listener.reached(Transition.DRAFT_CREATED, source);
            } else {
                id = client.newVersion(previousVersion);
                listener.reached(Transition.NEW_VERSION_CREATED, source);
            }
            progress.remember(source, id, ProgressFile.DRAFT);
            listener.reached(Transition.DRAFT_WRITTEN, source);
            if (previousVersion != null) {
                client.updateDraft(id, payload);
                listener.reached(Transition.DRAFT_UPDATED, source);
            }
        }
        try {
            uploads.upload(record, id);
            client.publish(id);
            published.incrementAndGet();
            listener.reached(Transition.PUBLISHED, source);
            return id;
        } catch (IOException | RuntimeException e) {
            // A publish whose answer was lost may have gone through: a published record is never discarded.
            if (publishedAs(id)) {
                adopted.incrementAndGet();
                return id;
            }
            discard(source, id);
            throw e;
        }
    }

    /** What the target holds of a source record an earlier run started; null when it holds nothing. */
    private record Found(String id, boolean published) {}

    private Found find(JsonNode record, String previousVersion) throws IOException, InterruptedException {
        String source = record.get("id").asText();
        Optional<String> draftId = progress.draftOf(source);
        if (draftId.isPresent()) {
            // Its draft id is known: published (the line never written) or still a draft.
            if (client.record(draftId.get()).isPresent()) return new Found(draftId.get(), true);
            if (client.draft(draftId.get()).isPresent()) return new Found(draftId.get(), false);
        }
        awaitIndexRefresh();
        String identity = identity(source);
        for (JsonNode hit : client.searchOwn(InvenioClient.subjectQuery(identity))) {
            if (InvenioClient.hasSubject(hit, identity)
                    && hit.path("is_published").asBoolean())
                return new Found(hit.path("id").asText(), true);
        }
        for (JsonNode hit : client.searchRecords(InvenioClient.subjectQuery(identity))) {
            if (InvenioClient.hasSubject(hit, identity))
                return new Found(hit.path("id").asText(), true);
        }
        for (JsonNode hit : client.searchOwn(InvenioClient.subjectQuery(identity) + " AND is_published:false")) {
            if (InvenioClient.hasSubject(hit, identity)) return found(source, hit);
        }
        if (previousVersion != null) {
            // A new version's draft holds the previous version's metadata until its update: found by its parent.
            String parent = client.record(previousVersion)
                    .map(r -> r.at("/parent/id").asText())
                    .orElse("");
            if (!parent.isEmpty()) {
                for (JsonNode hit : client.searchOwn("parent.id:" + parent + " AND is_published:false"))
                    return found(source, hit);
            }
        }
        return null;
    }

    private static Found found(String source, JsonNode draft) {
        System.out.println(
                "seed: record " + source + ": found draft " + draft.path("id").asText() + " a killed run created");
        return new Found(draft.path("id").asText(), false);
    }

    /** Once per run, before the first search: what the killed run created just before it died shows in search. */
    private void awaitIndexRefresh() throws InterruptedException {
        if (indexRefreshed || progress.lastWritten == null) return;
        synchronized (this) {
            long since = System.currentTimeMillis() - progress.lastWritten.toMillis();
            if (since < INDEX_REFRESH.toMillis()) Thread.sleep(INDEX_REFRESH.toMillis() - since);
            indexRefreshed = true;
        }
    }

    private boolean publishedAs(String id) {
        try {
            return client.record(id).isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes a draft that will not be published (idempotent: one already gone is fine). */
    private void discard(String source, String id) {
        try {
            client.deleteDraft(id);
            progress.remember(source, id, ProgressFile.DELETED);
            deleted.incrementAndGet();
        } catch (IOException e) {
            leftDrafts = true;
            System.err.println("seed: draft " + id + " of " + source + ": delete failed: " + e.getMessage()
                    + "; left on the target (a rerun resumes it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A create whose answer was lost and that was retried, or a discard that failed, can leave a draft of a source
     * record this run handled: none may remain. Found by their identity among the depositor's drafts.
     */
    private void sweepLeftDrafts() throws InterruptedException {
        if (!leftDrafts || touched.isEmpty()) return;
        Thread.sleep(INDEX_REFRESH.toMillis());
        try {
            for (JsonNode hit : client.searchOwn(InvenioClient.subjectQuery(MARKER) + " AND is_published:false")) {
                String id = hit.path("id").asText();
                for (JsonNode subject : hit.at("/metadata/subjects")) {
                    String s = subject.path("subject").asText();
                    if (s.startsWith(MARKER + ":") && touched.contains(s.substring(MARKER.length() + 1))) {
                        if (client.deleteDraft(id)) {
                            deleted.incrementAndGet();
                            System.out.println("seed: deleted draft " + id + " left by a retried call");
                        }
                        break;
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("seed: searching for drafts left behind: " + e.getMessage());
        }
    }
}

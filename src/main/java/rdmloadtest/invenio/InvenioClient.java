package rdmloadtest.invenio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one client of InvenioRDM's REST API for the commands (seed, harvest, cleanup, the draft ledger, the differential
 * check): drafts, the three-step and multipart uploads, searches, and the sweep of a run's marked drafts. Every call
 * goes through the one retry policy ({@link Retries}): a dropped connection, 429 or 5xx is sent again as a new request
 * (its whole body too), after the target's Retry-After when it sends one. Immutable: {@link #as} gives the same target
 * with another user's token.
 */
public final class InvenioClient {
    /** How many attempts a call gets, and the backoff between them. */
    public record Retry(int attempts, Duration first, Duration max) {
        /** A command made to finish: up to six attempts, a minute apart at most. */
        public static final Retry PATIENT = new Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
        /** A run that is ending: quick attempts; a target that stays down is reported rather than waited for. */
        public static final Retry BRIEF = new Retry(8, Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    /** What a sweep of marked drafts found, deleted, and could not delete (id and why). */
    public record Swept(List<String> found, int deleted, List<String> failed) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;
    /** Search serves the first 10 000 hits of a query. */
    private static final int WINDOW = 10_000;

    private final HttpClient http;
    private final String site;
    private final String authorization;
    private final Retry retry;
    private final Consumer<String> onRetry;
    private final Duration timeout;
    private final Pacer pacer;

    private InvenioClient(
            HttpClient http,
            String site,
            String authorization,
            Retry retry,
            Consumer<String> onRetry,
            Duration timeout,
            Pacer pacer) {
        this.http = http;
        this.site = site.replaceAll("/+$", "");
        this.authorization = authorization;
        this.retry = retry;
        this.onRetry = onRetry;
        this.timeout = timeout;
        this.pacer = pacer;
    }

    /**
     * @param authorization the Authorization header's value ("Bearer ..."), or null for anonymous calls
     */
    public static InvenioClient of(HttpClient http, String siteUrl, String authorization) {
        return new InvenioClient(http, siteUrl, authorization, Retry.PATIENT, why -> {}, Duration.ofMinutes(10), null);
    }

    /**
     * A client that sends each exchange once and follows no redirect, over HTTP/1.1: the differential check compares
     * exactly what the target answered.
     */
    public static InvenioClient verbatim(String siteUrl) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new InvenioClient(http, siteUrl, null, Retry.PATIENT, why -> {}, Duration.ofSeconds(60), null);
    }

    /** The same target as another user (an Authorization value, or null for anonymous). */
    public InvenioClient as(String authorization) {
        return new InvenioClient(http, site, authorization, retry, onRetry, timeout, pacer);
    }

    /** The same target with another retry policy; {@code onRetry} hears "METHOD path: why" before each new attempt. */
    public InvenioClient retrying(Retry retry, Consumer<String> onRetry) {
        return new InvenioClient(http, site, authorization, retry, onRetry, timeout, pacer);
    }

    /** The same target, each request (each attempt too) sent no sooner than {@code perSecond} allows after the last. */
    public InvenioClient paced(double perSecond) {
        return new InvenioClient(http, site, authorization, retry, onRetry, timeout, new Pacer(perSecond));
    }

    /** The same target with another per-request timeout. */
    public InvenioClient timeout(Duration timeout) {
        return new InvenioClient(http, site, authorization, retry, onRetry, timeout, pacer);
    }

    public String site() {
        return site;
    }

    // ---- drafts and records

    /** {@code POST /api/records}: a new draft; its id. */
    public String createDraft(JsonNode payload) throws IOException, InterruptedException {
        return expect(json("POST", "/api/records", payload), 201).path("id").asText();
    }

    /** {@code GET /api/records/{id}/draft}; empty when there is no such draft (never created, deleted or published). */
    public Optional<JsonNode> draft(String id) throws IOException, InterruptedException {
        return found(json("GET", "/api/records/" + id + "/draft", null));
    }

    /** {@code GET /api/records/{id}}: the published record; empty when none is published under that id. */
    public Optional<JsonNode> record(String id) throws IOException, InterruptedException {
        return found(json("GET", "/api/records/" + id, null));
    }

    /** {@code PUT /api/records/{id}/draft}. */
    public JsonNode updateDraft(String id, JsonNode payload) throws IOException, InterruptedException {
        return expect(json("PUT", "/api/records/" + id + "/draft", payload), 200);
    }

    /** {@code POST /api/records/{id}/versions}: a new version's draft of a published record; its id. */
    public String newVersion(String recordId) throws IOException, InterruptedException {
        return expect(json("POST", "/api/records/" + recordId + "/versions", null), 201)
                .path("id")
                .asText();
    }

    /** {@code POST /api/records/{id}/draft/actions/publish}. */
    public JsonNode publish(String id) throws IOException, InterruptedException {
        return expect(json("POST", "/api/records/" + id + "/draft/actions/publish", null), 202);
    }

    /** {@code DELETE /api/records/{id}/draft}: true when deleted, false when it was already gone. */
    public boolean deleteDraft(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = json("DELETE", "/api/records/" + id + "/draft", null);
        if (r.statusCode() == 204) return true;
        if (r.statusCode() == 404) return false;
        throw new UnexpectedAnswer(r, 204);
    }

    /**
     * {@code DELETE /api/records/{id}/delete} (an administrator's): a hidden tombstone with the removal reason; true
     * when deleted, false when it was already gone.
     */
    public boolean deleteRecord(String id, String removalReason, String note) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("removal_reason").put("id", removalReason);
        body.put("note", note);
        body.put("is_visible", false);
        HttpResponse<String> r = json("DELETE", "/api/records/" + id + "/delete", body);
        if (r.statusCode() == 204) return true;
        if (r.statusCode() == 404 || r.statusCode() == 410) return false;
        throw new UnexpectedAnswer(r, 204);
    }

    // ---- a draft's files: init, content (whole or in parts), commit

    /** {@code GET /api/records/{id}/draft/files}: the entries the draft holds. */
    public JsonNode draftFiles(String id) throws IOException, InterruptedException {
        return expect(json("GET", filesOf(id), null), 200).path("entries");
    }

    /**
     * {@code POST /api/records/{id}/draft/files}: initialises the entries ({key}, or with a multipart transfer); the
     * entries as the target answers them (a multipart one with its parts' links).
     */
    public JsonNode initFiles(String id, ArrayNode entries) throws IOException, InterruptedException {
        return expect(json("POST", filesOf(id), entries), 201).path("entries");
    }

    /** {@code PUT .../files/{key}/content}; each attempt sends the bytes {@code content} opens again from the start. */
    public void uploadContent(String id, String key, long length, Supplier<InputStream> content)
            throws IOException, InterruptedException {
        expect(octets(filesOf(id) + "/" + encode(key) + "/content", length, content), 200);
    }

    /** One part of a multipart transfer, to the link the target gave it (sent to this client's site). */
    public void uploadPart(String partLink, long length, Supplier<InputStream> content)
            throws IOException, InterruptedException {
        URI link = URI.create(partLink);
        String path = link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
        expect(octets(path, length, content), 200);
    }

    /** {@code POST .../files/{key}/commit}. */
    public void commitFile(String id, String key) throws IOException, InterruptedException {
        expect(json("POST", filesOf(id) + "/" + encode(key) + "/commit", null), 200);
    }

    // ---- searches

    /** GET of a path with its query, expecting 200 with JSON. */
    public JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        return expect(json("GET", pathAndQuery, null), 200);
    }

    /** Every hit of {@code q} in the published records ({@code /api/records}), every version, newest first. */
    public List<JsonNode> searchRecords(String q) throws IOException, InterruptedException {
        return searchAll("/api/records", q);
    }

    /** Every hit of {@code q} in this user's records and drafts ({@code /api/user/records}), every version. */
    public List<JsonNode> searchOwn(String q) throws IOException, InterruptedException {
        return searchAll("/api/user/records", q);
    }

    private List<JsonNode> searchAll(String endpoint, String q) throws IOException, InterruptedException {
        List<JsonNode> hits = new ArrayList<>();
        for (int page = 1; page * PAGE <= WINDOW; page++) {
            JsonNode list = getJson(endpoint + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                            + "&allversions=true&sort=newest&size=" + PAGE + "&page=" + page)
                    .at("/hits/hits");
            list.forEach(hits::add);
            if (list.size() < PAGE) break;
        }
        return hits;
    }

    /**
     * This user's drafts whose subjects hold {@code marker} as a whole subject (new drafts and edits of published
     * records), found by search and each deleted when {@code delete}. A draft already gone counts as deleted.
     */
    public Swept sweepDrafts(String marker, boolean delete) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int deleted = 0;
        String q = subjectQuery(marker) + " AND (is_published:false OR has_draft:true)";
        for (JsonNode hit : searchOwn(q)) {
            if (!hasSubject(hit, marker)) continue;
            String id = hit.path("id").asText();
            found.add(id);
            if (!delete) continue;
            try {
                deleteDraft(id);
                deleted++;
            } catch (UnexpectedAnswer e) {
                failed.add(id + " (HTTP " + e.status() + ")");
            }
        }
        return new Swept(found, deleted, failed);
    }

    /** The published records (every version) whose subjects hold {@code marker} as a whole subject. */
    public List<String> markedRecords(String marker) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : searchRecords(subjectQuery(marker)))
            if (hasSubject(hit, marker)) ids.add(hit.path("id").asText());
        return ids;
    }

    /** A query for records with this subject; a phrase may also match a longer subject, so check {@link #hasSubject}. */
    public static String subjectQuery(String subject) {
        return "metadata.subjects.subject:\"" + subject + "\"";
    }

    /** Whether a record or draft carries {@code subject} as one of its subjects, whole. */
    public static boolean hasSubject(JsonNode record, String subject) {
        for (JsonNode s : record.at("/metadata/subjects"))
            if (subject.equals(s.path("subject").asText())) return true;
        return false;
    }

    // ---- one exchange as is

    /**
     * One request as given, sent once, its answer as bytes: what the differential check compares. Headers are set as
     * given (an Authorization among them, or this client's).
     */
    public HttpResponse<byte[]> exchange(
            String method, String pathAndQuery, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(pathAndQuery).method(method, body);
        headers.forEach(b::setHeader);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- transport

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site + pathAndQuery))
                .timeout(timeout)
                .header("User-Agent", "rdm-loadtest");
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    private HttpResponse<String> json(String method, String pathAndQuery, JsonNode body)
            throws IOException, InterruptedException {
        String text = body == null ? null : JSON.writeValueAsString(body);
        return send(method, pathAndQuery, () -> {
            HttpRequest.Builder b = request(pathAndQuery).header("Accept", "application/json");
            if (text == null) return b.method(method, HttpRequest.BodyPublishers.noBody());
            return b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        });
    }

    private HttpResponse<String> octets(String path, long length, Supplier<InputStream> content)
            throws IOException, InterruptedException {
        return send(
                "PUT",
                path,
                () -> request(path)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(content), length)));
    }

    /** One call under the retry policy; each attempt a new request (its body generated again from its start). */
    private HttpResponse<String> send(String method, String path, Supplier<HttpRequest.Builder> request)
            throws IOException, InterruptedException {
        return Retries.send(
                retry.attempts(),
                retry.first(),
                retry.max(),
                () -> {
                    if (pacer != null) pacer.await();
                    return http.send(request.get().build(), HttpResponse.BodyHandlers.ofString());
                },
                why -> onRetry.accept(method + " " + path + ": " + why));
    }

    private static Optional<JsonNode> found(HttpResponse<String> r) throws IOException {
        if (r.statusCode() == 404 || r.statusCode() == 410) return Optional.empty();
        return Optional.of(expect(r, 200));
    }

    private static JsonNode expect(HttpResponse<String> r, int status) throws IOException {
        if (r.statusCode() != status) throw new UnexpectedAnswer(r, status);
        String body = r.body();
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static String filesOf(String id) {
        return "/api/records/" + id + "/draft/files";
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** At most one request per interval (a polite harvester), across threads. */
    private static final class Pacer {
        private final long intervalNanos;
        private long last;

        Pacer(double perSecond) {
            this.intervalNanos = (long) (1e9 / perSecond);
        }

        synchronized void await() throws InterruptedException {
            long wait = last + intervalNanos - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            last = System.nanoTime();
        }
    }
}

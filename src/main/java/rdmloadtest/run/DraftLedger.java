package rdmloadtest.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rdmloadtest.invenio.Retries;

/**
 * Every draft a run created and has not published or discarded. At the end of the run (also after a
 * failure midway, or an interrupt via a shutdown hook) each one is deleted, so a run leaves no drafts.
 */
public final class DraftLedger {
    // The run is ending: retry drafts quickly, a target that stays down is reported rather than waited for.
    private static final Duration LEDGER_FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration LEDGER_MAX_WAIT = Duration.ofSeconds(2);
    private final String siteUrl;
    private final LedgerFile file;
    private final List<String> bearers;
    private final Map<String, String> open = new ConcurrentHashMap<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Thread hook = new Thread(this::cleanUp, "rdm-loadtest-draft-cleanup");
    private final String marker;
    private volatile boolean wrote;

    /**
     * @param file where the ledger is also written as the run goes (null: memory only, e.g. the embedded simulator,
     *     whose drafts end with the run's JVM)
     * @param bearers the Authorization values of the target's tokens in INVENIO_TOKENS order (the file names a
     *     depositor by position)
     */
    public DraftLedger(String siteUrl, LedgerFile file, List<String> bearers) {
        this(siteUrl, file, bearers, null);
    }

    /**
     * @param marker the run's marker subject, which every draft it creates carries from its first request: at the
     *     end, the depositors' drafts with it are deleted too (a create whose answer the run never saw leaves one the
     *     ledger cannot name); null: the ledger only
     */
    public DraftLedger(String siteUrl, LedgerFile file, List<String> bearers, String marker) {
        this.marker = marker;
        this.siteUrl = siteUrl;
        this.file = file;
        this.bearers = List.copyOf(bearers);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Remembers a draft with the Authorization value that may delete it. */
    public void opened(String draftId, String authorization) {
        wrote = true;
        open.put(draftId, authorization);
        if (file != null) file.opened(draftId, bearers.indexOf(authorization));
    }

    public void closed(String draftId) {
        open.remove(draftId);
        if (file != null) file.closed(draftId);
    }

    public int openDrafts() {
        return open.size();
    }

    /** Deletes what is left; returns how many drafts it deleted. */
    public synchronized int cleanUp() {
        int deleted = 0;
        for (var e : Map.copyOf(open).entrySet()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(siteUrl + "/api/records/" + e.getKey() + "/draft"))
                    .header("Authorization", e.getValue())
                    .timeout(Duration.ofSeconds(30))
                    .DELETE()
                    .build();
            String problem = "";
            // A target under load may answer 429, 5xx or drop a connection: retried, after its Retry-After if it sends
            // one.
            try {
                int status = Retries.send(
                                8,
                                LEDGER_FIRST_WAIT,
                                LEDGER_MAX_WAIT,
                                () -> client.send(req, HttpResponse.BodyHandlers.discarding()),
                                why -> {})
                        .statusCode();
                if (status == 204 || status == 404) {
                    closed(e.getKey());
                    if (status == 204) deleted++;
                } else {
                    problem = "HTTP " + status;
                }
            } catch (IOException ex) {
                problem = ex.toString();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return deleted;
            }
            if (open.containsKey(e.getKey())) {
                System.err.println("rdm-loadtest: could not delete draft " + e.getKey() + " (" + problem + ")");
            }
        }
        if (marker != null && wrote) deleted += sweep();
        if (deleted > 0)
            System.out.println("rdm-loadtest: deleted " + deleted + " unpublished draft(s) left by the run");
        return deleted;
    }

    /** The depositors' drafts that carry the run's marker and that the ledger did not name. */
    private int sweep() {
        int deleted = 0;
        try {
            Thread.sleep(1200); // the search index's refresh (1 s in InvenioRDM): the last drafts must be visible
            String q = RunMarker.drafts(marker);
            for (String bearer : bearers) {
                HttpRequest search = HttpRequest.newBuilder(
                                URI.create(siteUrl + "/api/user/records?q=" + q + "&size=100"))
                        .header("Authorization", bearer)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .build();
                HttpResponse<String> r = Retries.send(
                        8,
                        LEDGER_FIRST_WAIT,
                        LEDGER_MAX_WAIT,
                        () -> client.send(search, HttpResponse.BodyHandlers.ofString()),
                        why -> {});
                if (r.statusCode() != 200) {
                    System.err.println("rdm-loadtest: searching the run's drafts: HTTP " + r.statusCode());
                    continue;
                }
                for (var h : new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.body())
                        .at("/hits/hits")) {
                    String id = h.path("id").asText();
                    HttpRequest del = HttpRequest.newBuilder(URI.create(siteUrl + "/api/records/" + id + "/draft"))
                            .header("Authorization", bearer)
                            .timeout(Duration.ofSeconds(30))
                            .DELETE()
                            .build();
                    int status = Retries.send(
                                    8,
                                    LEDGER_FIRST_WAIT,
                                    LEDGER_MAX_WAIT,
                                    () -> client.send(del, HttpResponse.BodyHandlers.discarding()),
                                    why -> {})
                            .statusCode();
                    if (status == 204) deleted++;
                    else if (status != 404)
                        System.err.println("rdm-loadtest: could not delete draft " + id + " (HTTP " + status + ")");
                }
            }
        } catch (IOException e) {
            System.err.println("rdm-loadtest: searching the run's drafts: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return deleted;
    }

    /** After the normal clean-up the shutdown hook has nothing left to do. */
    public void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down and runs the hook
        }
    }
}

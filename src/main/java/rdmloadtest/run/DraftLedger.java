package rdmloadtest.run;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rdmloadtest.invenio.InvenioClient;
import rdmloadtest.invenio.UnexpectedAnswer;

/**
 * Every draft a run created and has not published or discarded. At the end of the run (also after a
 * failure midway, or an interrupt via a shutdown hook) each one is deleted, so a run leaves no drafts.
 */
public final class DraftLedger {
    private final LedgerFile file;
    private final List<String> bearers;
    private final Map<String, String> open = new ConcurrentHashMap<>();
    /** The run is ending: quick retries, a target that stays down is reported rather than waited for. */
    private final InvenioClient client;

    private final Thread hook = new Thread(this::cleanUp, "rdm-loadtest-draft-cleanup");
    private final String marker;
    private volatile boolean wrote;

    /**
     * @param http the target's client (InvenioHttp.client: it honours invenio.insecureTls as the run's other calls do)
     * @param file where the ledger is also written as the run goes (null: memory only, e.g. the embedded simulator,
     *     whose drafts end with the run's JVM)
     * @param bearers the Authorization values of the target's tokens in INVENIO_TOKENS order (the file names a
     *     depositor by position)
     * @param marker the run's marker subject, which every draft it creates carries from its first request: at the
     *     end, the depositors' drafts with it are deleted too (a create whose answer the run never saw leaves one the
     *     ledger cannot name); null: the ledger only
     */
    public DraftLedger(HttpClient http, String siteUrl, LedgerFile file, List<String> bearers, String marker) {
        this.marker = marker;
        this.client = InvenioClient.of(http, siteUrl, null)
                .retrying(InvenioClient.Retry.BRIEF, why -> {})
                .timeout(Duration.ofSeconds(30));
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
        try {
            for (var e : Map.copyOf(open).entrySet()) {
                // A target under load may answer 429, 5xx or drop a connection: retried (the client's brief policy).
                try {
                    if (client.as(e.getValue()).deleteDraft(e.getKey())) deleted++;
                    closed(e.getKey());
                } catch (IOException ex) {
                    System.err.println("rdm-loadtest: could not delete draft " + e.getKey() + " ("
                            + (ex instanceof UnexpectedAnswer u ? "HTTP " + u.status() : ex.toString()) + ")");
                }
            }
            if (marker != null && wrote) deleted += sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return deleted;
        }
        if (deleted > 0)
            System.out.println("rdm-loadtest: deleted " + deleted + " unpublished draft(s) left by the run");
        return deleted;
    }

    /** The depositors' drafts that carry the run's marker and that the ledger did not name. */
    private int sweep() throws InterruptedException {
        Thread.sleep(1200); // the search index's refresh (1 s in InvenioRDM): the last drafts must be visible
        int deleted = 0;
        for (String bearer : bearers) {
            try {
                InvenioClient.Swept swept = client.as(bearer).sweepDrafts(marker, true);
                deleted += swept.deleted();
                for (String left : swept.failed()) System.err.println("rdm-loadtest: could not delete draft " + left);
            } catch (IOException e) {
                System.err.println("rdm-loadtest: searching the run's drafts: " + e);
            }
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

package rdmloadtest.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.invenio.InvenioHttp;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.Retries;

/**
 * {@code mvn -q exec:java@cleanup -Dinvenio.baseUrl=URL [-Dcleanup.apply=true]}: the drafts that runs against that
 * target opened and never closed (a run killed with kill -9, out of memory, an evicted pod), read from the draft
 * ledgers in run.ledgerDir; listed, and deleted with -Dcleanup.apply=true, each with its depositor's token from
 * INVENIO_TOKENS. Idempotent: a draft already gone (404) counts as cleaned, and every deletion is written back.
 */
public final class CleanupMain {
    private CleanupMain() {}

    public static void main(String[] args) {
        Command.main("cleanup", s -> run(s, System.getenv()));
    }

    /** @return the exit status: 0 when nothing is left open, 4 when a draft could not be deleted */
    static int run(Settings s, Map<String, String> env) throws IOException, InterruptedException {
        URI site = s.find(InvenioKeys.BASE_URL)
                .orElseThrow(() -> new ConfigException(InvenioKeys.BASE_URL.name()
                        + ": no value; expected the site whose drafts to clean up, e.g. https://127.0.0.1:5000"));
        Path dir = Path.of(s.get(RunKeys.LEDGER_DIR));
        List<LedgerFile.OpenDraft> open = LedgerFile.openDrafts(dir, site.toString());
        boolean apply = s.get(RunKeys.CLEANUP_APPLY);
        System.out.println("cleanup: " + open.size() + " open draft(s) of " + site + " in the ledgers of " + dir
                + (apply ? "" : " (listing only: -Dcleanup.apply=true deletes them)"));
        for (LedgerFile.OpenDraft d : open)
            System.out.println("  " + d.draftId() + " (" + d.ledger().getFileName() + ")");
        if (!apply || open.isEmpty()) return Command.OK;
        List<String> tokens = LoadTestConfig.environmentTokens(env);
        HttpClient http = InvenioHttp.client(s.get(InvenioKeys.INSECURE_TLS), site);
        int failed = 0;
        for (LedgerFile.OpenDraft d : open) {
            if (d.tokenIndex() < 0 || d.tokenIndex() >= tokens.size()) {
                throw new ConfigException("INVENIO_TOKENS: draft " + d.draftId() + " was opened with token "
                        + (d.tokenIndex() + 1) + ", but the environment holds " + tokens.size() + " token(s)");
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(site + "/api/records/" + d.draftId() + "/draft"))
                    .header("Authorization", "Bearer " + tokens.get(d.tokenIndex()))
                    .timeout(Duration.ofSeconds(30))
                    .DELETE()
                    .build();
            int status = Retries.send(
                            6,
                            () -> http.send(req, HttpResponse.BodyHandlers.discarding()),
                            why -> System.out.println("cleanup: " + d.draftId() + ": " + why + ", retrying"))
                    .statusCode();
            if (status == 204 || status == 404) {
                try (LedgerFile ledger = LedgerFile.reopen(d.ledger(), site.toString())) {
                    ledger.closed(d.draftId());
                }
                System.out.println("cleanup: " + d.draftId() + (status == 204 ? " deleted" : " already gone"));
            } else {
                failed++;
                System.out.println("cleanup: " + d.draftId() + ": HTTP " + status + ", left open");
            }
        }
        return failed == 0 ? Command.OK : Command.FAILED;
    }
}

package rdmloadtest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;
import rdmloadtest.invenio.InvenioHttp;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.invenio.Retries;

/**
 * {@code mvn -q exec:java@cleanup -Dinvenio.baseUrl=URL [-Dcleanup.apply=true]}: the drafts that runs against that
 * target opened and never closed (a run killed with kill -9, out of memory, an evicted pod), read from the draft
 * ledgers in run.ledgerDir; listed, and deleted with -Dcleanup.apply=true, each with its depositor's token from
 * INVENIO_TOKENS. Idempotent: a draft already gone (404) counts as cleaned, and every deletion is written back. With
 * -Dcleanup.published=true also the records the runs published (by their run marker), with INVENIO_ADMIN_TOKEN.
 */
public final class CleanupMain {
    /** Where an administrator's token comes from (never from a system property: it would show in ps). */
    public static final String ADMIN_TOKEN_VARIABLE = "INVENIO_ADMIN_TOKEN";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CleanupMain() {}

    public static void main(String[] args) {
        Command.main("cleanup", s -> run(s, Environment.all()));
    }

    /** @return the exit status: 0 when nothing is left open, 4 when a draft could not be deleted */
    static int run(Settings s, Map<String, String> env) throws IOException, InterruptedException {
        URI site = s.find(InvenioKeys.BASE_URL)
                .orElseThrow(() -> new ConfigException(InvenioKeys.BASE_URL.name()
                        + ": no value; expected the site whose drafts to clean up, e.g. https://127.0.0.1:5000"));
        Path dir = Folders.existing(
                RunKeys.LEDGER_DIR.name(),
                Path.of(s.get(RunKeys.LEDGER_DIR)),
                "the draft ledgers" + " the runs wrote (run.ledgerDir of the run)");
        List<String> tokens = s.get(RunKeys.CLEANUP_APPLY) ? LoadTestConfig.environmentTokens(env) : List.of();
        System.out.println("cleanup: target: "
                + Preflight.of(
                        s,
                        site,
                        s.get(InvenioKeys.INVENIO_VERSION),
                        env.containsKey("INVENIO_TOKENS") ? "INVENIO_TOKENS" : "INVENIO_TOKEN",
                        tokens));
        List<LedgerFile.OpenDraft> open = LedgerFile.openDrafts(dir, site.toString());
        boolean apply = s.get(RunKeys.CLEANUP_APPLY);
        System.out.println("cleanup: " + open.size() + " open draft(s) of " + site + " in the ledgers of " + dir
                + (apply ? "" : " (listing only: -Dcleanup.apply=true deletes them)"));
        for (LedgerFile.OpenDraft d : open)
            System.out.println("  " + d.draftId() + " (" + d.ledger().getFileName() + ")");
        HttpClient http = InvenioHttp.client(s.get(InvenioKeys.INSECURE_TLS), site);
        int failed = apply && !open.isEmpty() ? deleteDrafts(open, site, http, env) : 0;
        failed += unledgeredDrafts(s, site, dir, http, env, apply);
        if (s.get(RunKeys.CLEANUP_PUBLISHED)) failed += published(s, site, dir, http, env, apply);
        return failed == 0 ? Command.OK : Command.FAILED;
    }

    private static int deleteDrafts(List<LedgerFile.OpenDraft> open, URI site, HttpClient http, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> tokens = LoadTestConfig.environmentTokens(env);
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
        return failed;
    }

    /**
     * The records the runs published, found by their marker keyword (LoadTestConfig.marker) in a search with the
     * administrator's token, every version; listed, and with cleanup.apply deleted: a hidden tombstone with the
     * removal reason test-record. A record already deleted no longer shows in search, so a second pass finds none.
     *
     * @return how many could not be deleted
     */
    private static int published(
            Settings s, URI site, Path dir, HttpClient http, Map<String, String> env, boolean apply)
            throws IOException, InterruptedException {
        String admin = env.getOrDefault(ADMIN_TOKEN_VARIABLE, "").trim();
        if (admin.isEmpty())
            throw new ConfigException(ADMIN_TOKEN_VARIABLE + ": not set; " + RunKeys.CLEANUP_PUBLISHED.name()
                    + "=true deletes published records, which only an administrator may do: put an administrator's"
                    + " personal access token in " + ADMIN_TOKEN_VARIABLE);
        Set<String> runs = s.find(RunKeys.CLEANUP_RUN_ID).map(Set::of).orElse(LedgerFile.runIds(dir, site.toString()));
        int failed = 0;
        for (String run : runs) {
            String marker = RunMarker.of(run);
            List<String> ids = markedRecords(site, http, admin, marker);
            System.out.println("cleanup: " + ids.size() + " published record(s) of run " + run + " (subject " + marker
                    + ")" + (apply ? "" : " (listing only: -Dcleanup.apply=true deletes them)"));
            for (String id : ids) {
                if (!apply) {
                    System.out.println("  " + id);
                    continue;
                }
                ObjectNode body = JSON.createObjectNode();
                body.putObject("removal_reason").put("id", "test-record");
                body.put("note", "rdm-loadtest cleanup of load-test run " + run);
                body.put("is_visible", false);
                HttpRequest req = HttpRequest.newBuilder(URI.create(site + "/api/records/" + id + "/delete"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .method("DELETE", HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
                int status = Retries.send(
                                6,
                                () -> http.send(req, HttpResponse.BodyHandlers.discarding()),
                                why -> System.out.println("cleanup: " + id + ": " + why + ", retrying"))
                        .statusCode();
                if (status == 204 || status == 404 || status == 410) {
                    System.out.println("cleanup: record " + id + (status == 204 ? " deleted" : " already gone"));
                } else {
                    failed++;
                    System.out.println("cleanup: record " + id + ": HTTP " + status + ", not deleted");
                }
            }
        }
        return failed;
    }

    /**
     * Drafts no ledger names: a run killed after its create request reached the target and before the ledger line was
     * written leaves one. Every draft a run creates carries its marker subject from the first request, so each
     * depositor's own search finds them (never-published drafts and edits of published records).
     *
     * @return how many could not be deleted
     */
    private static int unledgeredDrafts(
            Settings s, URI site, Path dir, HttpClient http, Map<String, String> env, boolean apply)
            throws IOException, InterruptedException {
        List<String> tokens = LoadTestConfig.environmentTokens(env);
        Set<String> runs = s.find(RunKeys.CLEANUP_RUN_ID).map(Set::of).orElse(LedgerFile.runIds(dir, site.toString()));
        if (runs.isEmpty()) return 0;
        if (tokens.isEmpty()) {
            System.out.println("cleanup: INVENIO_TOKENS not set: drafts of " + runs.size()
                    + " run(s) that no ledger names cannot be searched for");
            return 0;
        }
        int failed = 0;
        for (String run : runs) {
            String marker = RunMarker.of(run);
            for (int t = 0; t < tokens.size(); t++) {
                String bearer = "Bearer " + tokens.get(t);
                String q = RunMarker.drafts(marker);
                HttpRequest search = HttpRequest.newBuilder(
                                URI.create(site + "/api/user/records?q=" + q + "&size=100&sort=newest"))
                        .header("Authorization", bearer)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .build();
                HttpResponse<String> r = Retries.send(
                        6,
                        () -> http.send(search, HttpResponse.BodyHandlers.ofString()),
                        why -> System.out.println("cleanup: search: " + why + ", retrying"));
                if (r.statusCode() != 200)
                    throw new IOException(
                            "cleanup: drafts search of depositor " + (t + 1) + " answered HTTP " + r.statusCode());
                for (JsonNode h : JSON.readTree(r.body()).at("/hits/hits")) {
                    String id = h.path("id").asText();
                    System.out.println("cleanup: draft " + id + " of run " + run + " (depositor " + (t + 1)
                            + ", found by its marker)" + (apply ? "" : ": -Dcleanup.apply=true deletes it"));
                    if (!apply) continue;
                    HttpRequest del = HttpRequest.newBuilder(URI.create(site + "/api/records/" + id + "/draft"))
                            .header("Authorization", bearer)
                            .timeout(Duration.ofSeconds(30))
                            .DELETE()
                            .build();
                    int status = Retries.send(
                                    6,
                                    () -> http.send(del, HttpResponse.BodyHandlers.discarding()),
                                    why -> System.out.println("cleanup: " + id + ": " + why + ", retrying"))
                            .statusCode();
                    if (status == 204 || status == 404) System.out.println("cleanup: " + id + " deleted");
                    else {
                        failed++;
                        System.out.println("cleanup: " + id + ": HTTP " + status + ", left");
                    }
                }
            }
        }
        return failed;
    }

    /** Every version of every record whose subjects hold the marker, as the administrator's search shows them. */
    private static List<String> markedRecords(URI site, HttpClient http, String admin, String marker)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String q = RunMarker.records(marker);
        for (int page = 1; page <= 100; page++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(
                            site + "/api/records?q=" + q + "&allversions=true&sort=newest&size=100&page=" + page))
                    .header("Authorization", "Bearer " + admin)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> r = Retries.send(
                    6,
                    () -> http.send(req, HttpResponse.BodyHandlers.ofString()),
                    why -> System.out.println("cleanup: search: " + why + ", retrying"));
            if (r.statusCode() != 200)
                throw new IOException("cleanup: search for " + marker + " answered HTTP " + r.statusCode());
            JsonNode hits = JSON.readTree(r.body()).at("/hits/hits");
            for (JsonNode h : hits) {
                // The marker is a whole subject: a phrase query could also match a longer run id.
                for (JsonNode subject : h.at("/metadata/subjects"))
                    if (marker.equals(subject.path("subject").asText())) {
                        ids.add(h.path("id").asText());
                        break;
                    }
            }
            if (hits.size() < 100) break;
        }
        return ids;
    }
}

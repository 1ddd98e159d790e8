package rdmloadtest.run;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.simulations.DepositSimulation;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * A deposit run killed with kill -9 midway leaves drafts on its target; its ledger on disk knows them, and cleanup
 * deletes every one of them (listing first, idempotent), checked through the API.
 */
class CleanupAfterKillTest {
    private static final List<String> TOKENS = List.of("rdm-loadtest-token-1", "rdm-loadtest-token-2");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void draftsOfAKilledRunAreFoundInItsLedgerAndDeleted(@TempDir Path tmp) throws Exception {
        Path ledgers = tmp.resolve("drafts");
        try (Simulator sim = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(Map.of()))))) {
            sim.start();
            String site = sim.siteUrl();
            Process run = depositRun(site, ledgers, tmp);
            List<LedgerFile.OpenDraft> open;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                // Killed once records are published and at least two drafts are open on the target itself (the ledger
                // alone is not enough: beside stress-ng both of its open drafts were once published just before the
                // kill, before their lines were written; a busy machine takes longer to get there).
                do {
                    Thread.sleep(200);
                    open = LedgerFile.openDrafts(ledgers, site);
                } while ((open.size() < 2 || marked(site) < 2 || stillThere(site, open) < 2)
                        && run.isAlive()
                        && System.nanoTime() < deadline);
            } finally {
                run.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up of its own
                run.waitFor(30, TimeUnit.SECONDS);
            }
            // As an operator's cleanup comes after a crash: once the search index has refreshed (1 s, as OpenSearch's),
            // so that drafts created just before the kill are found by the run's marker too.
            Thread.sleep(1500);
            open = LedgerFile.openDrafts(ledgers, site);
            assertFalse(
                    open.isEmpty(),
                    "the killed run's ledger lists no open draft: " + Files.readString(tmp.resolve("run.out")));
            long leftBefore = stillThere(site, open);
            assertTrue(leftBefore >= 1, "the kill left no draft on the target");

            Settings listOnly = new Settings(
                    ConfigSource.ofMap(Map.of("invenio.baseUrl", site, "run.ledgerDir", ledgers.toString())));
            assertEquals(0, CleanupMain.run(listOnly, env()));
            assertEquals(leftBefore, stillThere(site, open), "listing must not delete");

            Settings apply = new Settings(ConfigSource.ofMap(
                    Map.of("invenio.baseUrl", site, "run.ledgerDir", ledgers.toString(), "cleanup.apply", "true")));
            assertEquals(0, CleanupMain.run(apply, env()));
            assertEquals(0, stillThere(site, open), "drafts left after cleanup");
            Thread.sleep(1500); // the search index's refresh
            assertEquals(0, draftsOfTheRun(site), "drafts of the run (found by its marker) left after cleanup");
            assertEquals(List.of(), LedgerFile.openDrafts(ledgers, site));
            assertEquals(0, CleanupMain.run(apply, env()), "a second cleanup finds nothing to do");

            // The records the killed run published, by its marker, with the administrator's token; after the search
            // index's refresh (simulator.refreshDelay, 1 s, as OpenSearch's), so the last ones published are seen too.
            Thread.sleep(1500);
            long published = marked(site);
            assertTrue(published >= 1, "the killed run published nothing");
            Settings records = new Settings(ConfigSource.ofMap(Map.of(
                    "invenio.baseUrl",
                    site,
                    "run.ledgerDir",
                    ledgers.toString(),
                    "cleanup.apply",
                    "true",
                    "cleanup.published",
                    "true")));
            assertThrows(rdmloadtest.config.ConfigException.class, () -> CleanupMain.run(records, env()));
            Map<String, String> withAdmin = new HashMap<>(env());
            withAdmin.put(CleanupMain.ADMIN_TOKEN_VARIABLE, "rdm-loadtest-admin");
            assertEquals(0, CleanupMain.run(records, withAdmin));
            Thread.sleep(1500);
            assertEquals(0, marked(site), "published records of the run left after cleanup");
            assertEquals(0, CleanupMain.run(records, withAdmin), "a second cleanup finds nothing to do");
            for (Path f : Files.list(ledgers).toList()) {
                for (String token : TOKENS) assertFalse(Files.readString(f).contains(token), "a token in the ledger");
            }
        }
    }

    private static Map<String, String> env() {
        return Map.of("INVENIO_TOKENS", String.join(",", TOKENS));
    }

    /** A deposit run against the target in a JVM of its own, with the tokens in its environment. */
    private static Process depositRun(String site, Path ledgers, Path tmp) throws Exception {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dinvenio.baseUrl=" + site,
                "-Dinvenio.allowWrites=true",
                "-Drun.ledgerDir=" + ledgers,
                "-Drun.id=killed",
                "-Dprofile=load",
                "-Drun.duration=60s",
                "-Dtraffic.depositors=4",
                "-Dtraffic.depositors.pause=0s",
                "-Dslo.enforce=false",
                "-Dhistory.record=false",
                "-Dbaseline.runs=0",
                "-Dslo.resultsFolder=" + tmp.resolve("gatling"),
                GatlingLauncher.MAIN,
                "--simulation",
                DepositSimulation.class.getName(),
                "--results-folder",
                tmp.resolve("gatling").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("run.out").toFile());
        pb.environment().put("INVENIO_TOKENS", String.join(",", TOKENS));
        return pb.start();
    }

    /** Records (every version) whose subjects hold the killed run's marker, as the administrator's search finds them. */
    private static long marked(String site) throws Exception {
        String q = URLEncoder.encode("metadata.subjects.subject:\"rdm-loadtest:killed\"", StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(site + "/api/records?q=" + q + "&allversions=true&size=1"))
                .header("Authorization", "Bearer rdm-loadtest-admin")
                .build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).at("/hits/total").asLong();
    }

    /** Every draft of the killed run either depositor still has, by the run's marker (ledgered or not). */
    private static long draftsOfTheRun(String site) throws Exception {
        String q = URLEncoder.encode(
                "metadata.subjects.subject:\"rdm-loadtest:killed\" AND (is_published:false OR has_draft:true)",
                StandardCharsets.UTF_8);
        long n = 0;
        for (String token : TOKENS) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(site + "/api/user/records?q=" + q + "&size=1"))
                    .header("Authorization", "Bearer " + token)
                    .build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            n += new ObjectMapper().readTree(r.body()).at("/hits/total").asLong();
        }
        return n;
    }

    /** Of the drafts the ledger lists, those the target still has (GET /api/records/{id}/draft by their owner). */
    private static long stillThere(String site, List<LedgerFile.OpenDraft> drafts) throws Exception {
        long n = 0;
        for (LedgerFile.OpenDraft d : drafts) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(site + "/api/records/" + d.draftId() + "/draft"))
                    .header("Authorization", "Bearer " + TOKENS.get(d.tokenIndex()))
                    .build();
            if (HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) n++;
        }
        return n;
    }
}

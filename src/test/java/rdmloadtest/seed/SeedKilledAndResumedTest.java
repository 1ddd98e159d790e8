package rdmloadtest.seed;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.datagen.DatagenSettings;
import rdmloadtest.datagen.Generator;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.invenio.InvenioClient;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * A seeding stopped dead at each of its transitions (nothing more sent, nothing more written: what kill -9 leaves), of
 * a first version and of a new version, then stopped again at the first transition of its resume, then resumed to the
 * end: every source record is published exactly once on the target, no draft is left, and nothing else was created.
 */
class SeedKilledAndResumedTest {
    private static final String TOKEN = "rdm-loadtest-token-1";
    private static final AtomicInteger CASE = new AtomicInteger();

    @TempDir
    static Path dir;

    private static Simulator simulator;
    private static InvenioClient client;

    /** What a kill -9 does to the seeder: it stops where it is, in every thread. */
    static final class Killed extends Error {
        Killed(Transition at, String source) {
            super("killed after " + at + " of " + source, null, false, false);
        }
    }

    /** Kills the seeder at the first transition {@code at} of a source record {@code of} accepts (any: null). */
    private static final class KillAt implements Transition.Listener {
        private final Transition at;
        private final Set<String> of;
        private volatile boolean fired;

        KillAt(Transition at, Set<String> of) {
            this.at = at;
            this.of = of;
        }

        @Override
        public void reached(Transition transition, String source) {
            if (fired || ((at == null || transition == at) && of.contains(source))) {
                fired = true;
                throw new Killed(transition, source);
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        simulator = new Simulator(SimulatorSettings.from(
                new Settings(ConfigSource.ofMap(Map.of("simulator.port", "0", "simulator.refreshDelay", "0s")))));
        simulator.start();
        client = InvenioClient.of(HttpClient.newHttpClient(), simulator.siteUrl(), "Bearer " + TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    static Stream<Arguments> kills() {
        List<Arguments> cases = new ArrayList<>();
        for (Transition t : Transition.values()) {
            // A first version is created, and updated only when resumed (the second kill covers that); a new version's
            // draft is created by its own call.
            if (t != Transition.NEW_VERSION_CREATED && t != Transition.DRAFT_UPDATED) cases.add(Arguments.of(t, false));
            if (t != Transition.DRAFT_CREATED) cases.add(Arguments.of(t, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "killed after {0} of a {1} new version, again at its resume's first step")
    @MethodSource("kills")
    void everySourceRecordIsPublishedExactlyOnce(Transition at, boolean newVersion) throws Exception {
        int n = CASE.incrementAndGet();
        Path data = dir.resolve("case-" + n);
        // Each case its own generated records (own source ids), on the one simulator, with records of the kind.
        List<JsonNode> records = new ArrayList<>();
        Set<String> kind = new HashSet<>();
        for (long seed = 1000L * n; kind.isEmpty(); seed++) {
            Generator.run(new DatagenSettings(10, data, seed, 2, 32 << 10), false);
            records.clear();
            try (JsonLines lines = new JsonLines(data.resolve("records.jsonl"))) {
                lines.forEachRemaining(records::add);
            }
            for (JsonNode r : records)
                if ((r.at("/versions/index").asInt() > 1) == newVersion
                        && r.at("/files/entries").size() > 0)
                    kind.add(r.get("id").asText());
        }
        Settings settings = new Settings(ConfigSource.ofMap(Map.of(
                "invenio.baseUrl", simulator.siteUrl(),
                "seed.data", data.toString(),
                "seed.progressFile", data.resolve("progress.csv").toString(),
                "seed.concurrency", "1")));
        long before = total();
        long draftsBefore = drafts();

        Killed first = assertThrows(Killed.class, () -> SeedMain.run(settings, TOKEN, new KillAt(at, kind)));
        assertTrue(first.getMessage().startsWith("killed after " + at), first.getMessage());
        Set<String> all = new HashSet<>();
        records.forEach(r -> all.add(r.get("id").asText()));
        try {
            SeedMain.run(settings, TOKEN, new KillAt(null, all));
        } catch (Killed again) {
            // the resume stopped at its first step too; the next one finishes
        }
        assertEquals(0, SeedMain.run(settings, TOKEN));

        Map<String, List<JsonNode>> published = new HashMap<>();
        for (JsonNode hit : client.searchRecords(InvenioClient.subjectQuery(SeedMain.MARKER)))
            for (JsonNode r : records)
                if (InvenioClient.hasSubject(hit, SeedMain.identity(r.get("id").asText())))
                    published
                            .computeIfAbsent(r.get("id").asText(), k -> new ArrayList<>())
                            .add(hit);
        for (JsonNode r : records) {
            String source = r.get("id").asText();
            assertEquals(
                    1,
                    published.getOrDefault(source, List.of()).size(),
                    source + " published once, killed after " + at + ": "
                            + published.getOrDefault(source, List.of()).stream()
                                    .map(h -> h.path("id").asText())
                                    .toList());
        }
        // Versions of one source parent are versions of one parent on the target.
        Map<String, Set<String>> parents = new HashMap<>();
        for (JsonNode r : records)
            parents.computeIfAbsent(r.at("/parent/id").asText(), k -> new HashSet<>())
                    .add(published
                            .get(r.get("id").asText())
                            .get(0)
                            .at("/parent/id")
                            .asText());
        parents.forEach((source, target) -> assertEquals(1, target.size(), "parent " + source + ": " + target));
        assertEquals(draftsBefore, drafts(), "no draft left");
        assertEquals(before + records.size(), total(), "nothing else created");
    }

    /** Every published version the token's user can find. */
    private static long total() throws Exception {
        return client.getJson("/api/records?allversions=true&size=1")
                .at("/hits/total")
                .asLong();
    }

    private static long drafts() throws Exception {
        return client.getJson("/api/user/records?q=is_published:false&size=1")
                .at("/hits/total")
                .asLong();
    }
}

package rdmloadtest.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rdmloadtest.config.ConfigException;
import rdmloadtest.mix.Journey;
import rdmloadtest.mix.MixKeys;
import rdmloadtest.results.RunSummary;
import rdmloadtest.slo.RequestNames;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;
import rdmloadtest.testing.GatlingRun;

/**
 * Every journey's smoke profile runs end to end against the embedded simulator (alone, and all together in the default
 * mix): 0 KO, every request kind, and only requests of the SLO groups its catalogue row names.
 */
class SimulationSmokeTest {
    @TempDir
    static Path results;

    /** Beyond what a journey always sends, what its smoke run sends: the smoke profile takes every branch. */
    private static final Map<Journey, List<String>> EVERY_BRANCH = everyBranch();

    private static Map<Journey, List<String>> everyBranch() {
        Map<Journey, List<String>> m = new EnumMap<>(Journey.class);
        m.put(Journey.SEARCH, List.of(RequestNames.SEARCH_RECORDS, RequestNames.VIEW_RECORD));
        m.put(
                Journey.RECORD_VIEW,
                List.of("View record", "List versions", "Resolve latest version", "Resolve parent", "Download file"));
        m.put(Journey.DOWNLOAD, List.of("List files", "Download file"));
        m.put(Journey.COMMUNITIES, List.of("List communities", "View community", "Search community records"));
        m.put(
                Journey.LANDING_PAGE,
                List.of(RequestNames.OPEN_RECORD_PAGE, RequestNames.CITE_RECORD, RequestNames.EXPORT_RECORD));
        m.put(
                Journey.SEARCH_PAGE,
                List.of(RequestNames.OPEN_SEARCH_PAGE, RequestNames.SEARCH_RECORDS_WEB, RequestNames.OPEN_RECORD_PAGE));
        m.put(
                Journey.FRONT_PAGE,
                List.of(
                        RequestNames.OPEN_FRONT_PAGE,
                        RequestNames.LOAD_RECENT_RECORDS,
                        RequestNames.LOAD_FEATURED_COMMUNITIES,
                        RequestNames.OPEN_RECORD_PAGE));
        m.put(
                Journey.COMMUNITY_PAGES,
                List.of(
                        RequestNames.OPEN_COMMUNITIES_PAGE,
                        RequestNames.SEARCH_COMMUNITIES_WEB,
                        RequestNames.OPEN_COMMUNITY_PAGE,
                        RequestNames.SEARCH_COMMUNITY_RECORDS_WEB));
        m.put(
                Journey.UPLOADS,
                List.of(
                        RequestNames.OPEN_LOGIN_PAGE,
                        RequestNames.LOG_IN,
                        RequestNames.OPEN_UPLOADS_PAGE,
                        RequestNames.SEARCH_USER_RECORDS_WEB,
                        RequestNames.OPEN_MY_COMMUNITIES_PAGE,
                        RequestNames.OPEN_DEPOSIT_FORM));
        m.put(
                Journey.IIIF,
                List.of(
                        RequestNames.IIIF_MANIFEST,
                        RequestNames.IIIF_IMAGE_INFO,
                        RequestNames.IIIF_THUMBNAIL,
                        RequestNames.IIIF_TILE));
        m.put(
                Journey.DEPOSIT,
                List.of(
                        "Create draft",
                        "Init file upload",
                        "Upload file content",
                        "Commit file",
                        "Publish draft",
                        "Create new version",
                        "Import files",
                        "Update draft",
                        "Edit record",
                        "Delete draft",
                        "List user records",
                        RequestNames.FIND_PUBLISHED_RECORD,
                        RequestNames.TIME_TO_SEARCHABLE));
        m.put(Journey.HARVEST, List.of("OAI ListRecords", "OAI ListIdentifiers"));
        m.put(
                Journey.CRAWL,
                List.of(
                        RequestNames.READ_SITEMAP_INDEX,
                        RequestNames.READ_SITEMAP,
                        RequestNames.CRAWL_RECORD_PAGE,
                        RequestNames.CRAWL_RECORD_EXPORT));
        return m;
    }

    private static List<String> expected(Journey j) {
        Set<String> out = new LinkedHashSet<>(j.alwaysSent());
        out.addAll(EVERY_BRANCH.getOrDefault(j, List.of()));
        return List.copyOf(out);
    }

    /**
     * Each journey of the catalogue alone: by the simulation the README names for it (SearchSimulation for search),
     * or by JourneySimulation -Djourney=id for a journey without one.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Journey.class)
    void eachJourneyAloneRunsEveryBranchWithoutKoWithinItsSloGroups(Journey journey) throws Exception {
        Map<String, String> props = new HashMap<>(SMOKE);
        Class<?> simulation = namedSimulation(journey).orElse(JourneySimulation.class);
        if (simulation == JourneySimulation.class) props.put(MixKeys.JOURNEY.name(), journey.id());
        GatlingRun.Result r = passedSmokeRun(simulation, props, expected(journey));
        Slo slo = Slo.read("classpath:slo/invenio-default.json");
        for (String name : r.requestNames()) {
            String group = slo.groupOf(name).map(SloGroup::name).orElse("none");
            assertTrue(
                    journey.sloGroups().contains(group),
                    journey + " sent '" + name + "' (SLO group " + group + "), not in its row's "
                            + journey.sloGroups());
        }
    }

    @Test
    void defaultMixSmokeRunsEveryJourneyOfTheCatalogue() throws Exception {
        List<String> all = Arrays.stream(Journey.values())
                .flatMap(j -> expected(j).stream())
                .distinct()
                .toList();
        // A journey off by default (the crawlers) is turned on: every row of the catalogue runs.
        Map<String, String> props = new HashMap<>(SMOKE);
        for (Journey j : Journey.populations())
            if (j.defaultLoad() == 0) props.put(j.key().name(), "1");
        passedSmokeRun(DefaultMixSimulation.class, props, all);
    }

    @Test
    void journeySimulationWithoutAJourneyNamesTheChoices() {
        Throwable thrown = assertThrows(
                Throwable.class, () -> GatlingRun.run(JourneySimulation.class, Map.of("profile", "smoke"), results));
        while (thrown != null && !(thrown instanceof ConfigException)) thrown = thrown.getCause();
        assertNotNull(thrown, "JourneySimulation started without -Djourney");
        assertTrue(thrown.getMessage().startsWith("journey: not set"), thrown.getMessage());
    }

    private static final Map<String, String> SMOKE =
            Map.of("profile", "smoke", "simulator.serviceTime.distribution", "fixed");

    /** The simulation the README names for a journey: its id, capitalized, and Simulation (recordView: RecordView). */
    private static Optional<Class<?>> namedSimulation(Journey j) {
        String name = Character.toUpperCase(j.id().charAt(0)) + j.id().substring(1) + "Simulation";
        try {
            return Optional.of(Class.forName(SimulationSmokeTest.class.getPackageName() + "." + name));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static GatlingRun.Result passedSmokeRun(
            Class<?> simulation, Map<String, String> props, List<String> expectedRequests) throws Exception {
        GatlingRun.Result r = GatlingRun.run(simulation, props, results);
        String what = simulation.getSimpleName() + " " + props;
        assertEquals(0, r.exitCode(), what + ": the run crashed");
        assertNotNull(r.reportDir(), "no report folder");
        assertEquals(
                RunSummary.Verdict.PASSED,
                r.verdict(),
                what + ": "
                        + r.run().map(x -> x.summary().failures().toString()).orElse("no summary"));
        assertTrue(
                r.requestNames().containsAll(expectedRequests),
                what + " sent " + r.requestNames() + ", expected " + expectedRequests);
        assertTrue(
                RequestNames.ALL.containsAll(r.requestNames()),
                "a request name outside RequestNames: " + r.requestNames());
        return r;
    }

    @Test
    void readOnlyMixSendsNoWriteAndNeedsNoDepositTemplates() throws Exception {
        GatlingRun.Result r = GatlingRun.run(
                DefaultMixSimulation.class,
                Map.of("profile", "smoke", "traffic.depositors", "0", "data.depositTemplates", "no/such/records.jsonl"),
                results);
        assertEquals(RunSummary.Verdict.PASSED, r.verdict(), "the read-only smoke run failed");
        assertTrue(r.requestNames().contains(RequestNames.VIEW_RECORD), "no reads: " + r.requestNames());
        for (String write : List.of(
                RequestNames.CREATE_DRAFT,
                RequestNames.PUBLISH_DRAFT,
                RequestNames.DELETE_DRAFT,
                RequestNames.LIST_USER_RECORDS)) {
            assertFalse(r.requestNames().contains(write), "a read-only run sent '" + write + "'");
        }
    }

    @Test
    void staticFilesAreLoadedOnlyWithTheSwitch() throws Exception {
        GatlingRun.Result without = GatlingRun.run(LandingPageSimulation.class, Map.of("profile", "smoke"), results);
        assertEquals(RunSummary.Verdict.PASSED, without.verdict());
        assertFalse(without.requestNames().contains(RequestNames.LOAD_STATIC_FILE), "static files by default");

        GatlingRun.Result with = GatlingRun.run(
                LandingPageSimulation.class, Map.of("profile", "smoke", "traffic.web.staticFiles", "true"), results);
        assertEquals(
                RunSummary.Verdict.PASSED,
                with.verdict(),
                with.run().map(x -> x.summary().failures().toString()).orElse("no summary"));
        assertTrue(
                with.requestNames().contains(RequestNames.LOAD_STATIC_FILE), "no static file: " + with.requestNames());
    }

    /** Builders name their requests only from the one list, so every name a builder can send is a known one. */
    @Test
    void everyRequestBuilderTakesItsNameFromTheOneList() throws Exception {
        Pattern http = Pattern.compile("\\bhttp\\(([^)]*)\\)");
        List<String> offenders = new ArrayList<>();
        for (String dir : List.of("api", "bench", "journeys", "simulations")) {
            try (Stream<Path> files = Files.walk(Path.of("src/test/java/rdmloadtest", dir))) {
                for (Path f : files.filter(p ->
                                p.toString().endsWith(".java") && !p.toString().endsWith("Test.java"))
                        .toList()) {
                    Matcher m = http.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!m.group(1).startsWith("RequestNames."))
                            offenders.add(f.getFileName() + ": http(" + m.group(1) + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}

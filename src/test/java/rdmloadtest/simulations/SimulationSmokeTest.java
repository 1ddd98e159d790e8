package rdmloadtest.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rdmloadtest.results.RunSummary;
import rdmloadtest.slo.RequestNames;
import rdmloadtest.testing.GatlingRun;

/** Every simulation's smoke profile runs end to end against the embedded simulator: 0 KO, every request kind. */
class SimulationSmokeTest {
    @TempDir
    static Path results;

    static Stream<Arguments> simulations() {
        List<String> search = List.of(RequestNames.SEARCH_RECORDS, RequestNames.VIEW_RECORD);
        List<String> view =
                List.of("View record", "List versions", "Resolve latest version", "Resolve parent", "Download file");
        List<String> deposit = List.of(
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
                "List user records");
        List<String> harvest = List.of("OAI ListRecords", "OAI ListIdentifiers");
        List<String> communities = List.of("List communities", "View community", "Search community records");
        List<String> download = List.of("List files", "Download file");
        List<String> landingPage =
                List.of(RequestNames.OPEN_RECORD_PAGE, RequestNames.CITE_RECORD, RequestNames.EXPORT_RECORD);
        List<String> searchPage =
                List.of(RequestNames.OPEN_SEARCH_PAGE, RequestNames.SEARCH_RECORDS_WEB, RequestNames.OPEN_RECORD_PAGE);
        List<String> frontPage = List.of(
                RequestNames.OPEN_FRONT_PAGE,
                RequestNames.LOAD_RECENT_RECORDS,
                RequestNames.LOAD_FEATURED_COMMUNITIES,
                RequestNames.OPEN_RECORD_PAGE);
        List<String> communityPages = List.of(
                RequestNames.OPEN_COMMUNITIES_PAGE,
                RequestNames.SEARCH_COMMUNITIES_WEB,
                RequestNames.OPEN_COMMUNITY_PAGE,
                RequestNames.SEARCH_COMMUNITY_RECORDS_WEB);
        List<String> uploads = List.of(
                RequestNames.OPEN_LOGIN_PAGE,
                RequestNames.LOG_IN,
                RequestNames.OPEN_UPLOADS_PAGE,
                RequestNames.SEARCH_USER_RECORDS_WEB,
                RequestNames.OPEN_MY_COMMUNITIES_PAGE,
                RequestNames.OPEN_DEPOSIT_FORM);
        List<String> iiif = List.of(
                RequestNames.IIIF_MANIFEST,
                RequestNames.IIIF_IMAGE_INFO,
                RequestNames.IIIF_THUMBNAIL,
                RequestNames.IIIF_TILE);
        List<String> all = Stream.of(
                        search,
                        view,
                        deposit,
                        harvest,
                        communities,
                        download,
                        landingPage,
                        searchPage,
                        frontPage,
                        communityPages,
                        uploads,
                        iiif)
                .flatMap(List::stream)
                .toList();
        return Stream.of(
                Arguments.of(DefaultMixSimulation.class, all),
                Arguments.of(SearchSimulation.class, search),
                Arguments.of(RecordViewSimulation.class, view),
                Arguments.of(DownloadSimulation.class, download),
                Arguments.of(CommunitiesSimulation.class, communities),
                Arguments.of(DepositSimulation.class, deposit),
                Arguments.of(HarvestSimulation.class, harvest),
                Arguments.of(LandingPageSimulation.class, landingPage),
                Arguments.of(SearchPageSimulation.class, searchPage),
                Arguments.of(FrontPageSimulation.class, frontPage),
                Arguments.of(CommunityPagesSimulation.class, communityPages),
                Arguments.of(UploadsSimulation.class, uploads),
                Arguments.of(IiifSimulation.class, iiif));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simulations")
    void smokeProfileRunsEveryRequestKindWithoutKo(Class<?> simulation, List<String> expectedRequests)
            throws Exception {
        GatlingRun.Result r = GatlingRun.run(
                simulation, Map.of("profile", "smoke", "simulator.serviceTime.distribution", "fixed"), results);
        assertEquals(0, r.exitCode(), simulation.getSimpleName() + ": the run crashed");
        assertNotNull(r.reportDir(), "no report folder");
        assertEquals(
                RunSummary.Verdict.PASSED,
                r.verdict(),
                simulation.getSimpleName() + ": "
                        + r.run().map(x -> x.summary().failures().toString()).orElse("no summary"));
        assertTrue(
                r.requestNames().containsAll(expectedRequests),
                simulation.getSimpleName() + " sent " + r.requestNames() + ", expected " + expectedRequests);
        assertTrue(
                RequestNames.ALL.containsAll(r.requestNames()),
                "a request name outside RequestNames: " + r.requestNames());
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

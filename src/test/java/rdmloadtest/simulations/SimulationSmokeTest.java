package rdmloadtest.simulations;

import rdmloadtest.testing.GatlingRun;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every simulation's smoke profile runs end to end against the embedded simulator: 0 KO, every request kind. */
class SimulationSmokeTest {
  @TempDir
  static Path results;

  static Stream<Arguments> simulations() {
    List<String> search = List.of("Search records", "View record");
    List<String> view = List.of("View record", "List versions", "Resolve latest version", "Resolve parent",
        "Download file");
    List<String> deposit = List.of("Create draft", "Init file upload", "Upload file content", "Commit file",
        "Publish draft", "Create new version", "Import files", "Update draft", "Edit record", "Delete draft",
        "List user records");
    List<String> harvest = List.of("OAI ListRecords", "OAI ListIdentifiers");
    List<String> communities = List.of("List communities", "View community", "Search community records");
    List<String> download = List.of("List files", "Download file");
    List<String> all = Stream.of(search, view, deposit, harvest, communities, download).flatMap(List::stream).toList();
    return Stream.of(
        Arguments.of(DefaultMixSimulation.class, all),
        Arguments.of(SearchSimulation.class, search),
        Arguments.of(RecordViewSimulation.class, view),
        Arguments.of(DownloadSimulation.class, download),
        Arguments.of(CommunitiesSimulation.class, communities),
        Arguments.of(DepositSimulation.class, deposit),
        Arguments.of(HarvestSimulation.class, harvest));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("simulations")
  void smokeProfileRunsEveryRequestKindWithoutKo(Class<?> simulation, List<String> expectedRequests) throws Exception {
    GatlingRun.Result r = GatlingRun.run(simulation,
        Map.of("profile", "smoke", "simulator.serviceTime.distribution", "fixed"), results);
    assertEquals(0, r.exitCode(), simulation.getSimpleName() + ": the smoke assertion (0 KO) failed or the run crashed");
    assertNotNull(r.reportDir(), "no report folder");
    for (String name : expectedRequests) {
      assertTrue(r.indexHtml().contains(">" + name + "<") || r.indexHtml().contains("\"" + name + "\""),
          simulation.getSimpleName() + ": request '" + name + "' missing from the report");
    }
  }

  @org.junit.jupiter.api.Test
  void readOnlyMixSendsNoWriteAndNeedsNoDepositTemplates() throws Exception {
    GatlingRun.Result r = GatlingRun.run(DefaultMixSimulation.class, Map.of("profile", "smoke",
        "traffic.depositors", "0", "data.depositTemplates", "no/such/records.jsonl"), results);
    assertEquals(0, r.exitCode(), "the read-only smoke run failed or crashed");
    assertTrue(r.indexHtml().contains(">View record<") || r.indexHtml().contains("\"View record\""), "no reads");
    for (String write : List.of("Create draft", "Publish draft", "Delete draft", "List user records")) {
      assertFalse(r.indexHtml().contains(">" + write + "<") || r.indexHtml().contains("\"" + write + "\""),
          "a read-only run sent '" + write + "'");
    }
  }
}

package rdmloadtest.slo;

import rdmloadtest.testing.ProbeRun;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunSummary;
import rdmloadtest.results.SimulationLog;
import rdmloadtest.results.Stats;
import rdmloadtest.results.Summarizer;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.FaultSpec;

/** Short Gatling runs of {@link ProbeSimulation} against the embedded simulator, judged by the gate. */
class GateRunTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path tmp;
  private static ProbeRun probe;
  private static ProbeRun.Outcome clean;

  @BeforeAll
  static void start() throws Exception {
    probe = new ProbeRun(tmp, Map.of("simulator.serviceTime.distribution", "fixed"));
  }

  @AfterAll
  static void stop() throws Exception {
    probe.close();
  }

  /** A fault-free run, shared: it is also the baseline of the other runs. */
  private static synchronized ProbeRun.Outcome clean() throws Exception {
    if (clean == null) {
      probe.faults.replaceAll((c, f) -> FaultSpec.NONE);
      clean = probe.run(20, Duration.ofSeconds(5), Map.of("slo.warmup", "2s"));
    }
    return clean;
  }

  @Test
  void withoutFaultsTheGatePasses() throws Exception {
    ProbeRun.Outcome o = clean();
    RunSummary s = o.result().summary();
    assertTrue(s.passed(), () -> "gate failed: " + s.failures());
    assertTrue(s.checks().stream().anyMatch(c -> c.kind() == Check.Kind.SLO && c.status() == Check.Status.PASSED));
    for (String f : List.of("summary.json", "junit.xml", "summary.md")) {
      assertTrue(Files.isRegularFile(o.result().folder().resolve(f)), f);
    }
    String junit = Files.readString(o.result().folder().resolve("junit.xml"));
    assertTrue(junit.contains("name=\"record view p95\""), junit);
    assertFalse(junit.contains("<failure"), junit);
    assertTrue(Files.readString(o.result().folder().resolve("summary.md")).contains("✅ Load test passed"));
  }

  @Test
  void summaryNumbersEqualGatlingsOwnReport() throws Exception {
    ProbeRun.Outcome o = clean();
    RunSummary s = o.result().summary();
    String html = Files.readString(o.result().folder().resolve("index.html"));
    Map<String, Map<Integer, String>> table = statsTable(html);
    assertEquals(3, table.size(), table.toString());
    assertEquals("gatling-report", s.runPercentilesFrom());
    compare("All Requests", s.global(), table.get("All Requests"));
    for (RunSummary.RequestSummary r : s.requests()) compare(r.name(), r.run(), table.get(r.name()));
    // And the console's "Global Information" block of the same run.
    Map<String, String> console = globalInformation(o.console());
    assertEquals(s.global().count(), Long.parseLong(console.get("request count")));
    assertEquals(s.global().min(), Integer.parseInt(console.get("min response time (ms)")));
    assertEquals(s.global().max(), Integer.parseInt(console.get("max response time (ms)")));
    assertEquals(s.global().mean(), Integer.parseInt(console.get("mean response time (ms)")));
    assertEquals(s.global().p50(), Integer.parseInt(console.get("response time 50th percentile (ms)")));
    assertEquals(s.global().p75(), Integer.parseInt(console.get("response time 75th percentile (ms)")));
    assertEquals(s.global().p95(), Integer.parseInt(console.get("response time 95th percentile (ms)")));
    assertEquals(s.global().p99(), Integer.parseInt(console.get("response time 99th percentile (ms)")));
    assertEquals(s.global().rps(), Double.parseDouble(console.get("mean throughput (rps)")), 0.01);
    // summary.json on disk holds the same numbers.
    JsonNode json = new ObjectMapper().readTree(o.result().folder().resolve("summary.json").toFile());
    assertEquals(s.global().p95(), json.path("global").path("p95").asInt());
    assertEquals(s.global().count(), json.path("global").path("count").asLong());
  }

  @Test
  void summaryKeepsTheConfigurationButNoToken() throws Exception {
    ProbeRun.Outcome o = clean();
    String json = Files.readString(o.result().folder().resolve("summary.json"));
    JsonNode config = new ObjectMapper().readTree(json).path("configuration");
    assertEquals("2s", config.path("slo.warmup").path("value").asText());
    assertEquals("[redacted]", config.path("simulator.tokens").path("value").asText());
    assertFalse(json.contains("rdm-loadtest-token-1"), "a simulator token leaked into summary.json");
    assertFalse(json.toLowerCase().contains("bearer "), "an Authorization value leaked into summary.json");
  }

  @Test
  void injectedFaultsFailTheGateNamingGroupAndNumbersAndRegressAgainstTheBaseline() throws Exception {
    Path baseline = clean().result().folder().resolve("summary.json");
    probe.faults.put(EndpointClass.RECORD, FaultSpec.parse("spike=1.0@300ms"));
    probe.faults.put(EndpointClass.SEARCH, FaultSpec.parse("error=0.4"));
    ProbeRun.Outcome o;
    try {
      o = probe.run(20, Duration.ofSeconds(4), Map.of("slo.warmup", "1s", "baseline", baseline.toString()));
    } finally {
      probe.faults.replaceAll((c, f) -> FaultSpec.NONE);
    }
    RunSummary s = o.result().summary();
    assertFalse(s.passed());
    assertEquals(2, o.gatlingStatus(), "Gatling's own assertions should fail as well");
    assertHasFailure(s, "SLO FAILED: record view p95 = (\\d+) ms > 150 ms", 300);
    assertHasFailure(s, "SLO FAILED: search error rate = (\\d+)\\.\\d\\d % > 1 %", 10);
    assertHasFailure(s, "REGRESSION: record view p95 = (\\d+) ms vs baseline \\d+ ms .*", 300);
    assertHasFailure(s, "REGRESSION: search error rate = (\\d+)\\.\\d\\d % vs baseline 0\\.00 % .*", 10);
    String junit = Files.readString(o.result().folder().resolve("junit.xml"));
    assertTrue(junit.contains("<failure message=\"SLO FAILED: record view p95 = "), junit);
    assertTrue(Files.readString(o.result().folder().resolve("summary.md")).contains("❌ regression"));
  }

  @Test
  void warmUpIsLeftOutOfTheVerdict() throws Exception {
    clean();
    probe.faults.put(EndpointClass.RECORD, FaultSpec.parse("spike=1.0@400ms"));
    Thread calm = new Thread(() -> {
      try {
        waitForNewRunFolder();
        Thread.sleep(2000);
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      } finally {
        probe.faults.put(EndpointClass.RECORD, FaultSpec.NONE);
      }
    });
    calm.start();
    ProbeRun.Outcome o;
    try {
      o = probe.run(20, Duration.ofSeconds(6), Map.of("slo.warmup", "3s"));
    } finally {
      calm.join();
    }
    RunSummary s = o.result().summary();
    RunSummary.GroupSummary view = s.groups().stream().filter(g -> g.name().equals("record view")).findFirst().orElseThrow();
    assertTrue(view.run().p95() >= 400, "the spikes should show in the whole run: " + view.run());
    assertTrue(view.window().max() < 400, "the spikes should be in the warm-up only: " + view.window());
    assertTrue(s.passed(), () -> "gate failed: " + s.failures());
    assertEquals(2, o.gatlingStatus(), "Gatling's assertions see the whole run, warm-up included");
  }

  @Test
  void aLaggingInjectorIsReportedAndFailsTheGate() throws Exception {
    ProbeRun.Outcome o = clean();
    assertTrue(o.result().summary().injector().checked());
    var kept = o.result().summary().injector().scenarios().get(0);
    assertEquals(kept.planned(), kept.started(), "the clean run started every planned user");
    // The same user starts judged against a plan four times as fast: the injector "could not keep up".
    Summarizer.Inputs in = RunReport.inputs(settings(Map.of("slo.warmup", "2s")),
        new InjectionPlan().and("readers", constantUsersPerSec(80).during(Duration.ofSeconds(5))));
    RunSummary s = Summarizer.summarize(SimulationLog.read(o.result().folder().resolve("simulation.log")), "x", in);
    assertFalse(s.passed());
    var lag = s.injector().scenarios().get(0);
    assertEquals(400, lag.planned());
    assertEquals(100, lag.started());
    assertTrue(s.failures().stream().anyMatch(f -> f.matches("INJECTOR LAGGING: readers p99 start lag = \\d+ ms > 1000 ms .*")),
        s.failures()::toString);
    assertTrue(s.failures().stream().anyMatch(f -> f.startsWith("INJECTOR LAGGING: readers started 100 of 400 planned users; 300 never started (75.00 % > 1 %)")),
        s.failures()::toString);
  }

  @Test
  void anEqualRunIsNotFlaggedAsARegression() throws Exception {
    ProbeRun.Outcome o = clean();
    Path own = o.result().folder().resolve("summary.json");
    Summarizer.Inputs in = RunReport.inputs(settings(Map.of("slo.warmup", "2s", "baseline", own.toString())),
        InjectionPlan.none());
    RunSummary s = Summarizer.summarize(SimulationLog.read(o.result().folder().resolve("simulation.log")), "x", in);
    assertNotNull(s.baseline());
    assertTrue(s.checks().stream().filter(c -> c.kind() == Check.Kind.BASELINE).noneMatch(Check::failed),
        s.failures()::toString);
    assertTrue(s.baseline().groups().stream().allMatch(g -> g.p95ChangePct() != null && g.p95ChangePct() == 0.0));
  }

  private static Settings settings(Map<String, String> keys) {
    Map<String, String> m = new HashMap<>(keys);
    m.put("slo.file", "classpath:slo/probe.json");
    return new Settings(ConfigSource.ofMap(m));
  }

  private static void waitForNewRunFolder() throws Exception {
    long before;
    try (var s = Files.list(probe.results)) {
      before = s.count();
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try (var s = Files.list(probe.results)) {
        if (s.count() > before) return;
      }
      Thread.sleep(20);
    }
  }

  private static void assertHasFailure(RunSummary s, String regex, int atLeast) {
    Pattern p = Pattern.compile(regex);
    for (String f : s.failures()) {
      Matcher m = p.matcher(f);
      if (m.matches()) {
        assertTrue(Integer.parseInt(m.group(1)) >= atLeast, f);
        return;
      }
    }
    fail("no failure matching " + regex + " in " + s.failures());
  }

  private static void compare(String name, Stats ours, Map<Integer, String> gatling) {
    assertNotNull(gatling, "no row " + name + " in index.html");
    assertEquals(ours.count(), num(gatling.get(2)), name + " count");
    assertEquals(ours.ok(), num(gatling.get(3)), name + " ok");
    assertEquals(ours.ko(), num(gatling.get(4)), name + " ko");
    assertEquals(ours.rps(), Double.parseDouble(gatling.get(6).replace(",", "")), 0.01, name + " rps");
    assertEquals(ours.min(), num(gatling.get(7)), name + " min");
    assertEquals(ours.p50(), num(gatling.get(8)), name + " p50");
    assertEquals(ours.p75(), num(gatling.get(9)), name + " p75");
    assertEquals(ours.p95(), num(gatling.get(10)), name + " p95");
    assertEquals(ours.p99(), num(gatling.get(11)), name + " p99");
    assertEquals(ours.max(), num(gatling.get(12)), name + " max");
    assertEquals(ours.mean(), num(gatling.get(13)), name + " mean");
  }

  private static long num(String s) {
    return Long.parseLong(s.replace(",", "").trim());
  }

  /** Rows of index.html's statistics table: request name → column number → cell text. */
  static Map<String, Map<Integer, String>> statsTable(String html) {
    Map<String, Map<Integer, String>> out = new HashMap<>();
    Matcher row = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    while (row.find()) {
      Map<Integer, String> cells = new HashMap<>();
      Matcher cell = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>").matcher(row.group(2));
      while (cell.find()) cells.put(Integer.parseInt(cell.group(1)), cell.group(2));
      out.put(row.group(1), cells);
    }
    return out;
  }

  static Map<String, String> globalInformation(String console) {
    Map<String, String> out = new HashMap<>();
    String block = console.substring(console.lastIndexOf("---- Global Information"));
    Matcher m = Pattern.compile("^> (.+?)\\s+\\|\\s+([0-9.,]+) \\|", Pattern.MULTILINE).matcher(block);
    while (m.find()) out.putIfAbsent(m.group(1).trim(), m.group(2).replace(",", ""));
    return out;
  }
}

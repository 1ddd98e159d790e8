package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short capacity search against the embedded simulator, whose capacity for a single-class mix is known:
 * workers / service time (fixed service times, one View record per session). The SLO (p95 ≤ 3 service times,
 * no errors) holds up to saturation and breaks just past it, so the capacity it finds is the saturation point.
 */
class CapacityGroundTruthTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path tmp;

  @Test
  void findsFourWorkersAt20msAs200RequestsPerSecond() throws Exception {
    CapacitySearch.Outcome o = search(4, 120, 40);
    assertNearTruth(o, 200);
  }

  @Test
  void eightWorkersDoubleTheCapacityTo400RequestsPerSecond() throws Exception {
    CapacitySearch.Outcome o = search(8, 240, 80);
    assertNearTruth(o, 400);
  }

  private static CapacitySearch.Outcome search(int workers, double start, double step) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("w" + workers));
    Map<String, String> keys = new HashMap<>();
    keys.put("slo.file", "classpath:capacity/saturation.json");
    keys.put("slo.resultsFolder", dir.resolve("gatling").toString());
    keys.put("capacity.reportDir", dir.resolve("reports").toString());
    keys.put("capacity.journey", "viewRecord");
    keys.put("simulator.workers", String.valueOf(workers));
    keys.put("simulator.serviceTime.record", "20ms");
    keys.put("simulator.serviceTime.distribution", "fixed");
    keys.put("capacity.startRate", String.valueOf(start));
    keys.put("capacity.step", String.valueOf(step));
    keys.put("capacity.rampBetweenSteps", "1s");
    keys.put("capacity.stepDuration", "4s");
    keys.put("capacity.settle", "1s");
    keys.put("capacity.refineSteps", "4");
    keys.put("capacity.maxDuration", "100s");
    return CapacitySearch.run(keys, new PrintStream(System.out, true));
  }

  private static void assertNearTruth(CapacitySearch.Outcome o, double truth) throws Exception {
    CapacityResult c = o.result();
    assertNotNull(c.maxSustainableRps(), "no step met the SLO: " + c.steps());
    assertNotNull(c.firstFailingTargetRps(), "the search never saturated the simulator: " + c.stopReason());
    double error = c.maxSustainableRps() / truth - 1;
    System.out.printf(java.util.Locale.ROOT, "ground truth %.0f req/s: found %.1f req/s (%+.1f %%) in %.0f s of load%n",
        truth, c.maxSustainableRps(), error * 100, c.loadSeconds());
    assertTrue(Math.abs(error) <= 0.05, "found " + c.maxSustainableRps() + " req/s, truth " + truth + " req/s");
    StepResult best = c.steps().stream().filter(s -> s.index() == c.maxSustainableStep()).findFirst().orElseThrow();
    assertTrue(best.injectorOk(), "the injector lagged at the step that decided: " + best.injectorNote());
    assertEquals(0, best.ko(), "errors at the sustainable step");
    for (String f : new String[] {"capacity.json", "summary.md", "index.html", "throughput.png", "latency.png",
        "errors.png", "usl.png"}) {
      assertTrue(Files.size(o.report().resolve(f)) > 0, f);
    }
  }
}

package rdmloadtest.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rdmloadtest.config.ConfigException;
import rdmloadtest.results.ResultKeys;
import rdmloadtest.slo.Check;
import rdmloadtest.slo.Format;

/**
 * This run against a stored summary.json, group by group, on the judged window (after the warm-up): a p95
 * regression is an increase above the tolerance (and above a noise floor in ms), an error-rate regression an
 * increase of more than the tolerated percentage points.
 */
public record BaselineComparison(String file, String baselineRunFolder, double p95TolerancePct, long p95MinDeltaMs,
                                 double errorRateTolerancePts, List<Group> groups) {

  public record Group(String name, Integer baselineP95, Integer p95, Double p95ChangePct, Double baselineErrorRatePct,
                      Double errorRatePct, boolean regressed) {}

  public record Tolerances(double p95Pct, Duration p95MinDelta, double errorRatePts) {}

  /** Reads and checks a stored summary before any load, so a wrong path fails at once. */
  public static JsonNode load(String ref) {
    String label = ResultKeys.BASELINE.name() + "='" + ref + "'";
    Path p = Path.of(ref);
    if (!Files.isRegularFile(p)) throw new ConfigException(label + ": no such file; expected a summary.json of an earlier run");
    JsonNode n;
    try {
      n = new ObjectMapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new ConfigException(label + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (n == null || !RunSummary.SCHEMA.equals(n.path("schema").asText())) {
      throw new ConfigException(label + ": schema: expected \"" + RunSummary.SCHEMA + "\" (a summary.json written by this toolkit)");
    }
    return n;
  }

  static BaselineComparison compare(String ref, JsonNode baseline, List<RunSummary.GroupSummary> current,
                                    Tolerances tol, List<Check> checks) {
    List<Group> groups = new ArrayList<>();
    for (RunSummary.GroupSummary g : current) {
      JsonNode b = null;
      for (JsonNode x : baseline.path("groups")) if (x.path("name").asText().equals(g.name())) b = x.path("window");
      boolean haveNow = g.window().count() > 0;
      boolean haveThen = b != null && b.path("count").asLong() > 0;
      if (!haveNow || !haveThen) {
        groups.add(new Group(g.name(), haveThen ? b.path("p95").asInt() : null, haveNow ? g.window().p95() : null,
            null, haveThen ? b.path("errorRatePct").asDouble() : null, haveNow ? g.window().errorRatePct() : null,
            false));
        checks.add(new Check(Check.Kind.BASELINE, g.name(), "p95 vs baseline", null, null, "ms", Check.Status.SKIPPED,
            "baseline skipped: " + g.name() + ": no requests " + (haveNow ? "in the baseline" : "in this run")
                + " after the warm-up"));
        continue;
      }
      int p95 = g.window().p95();
      int bp95 = b.path("p95").asInt();
      double change = bp95 == 0 ? (p95 == 0 ? 0 : 100) : 100.0 * (p95 - bp95) / bp95;
      boolean p95Regressed = change > tol.p95Pct() && p95 - bp95 >= tol.p95MinDelta().toMillis();
      checks.add(new Check(Check.Kind.BASELINE, g.name(), "p95 vs baseline", (double) p95, (double) bp95, "ms",
          p95Regressed ? Check.Status.FAILED : Check.Status.PASSED,
          (p95Regressed ? "REGRESSION: " : "no regression: ") + g.name() + " p95 = " + p95 + " ms vs baseline " + bp95
              + " ms (" + signed(change) + " %" + (p95Regressed ? " > +" : ", tolerated +") + Format.num(tol.p95Pct())
              + " %" + (p95Regressed ? "" : " or < " + tol.p95MinDelta().toMillis() + " ms") + ")"));
      double err = g.window().errorRatePct();
      double berr = b.path("errorRatePct").asDouble();
      boolean errRegressed = err - berr > tol.errorRatePts();
      checks.add(new Check(Check.Kind.BASELINE, g.name(), "error rate vs baseline", err, berr, "%",
          errRegressed ? Check.Status.FAILED : Check.Status.PASSED,
          (errRegressed ? "REGRESSION: " : "no regression: ") + g.name() + " error rate = " + Format.pct(err)
              + " vs baseline " + Format.pct(berr) + " (" + signed(err - berr) + " points"
              + (errRegressed ? " > +" : ", tolerated +") + Format.num(tol.errorRatePts()) + ")"));
      groups.add(new Group(g.name(), bp95, p95, change, berr, err, p95Regressed || errRegressed));
    }
    return new BaselineComparison(ref, baseline.path("runFolder").asText(), tol.p95Pct(), tol.p95MinDelta().toMillis(),
        tol.errorRatePts(), groups);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.1f", v);
  }
}

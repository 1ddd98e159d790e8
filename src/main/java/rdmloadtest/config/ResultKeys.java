package rdmloadtest.config;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;

/** Keys of the SLO gate, the run summary, the injector-health check and the baseline comparison. */
public final class ResultKeys {
  private ResultKeys() {}

  static void init() {
    // Loading the class registers the keys below.
  }

  public static final Key<String> SLO_FILE = Keys.register("slo.file", "classpath:slo/invenio-default.json",
      "SLO file (JSON): request groups and their objectives; classpath:NAME for a shipped one.", text());
  public static final Key<Duration> WARMUP = Keys.register("slo.warmup", "10s",
      "Start of the run left out of the SLO gate (JIT, connection pools, caches); Gatling's report keeps it.",
      duration());
  public static final Key<Boolean> ENFORCE = Keys.register("slo.enforce", "true",
      "Fail the run (exit code 2, like a failed Gatling assertion) when the gate fails; false: report only.",
      bool());
  public static final Key<String> RESULTS_FOLDER = Keys.register("slo.resultsFolder", "target/gatling",
      "Folder Gatling writes its run folders into (the plugin's resultsFolder); the summary goes into the run's one.",
      text());
  public static final Key<Duration> INJECTOR_MAX_LAG = Keys.register("slo.injector.maxStartLag", "1s",
      "Largest p99 delay of user starts behind the planned injection profile before the run counts as lagging.",
      duration());
  public static final Key<Double> INJECTOR_MAX_MISSING = Keys.register("slo.injector.maxMissing", "1",
      "Largest share (%) of planned users that never started before the run counts as lagging.", decimal(0, 100));
  public static final Key<String> BASELINE = Keys.register("baseline", null,
      "A stored summary.json to compare this run with (regression verdict per SLO group).", text());
  public static final Key<Double> BASELINE_P95_TOLERANCE = Keys.register("slo.baseline.p95Tolerance", "15",
      "Allowed p95 increase (%) of a group over the baseline before it counts as a regression.", decimal(0, 1000));
  public static final Key<Duration> BASELINE_P95_MIN_DELTA = Keys.register("slo.baseline.p95MinDelta", "10ms",
      "p95 increases smaller than this are noise, whatever the percentage (a 3 ms p95 may well become 4 ms).",
      duration());
  public static final Key<Double> BASELINE_ERROR_TOLERANCE = Keys.register("slo.baseline.errorRateTolerance", "0.5",
      "Allowed error-rate increase of a group over the baseline, in percentage points.", decimal(0, 100));
}

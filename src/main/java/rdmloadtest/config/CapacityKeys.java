package rdmloadtest.config;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;

/**
 * Keys of the capacity search: stepped open-model load, one Gatling run per step. Rates are requests per second
 * of the whole mix (what operators size for), not sessions: the search converts them with the requests per
 * session it measured in the steps before.
 */
public final class CapacityKeys {
  private CapacityKeys() {}

  static void init() {
    // Loading the class registers the keys below.
  }

  public static final Key<String> JOURNEY = Keys.register("capacity.journey", "mix",
      "What each arriving session does: mix (the configured traffic mix) or viewRecord (exactly one View record).",
      choice("mix", "viewRecord"));
  public static final Key<Double> START_RATE = Keys.register("capacity.startRate", "20",
      "Capacity search: rate of the first step, in requests/s of the mix.", decimal(0.1, 100_000));
  public static final Key<Double> STEP = Keys.register("capacity.step", "20",
      "Capacity search: rate added at each step, in requests/s of the mix.", decimal(0.1, 100_000));
  public static final Key<Double> MAX_RATE = Keys.register("capacity.maxRate", "2000",
      "Capacity search: no step above this rate (requests/s of the mix).", decimal(0.1, 1_000_000));
  public static final Key<Duration> STEP_DURATION = Keys.register("capacity.stepDuration", "30s",
      "Capacity search: constant-rate part of each step (after its ramp); the settle time at its start is not measured.",
      duration());
  public static final Key<Duration> SETTLE = Keys.register("capacity.settle", "5s",
      "Capacity search: start of each step's constant part left out of the measures (queues and pools settle).",
      duration());
  public static final Key<Duration> RAMP = Keys.register("capacity.rampBetweenSteps", "5s",
      "Capacity search: ramp from 10 % to the step's rate before its constant part (never measured).", duration());
  public static final Key<Integer> REFINE_STEPS = Keys.register("capacity.refineSteps", "2",
      "Capacity search: bisection steps between the last passing and the first failing rate.", integer(0, 10));
  public static final Key<Double> STOP_ERROR_RATE = Keys.register("capacity.stopErrorRatePct", "10",
      "Capacity search: stop stepping up once a step's error rate (%) exceeds this (also after two failing steps).",
      decimal(0, 100));
  public static final Key<Duration> MAX_DURATION = Keys.register("capacity.maxDuration", "30m",
      "Capacity search: no step starts that could end after this much time (ramps and steps included).", duration());
  public static final Key<Double> EXPECTED_PEAK = Keys.register("capacity.expectedPeakRps", "250",
      "Peak load (requests/s) the headroom is computed against; 250: Zenodo's working-hours peak (invenio-api.md §9.1).",
      decimal(0.1, 1_000_000));
  public static final Key<String> REPORT_DIR = Keys.register("capacity.reportDir", "reports",
      "Folder the capacity report goes into, as <capacity.reportDir>/<date>-<target>/.", text());
}

package rdmloadtest.capacity;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/**
 * Keys of the capacity search: stepped open-model load, one Gatling run per step, growing geometrically to the first
 * failure then bisecting. Rates are requests per second of the whole mix (what operators size for), not sessions: the
 * search converts them with the requests per session it measured in the steps before.
 */
public final class CapacityKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> JOURNEY = KEYS.add(
            "capacity.journey",
            "mix",
            "What each arriving session does: mix (the configured traffic mix) or viewRecord (exactly one View record).",
            choice("mix", "viewRecord"));
    public static final Key<Double> START_RATE = KEYS.add(
            "capacity.startRate",
            "20",
            "Capacity search: rate of the warm-up (at most) and of the first step, in requests/s of the mix.",
            decimal(0.1, 100_000));
    public static final Key<Double> STEP = KEYS.add(
            "capacity.step",
            "20",
            "Capacity search: the least rate added at each step while growing, in requests/s of the mix (with"
                    + " capacity.growth=1, exactly this: linear steps).",
            decimal(0.1, 100_000));
    public static final Key<Double> GROWTH = KEYS.add(
            "capacity.growth",
            "2",
            "Capacity search: each step's rate is the last one's times this (at least capacity.step more) until the"
                    + " first failing step; 1: linear steps of capacity.step.",
            decimal(1, 10));
    public static final Key<Double> MAX_RATE = KEYS.add(
            "capacity.maxRate",
            "2000",
            "Capacity search: no step above this rate (requests/s of the mix).",
            decimal(0.1, 1_000_000));
    public static final Key<Duration> STEP_DURATION = KEYS.add(
            "capacity.stepDuration",
            "15s",
            "Capacity search: constant-rate part of each step (after its ramp); the settle time at its start is not measured.",
            duration());
    public static final Key<Duration> SETTLE = KEYS.add(
            "capacity.settle",
            "3s",
            "Capacity search: start of each step's constant part left out of the measures (queues and pools settle).",
            duration());
    public static final Key<Duration> RAMP = KEYS.add(
            "capacity.rampBetweenSteps",
            "3s",
            "Capacity search: ramp from 10 % to the step's rate before its constant part (never measured).",
            duration());
    public static final Key<Integer> REFINE_STEPS = KEYS.add(
            "capacity.refineSteps",
            "5",
            "Capacity search: at most this many bisection steps between the last passing and the first failing rate"
                    + " (fewer once they are within capacity.precisionPct).",
            integer(0, 10));
    public static final Key<Double> PRECISION = KEYS.add(
            "capacity.precisionPct",
            "3",
            "Capacity search: bisection stops once the first failing rate is within this % above the last passing"
                    + " one (0: after capacity.refineSteps).",
            decimal(0, 100));
    public static final Key<Integer> CONFIRM_FAILURES = KEYS.add(
            "capacity.confirmFailures",
            "1",
            "Capacity search: a step that fails its SLOs (errors under capacity.stopErrorRatePct) is measured again at the same rate up to this many times; the rate fails only when every measurement fails (a p95/p99 of one short window rests on few samples).",
            integer(0, 5));
    public static final Key<Double> STOP_ERROR_RATE = KEYS.add(
            "capacity.stopErrorRatePct",
            "10",
            "Capacity search: stop growing once a step's error rate (%) exceeds this (also at the first failing rate), and"
                    + " measure such a step only once.",
            decimal(0, 100));
    public static final Key<Double> KEEP_UP = KEYS.add(
            "capacity.keepUpPct",
            "0",
            "Capacity search: a step also fails when the requests completed in its window are fewer than this % of"
                    + " those started (the throughput fell behind the offered rate: a criterion free of latency); 0: off.",
            decimal(0, 100));
    public static final Key<Duration> MAX_DURATION = KEYS.add(
            "capacity.maxDuration",
            "5m",
            "Capacity search: no step starts that could end after this much time (ramps and steps included).",
            duration());
    public static final Key<Double> EXPECTED_PEAK = KEYS.add(
            "capacity.expectedPeakRps",
            "250",
            "Peak load (requests/s) the headroom is computed against; 250: Zenodo's working-hours peak (invenio-api.md §9.1).",
            decimal(0.1, 1_000_000));
    public static final Key<Double> TARGET_UTILIZATION = KEYS.add(
            "capacity.targetUtilizationPct",
            "70",
            "Sizing: utilization (% of each tier's capacity) the tiers should run at under capacity.expectedPeakRps.",
            decimal(1, 100));
    public static final Key<Double> WHAT_IF_SCALE = KEYS.add(
            "capacity.whatIfScale",
            "2",
            "What-if: factor each tier's capacity is scaled by in the predictions (2: twice the workers or cores).",
            decimal(1.01, 100));
    public static final Key<String> REPORT_DIR = KEYS.add(
            "capacity.reportDir",
            "reports",
            "Folder the capacity report goes into, as <capacity.reportDir>/<date>-<target>/.",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

package rdmloadtest.results;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of a run's results: where they go, the injector's health and the baseline a run is compared with. */
public final class ResultKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> RESULTS_FOLDER = KEYS.add(
            "slo.resultsFolder",
            "target/gatling",
            "Folder Gatling writes its run folders into (the plugin's resultsFolder); the summary goes into the run's one.",
            text());
    public static final Key<Duration> INJECTOR_MAX_LAG = KEYS.add(
            "slo.injector.maxStartLag",
            "1s",
            "Largest p99 delay of user starts behind the planned injection profile before the run counts as lagging.",
            duration());
    public static final Key<Double> INJECTOR_MAX_MISSING = KEYS.add(
            "slo.injector.maxMissing",
            "1",
            "Largest share (%) of planned users that never started before the run counts as lagging.",
            decimal(0, 100));
    public static final Key<String> BASELINE = KEYS.add(
            "baseline",
            null,
            "A pinned baseline: a summary.json of an earlier comparable run (otherwise the history's last good runs are).",
            text());
    public static final Key<Integer> BASELINE_RUNS = KEYS.add(
            "baseline.runs",
            "5",
            "Baseline from the history: the median of the last N good comparable runs (0: no history baseline).",
            integer(0, 1000));
    public static final Key<Integer> BASELINE_MIN_RUNS = KEYS.add(
            "baseline.minRuns",
            "3",
            "Fewer good comparable runs than this in the history: no baseline verdict yet (said in one line).",
            integer(1, 1000));
    public static final Key<String> HISTORY_DIR = KEYS.add(
            "history.dir",
            "history",
            "Folder of the run history: every run's summary and every capacity result, with its configuration's fingerprint.",
            text());
    public static final Key<Boolean> HISTORY_RECORD =
            KEYS.add("history.record", "true", "Keep this run's summary (or capacity result) in history.dir.", bool());
    public static final Key<Double> BASELINE_P95_TOLERANCE = KEYS.add(
            "slo.baseline.p95Tolerance",
            "15",
            "Pinned baseline: allowed p95/p99 increase (%) of a group (the history's margin comes from its runs' spread).",
            decimal(0, 1000));
    public static final Key<Double> BASELINE_THROUGHPUT_TOLERANCE = KEYS.add(
            "slo.baseline.throughputTolerance",
            "10",
            "Pinned baseline: allowed throughput drop (%) of a group.",
            decimal(0, 100));
    public static final Key<Duration> BASELINE_P95_MIN_DELTA = KEYS.add(
            "slo.baseline.p95MinDelta",
            "10ms",
            "p95/p99 increases smaller than this are noise, whatever the percentage or the spread (3 ms may become 4 ms).",
            duration());
    public static final Key<Double> BASELINE_ERROR_TOLERANCE = KEYS.add(
            "slo.baseline.errorRateTolerance",
            "0.5",
            "Allowed error-rate increase of a group over the baseline, in percentage points.",
            decimal(0, 100));

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

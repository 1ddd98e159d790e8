package rdmloadtest.live;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** The live progress line and the stop conditions that end a run early (docs/slo-and-gate.md, "Abort on breach"). */
public final class LiveKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Duration> PROGRESS_INTERVAL = KEYS.add(
            "progress.interval",
            "5s",
            "How often a run prints its live line (per SLO group: sent/s, p95, server errors; requests in flight);"
                    + " 0s: never.",
            duration());
    public static final Key<Double> ABORT_ERROR_RATE = KEYS.add(
            "abort.errorRatePct",
            null,
            "Stop the load when this share (%) of the requests sent in abort.errorWindow failed (5xx, 429, or no"
                    + " answer within 10 s); unset: never.",
            decimal(0, 100));
    public static final Key<Duration> ABORT_ERROR_WINDOW =
            KEYS.add("abort.errorWindow", "30s", "The window abort.errorRatePct is judged over.", duration());
    public static final Key<Integer> ABORT_MIN_REQUESTS = KEYS.add(
            "abort.minRequests",
            "20",
            "Fewest requests in abort.errorWindow for abort.errorRatePct to be judged (one failure of two is no trend).",
            integer(1, Integer.MAX_VALUE));
    public static final Key<List<String>> ABORT_P95 = KEYS.add(
            "abort.p95",
            null,
            "Stop the load when a group's p95 (over the trailing 10 s) stays above its limit for abort.p95For, e.g."
                    + " 'search:3s,record view:1500ms' (SLO group names); unset: never.",
            list());
    public static final Key<Duration> ABORT_UNREACHABLE = KEYS.add(
            "abort.unreachableAfter",
            "10s",
            "Stop the load, FAILED \"target unreachable\", when no answer came this long and a probe of the target"
                    + " fails (refused, no answer in 3 s, a 502/503/504), or when every answer this long was a server"
                    + " error; 0s: never.",
            duration());
    public static final Key<Duration> ABORT_P95_FOR =
            KEYS.add("abort.p95For", "30s", "How long a group's p95 must stay above its abort.p95 limit.", duration());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

package rdmloadtest.slo;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the SLO file and the gate that judges a run against it. */
public final class SloKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> SLO_FILE = KEYS.add(
            "slo.file",
            "classpath:slo/invenio-default.json",
            "SLO file (JSON): request groups and their objectives; classpath:NAME for a shipped one.",
            text());
    public static final Key<Duration> WARMUP = KEYS.add(
            "slo.warmup",
            "10s",
            "Start of the run left out of the SLO gate (JIT, connection pools, caches); Gatling's report keeps it.",
            duration());
    public static final Key<Boolean> ENFORCE = KEYS.add(
            "slo.enforce",
            "true",
            "Let the verdict set the exit status (2 gate failed, 3 INVALID); false: report only, exit 0.",
            bool());
    public static final Key<Boolean> JUDGE_LATENCY = KEYS.add(
            "slo.judgeLatency",
            "true",
            "Judge the latency and throughput objectives; false (the smoke profile): report them only.",
            bool());
    public static final Key<Boolean> FAIL_ON_ANY_ERROR = KEYS.add(
            "slo.failOnAnyError",
            "false",
            "Fail the run on any failed request, whatever the error-rate objectives (the smoke profile).",
            bool());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

package rdmloadtest.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.history.Baseline;
import rdmloadtest.history.Fingerprint;
import rdmloadtest.history.RunHistory;
import rdmloadtest.history.SummaryFigures;
import rdmloadtest.slo.Check;

/**
 * Which baseline a run is compared with: a pinned summary.json, or the median of the history's last good comparable
 * runs. Found before any load (a wrong file stops the run there); a baseline that does not match this run's
 * simulation, profile, load and target gives a one-line explanation instead of a verdict.
 */
public final class Baselines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The baseline found for a run, or why there is none ({@code note}). */
    public record Resolved(Optional<Baseline> baseline, String source, int runs, String note) {
        static Resolved none(String source, String note) {
            return new Resolved(Optional.empty(), source, 0, note);
        }
    }

    private Baselines() {}

    public static Resolved resolve(Settings s, Fingerprint fp) {
        Baseline.Tolerances tol = new Baseline.Tolerances(
                s.get(ResultKeys.BASELINE_P95_TOLERANCE),
                s.get(ResultKeys.BASELINE_P95_MIN_DELTA).toMillis(),
                s.get(ResultKeys.BASELINE_THROUGHPUT_TOLERANCE),
                s.get(ResultKeys.BASELINE_ERROR_TOLERANCE));
        Optional<String> pinned = s.find(ResultKeys.BASELINE);
        if (pinned.isPresent()) return pinned(pinned.get(), fp, tol);
        int n = s.get(ResultKeys.BASELINE_RUNS);
        if (n == 0) return Resolved.none("none", null);
        Path dir = Path.of(s.get(ResultKeys.HISTORY_DIR));
        List<RunHistory.Entry> good = new RunHistory(dir).lastGood("run", fp, n);
        int min = s.get(ResultKeys.BASELINE_MIN_RUNS);
        String source = "the median of the last " + good.size() + " good comparable runs in " + dir;
        if (good.size() < min) {
            return Resolved.none(
                    "history " + dir,
                    "baseline: " + good.size() + " good comparable run(s) in " + dir + " (fingerprint " + fp.id()
                            + "), " + min + " needed (baseline.minRuns): no regression verdict yet");
        }
        return new Resolved(
                Optional.of(Baseline.of(
                        good.stream()
                                .map(e -> SummaryFigures.groups(e.result()))
                                .toList(),
                        source,
                        tol)),
                source,
                good.size(),
                null);
    }

    private static Resolved pinned(String ref, Fingerprint fp, Baseline.Tolerances tol) {
        String label = ResultKeys.BASELINE.name() + "='" + ref + "'";
        Path p = Path.of(ref);
        if (!Files.isRegularFile(p)) {
            throw new ConfigException(label + ": no such file; expected a summary.json of an earlier run");
        }
        JsonNode n;
        try {
            n = JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new ConfigException(label + ": not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.path("schema").asText().startsWith("rdm-loadtest/run-summary/")) {
            throw new ConfigException(label + ": schema: expected \"" + RunSummary.SCHEMA
                    + "\" (a summary.json written by" + " this toolkit)");
        }
        String source = "baseline " + ref;
        if (n.has("fingerprint") && !n.get("fingerprint").isNull()) {
            Fingerprint then = JSON.convertValue(n.get("fingerprint"), Fingerprint.class);
            List<String> diff = fp.differences(then);
            if (!diff.isEmpty()) {
                return Resolved.none(
                        source,
                        "baseline " + ref + " is not comparable with this run (this vs it: " + String.join("; ", diff)
                                + "): no regression verdict");
            }
        }
        return new Resolved(Optional.of(Baseline.of(List.of(SummaryFigures.groups(n)), source, tol)), source, 1, null);
    }

    /** Adds a check per figure and group (or one skipped check saying why there is no comparison). */
    static BaselineReport compare(Resolved r, List<RunSummary.GroupSummary> groups, List<Check> checks) {
        if (r.baseline().isEmpty()) {
            if (r.note() != null) {
                checks.add(new Check(
                        Check.Kind.BASELINE, "run", "baseline", null, null, "", Check.Status.SKIPPED, r.note()));
            }
            return BaselineReport.notCompared(r.source(), r.note());
        }
        Map<String, Baseline.GroupFigures> now = new LinkedHashMap<>();
        for (RunSummary.GroupSummary g : groups) {
            Stats w = g.window();
            now.put(
                    g.name(),
                    new Baseline.GroupFigures(
                            g.name(), w.count(), w.p50(), w.p95(), w.p99(), w.rps(), w.errorRatePct()));
        }
        List<Baseline.Finding> findings = r.baseline().get().compare(now);
        for (Baseline.Finding f : findings) {
            checks.add(new Check(
                    Check.Kind.BASELINE,
                    f.group(),
                    f.figure() + " vs baseline",
                    f.current(),
                    f.baseline(),
                    "",
                    f.regressed() ? Check.Status.FAILED : Check.Status.PASSED,
                    f.message()));
        }
        return new BaselineReport(true, r.source(), r.runs(), null, findings);
    }
}

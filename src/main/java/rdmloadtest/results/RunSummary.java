package rdmloadtest.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rdmloadtest.history.Fingerprint;
import rdmloadtest.monitor.InjectorValidity;
import rdmloadtest.slo.Check;

/**
 * Everything summary.json holds. {@code run} figures cover the whole run, {@code window} figures leave out the
 * warm-up and are what the gate judges; every percentile comes from {@link Latencies}. The verdict is one of PASSED,
 * FAILED (an SLO or a regression) and INVALID (the injector was the limit: no pass or fail is given).
 */
public record RunSummary(
        String schema,
        String simulation,
        String runFolder,
        String gatlingVersion,
        String runStart,
        long injectStartEpochMs,
        long injectEndEpochMs,
        long durationSeconds,
        double warmupSeconds,
        double windowSeconds,
        boolean logTruncated,
        Verdict verdict,
        boolean passed,
        boolean valid,
        List<String> failures,
        List<String> invalidReasons,
        String percentiles,
        Stats global,
        Stats globalWindow,
        List<GroupSummary> groups,
        List<RequestSummary> requests,
        List<String> requestsWithoutSlo,
        String sloFile,
        List<Check> checks,
        InjectorHealth injector,
        InjectorValidity.Verdict injectorMonitor,
        BaselineReport baseline,
        Fingerprint fingerprint,
        Map<String, Map<String, String>> configuration) {

    public static final String SCHEMA = "rdm-loadtest/run-summary/2";
    public static final String PERCENTILES =
            "HdrHistogram (3 significant digits) over every response in simulation.log;"
                    + " Gatling's HTML report estimates its own with a t-digest and may differ by a few ms";

    public enum Verdict {
        PASSED,
        FAILED,
        INVALID
    }

    /** The same summary with its injector checks replaced (a merge judges the injectors by their own summaries). */
    public RunSummary withInjectorChecks(List<Check> injectorChecks) {
        List<Check> all = new ArrayList<>(
                checks.stream().filter(c -> c.kind() != Check.Kind.INJECTOR).toList());
        all.addAll(injectorChecks);
        List<String> invalid = injectorChecks.stream()
                .filter(Check::failed)
                .map(Check::message)
                .toList();
        Verdict v = !invalid.isEmpty() ? Verdict.INVALID : passed ? Verdict.PASSED : Verdict.FAILED;
        return new RunSummary(
                schema,
                simulation,
                runFolder,
                gatlingVersion,
                runStart,
                injectStartEpochMs,
                injectEndEpochMs,
                durationSeconds,
                warmupSeconds,
                windowSeconds,
                logTruncated,
                v,
                passed,
                invalid.isEmpty(),
                failures,
                invalid,
                percentiles,
                global,
                globalWindow,
                groups,
                requests,
                requestsWithoutSlo,
                sloFile,
                List.copyOf(all),
                injector,
                injectorMonitor,
                baseline,
                fingerprint,
                configuration);
    }

    public record RequestSummary(String name, String path, String sloGroup, Stats run, Stats window) {}

    public record GroupSummary(String name, List<String> requests, Stats run, Stats window) {}
}

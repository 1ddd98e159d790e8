package rdmloadtest.capacity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import rdmloadtest.monitor.InjectorValidity;
import rdmloadtest.slo.Check;

/**
 * What one step measured on its steady window (after its ramp and settle time). Rates in requests/s: offered =
 * requests started in the window, throughput = successful responses completed in it; latencies (ms) and the error
 * rate are of the requests started in it; concurrency is Little's law, throughput x mean response time.
 *
 * @param phase "warmup" (the first run: JIT, connections, requests per session; not a measurement), "step" (stepping
 *     up) or "refine" (bisection between the last passing and first failing rate)
 * @param requestsPerSession requests of the whole run per reader session started (closed-model background included)
 * @param checks the SLO verdicts of every group on this window (throughput objectives left out); in capacity.json
 *     the failed ones are under each group's failures
 * @param injectorOk the injector started users when planned and was not short of CPU; otherwise the step measured the
 *     injector, not the target
 * @param injector what the injector's monitor saw on the step's window (CPU, lag, GC), null when not watched
 */
public record StepResult(
        int index,
        String phase,
        double targetRps,
        double sessionsPerSec,
        double offeredRps,
        double throughputRps,
        long requests,
        long ko,
        double errorRatePct,
        double meanMs,
        int p50Ms,
        int p95Ms,
        int p99Ms,
        int maxMs,
        double concurrency,
        double requestsPerSession,
        List<GroupStep> groups,
        @JsonIgnore List<Check> checks,
        boolean injectorOk,
        String injectorNote,
        InjectorValidity.Verdict injector,
        String runFolder) {
    public static final String WARMUP = "warmup";

    /** One SLO group on this step's window. */
    public record GroupStep(
            String name,
            long requests,
            double errorRatePct,
            int p50Ms,
            int p95Ms,
            int p99Ms,
            boolean passed,
            List<String> failures) {}

    /** Every SLO objective met on a window that has requests. */
    @JsonProperty("passed")
    public boolean passed() {
        return requests > 0 && checks.stream().noneMatch(Check::failed);
    }

    /** A measurement of the target: not the warm-up, the injector kept up, and the window has requests. */
    public boolean valid() {
        return injectorOk && requests > 0 && !phase.equals(WARMUP);
    }

    public List<String> failures() {
        return checks.stream().filter(Check::failed).map(Check::message).toList();
    }
}

package rdmloadtest.capacity;

import java.util.List;
import java.util.Map;
import rdmloadtest.invenio.Dataset;

/**
 * What capacity.json holds (schema rdm-loadtest/capacity/2). Rates in requests/s of the whole mix.
 *
 * @param maxSustainableRps throughput of the best step that met every SLO, below the lowest failing rate
 * @param firstFailingTargetRps the lowest step rate at which an SLO failed (null: none failed)
 * @param breaksFirst the SLO group(s) that failed at the lowest rate
 * @param injectorBoundAtRps the step rate at which the injector, not the target, became the limit before any SLO
 *     failed: then there is no capacity ({@code maxSustainableRps} is null), only {@code lowerBoundRps}
 * @param lowerBoundRps with an injector-bound search, the throughput the target sustained meeting every SLO so far
 * @param attribution which tier limits and what to add (null: the steps ran without metrics.file)
 * @param dataset what the target held when the search started (null: not probed)
 * @param background background work per step (queue, time to searchable) and whether it is what fails (null: neither
 *     measured)
 */
public record CapacityResult(
        String schema,
        String target,
        String journey,
        String sloFile,
        String startedAt,
        double loadSeconds,
        double wallSeconds,
        String stopReason,
        Double maxSustainableRps,
        Integer maxSustainableStep,
        Double injectorBoundAtRps,
        Double lowerBoundRps,
        Double firstFailingTargetRps,
        List<String> breaksFirst,
        List<GroupLimit> groups,
        Knee knee,
        UslFit usl,
        Headroom headroom,
        List<StepResult> steps,
        Map<String, String> plan,
        Attribution attribution,
        Dataset dataset,
        Background background) {

    public static final String SCHEMA = "rdm-loadtest/capacity/2";

    /**
     * @param limitRps highest throughput of a step where this group met its objectives, below its first failure
     * @param reached whether the group failed at all (false: its limit is above what was tried)
     * @param failedAtTargetRps the lowest step rate at which it failed
     * @param firstFailure the verdict that failed there
     */
    public record GroupLimit(
            String name, Double limitRps, boolean reached, Double failedAtTargetRps, String firstFailure) {}

    /** The knee of p95 latency against offered load (Kneedle). */
    public record Knee(
            String method, Double offeredRps, Double throughputRps, Integer p95Ms, Integer step, String note) {}

    /** @param headroomPct (maxSustainable / expectedPeak − 1) × 100; negative: the peak is beyond capacity */
    public record Headroom(double expectedPeakRps, Double headroomPct, Double peakUtilisationPct) {}
}

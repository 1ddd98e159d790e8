package rdmloadtest.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;

/** From measured steps to the capacity: the SLO limit of the mix and of each group, the knee, the USL fit, headroom. */
public final class CapacityAnalysis {
    private CapacityAnalysis() {}

    public record Limits(Double maxSustainableRps, Integer step, Double firstFailingTargetRps) {}

    /**
     * The best throughput of a step that met every SLO at a rate below the lowest failing rate (a pass above a failure
     * is noise, not capacity). Steps with a lagging injector are left out.
     */
    public static Limits mixLimit(List<StepResult> steps) {
        List<StepResult> valid = steps.stream().filter(StepResult::valid).toList();
        Double firstFail = lowestFailingRate(valid, s -> Optional.of(s.passed()));
        Optional<StepResult> best = valid.stream()
                .filter(StepResult::passed)
                .filter(s -> firstFail == null || s.targetRps() < firstFail)
                .max(Comparator.comparingDouble(StepResult::throughputRps));
        return new Limits(
                best.map(StepResult::throughputRps).orElse(null),
                best.map(StepResult::index).orElse(null),
                firstFail);
    }

    /**
     * The first step to fail, the one the report's "what fails" sentences describe: a valid step that failed its SLOs
     * at {@link #mixLimit}'s first failing rate (a rate that passed when measured again is not failing); empty when
     * none failed.
     */
    static Optional<StepResult> firstFailing(List<StepResult> steps) {
        Double rate = mixLimit(steps).firstFailingTargetRps();
        if (rate == null) return Optional.empty();
        return steps.stream()
                .filter(s -> s.valid() && !s.passed() && s.targetRps() == rate)
                .findFirst();
    }

    /**
     * The lowest rate at which every measurement that judged something failed (a rate measured again after a failure,
     * capacity.confirmFailures, fails only when no measurement of it passed). {@code verdict} is empty for a step that
     * judged nothing.
     */
    private static Double lowestFailingRate(List<StepResult> valid, Function<StepResult, Optional<Boolean>> verdict) {
        Map<Double, Boolean> anyPassAt = new TreeMap<>();
        for (StepResult s : valid)
            verdict.apply(s).ifPresent(passed -> anyPassAt.merge(s.targetRps(), passed, Boolean::logicalOr));
        return anyPassAt.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The same limit for each SLO group that had requests, judged on that group's objectives only. */
    public static List<CapacityResult.GroupLimit> groupLimits(Slo slo, List<StepResult> steps) {
        List<StepResult> valid = steps.stream().filter(StepResult::valid).toList();
        List<CapacityResult.GroupLimit> out = new ArrayList<>();
        for (SloGroup g : slo.groups()) {
            Function<StepResult, Optional<StepResult.GroupStep>> of = s ->
                    s.groups().stream().filter(x -> x.name().equals(g.name())).findFirst();
            if (valid.stream().allMatch(s -> of.apply(s).isEmpty())) continue;
            Double failAt = lowestFailingRate(valid, s -> of.apply(s).map(StepResult.GroupStep::passed));
            String firstFailure = failAt == null
                    ? null
                    : valid.stream()
                            .filter(s -> s.targetRps() == failAt)
                            .flatMap(s -> of.apply(s).stream())
                            .map(gs -> gs.failures().get(0))
                            .findFirst()
                            .orElse(null);
            Double limit = valid.stream()
                    .filter(s -> failAt == null || s.targetRps() < failAt)
                    .filter(s -> s.groups().stream().anyMatch(x -> x.name().equals(g.name()) && x.passed()))
                    .map(StepResult::throughputRps)
                    .max(Double::compare)
                    .orElse(null);
            out.add(new CapacityResult.GroupLimit(g.name(), limit, failAt != null, failAt, firstFailure));
        }
        return out;
    }

    /** Groups that failed at the lowest rate. */
    public static List<String> breaksFirst(List<CapacityResult.GroupLimit> groups) {
        Optional<Double> lowest = groups.stream()
                .filter(CapacityResult.GroupLimit::reached)
                .map(CapacityResult.GroupLimit::failedAtTargetRps)
                .min(Double::compare);
        Set<String> out = new LinkedHashSet<>();
        lowest.ifPresent(l -> groups.stream()
                .filter(g -> g.reached() && g.failedAtTargetRps().equals(l))
                .forEach(g -> out.add(g.name())));
        return List.copyOf(out);
    }

    /** Kneedle on p95 against offered load, over the valid steps in order of offered load. */
    public static CapacityResult.Knee knee(List<StepResult> steps) {
        List<StepResult> pts = byOffered(steps);
        double[] x = pts.stream().mapToDouble(StepResult::offeredRps).toArray();
        double[] y = pts.stream().mapToDouble(StepResult::p95Ms).toArray();
        String method =
                "Kneedle (Satopää et al. 2011) on p95 against offered load: both axes scaled to [0, 1], the knee"
                        + " is the step farthest below the diagonal";
        return Kneedle.knee(x, y)
                .map(i -> new CapacityResult.Knee(
                        method,
                        pts.get(i).offeredRps(),
                        pts.get(i).throughputRps(),
                        pts.get(i).p95Ms(),
                        pts.get(i).index(),
                        null))
                .orElse(new CapacityResult.Knee(
                        method,
                        null,
                        null,
                        null,
                        null,
                        pts.size() < 3
                                ? "fewer than 3 valid steps"
                                : "p95 did not rise by " + Kneedle.MIN_RISE + "x over the steps: no knee yet"));
    }

    /** USL over (concurrency, throughput) of the valid steps. */
    public static Optional<UslFit> usl(List<StepResult> steps) {
        List<StepResult> pts =
                byOffered(steps).stream().filter(s -> s.concurrency() > 0).toList();
        return UslFit.fit(
                pts.stream().mapToDouble(StepResult::concurrency).toArray(),
                pts.stream().mapToDouble(StepResult::throughputRps).toArray());
    }

    public static CapacityResult.Headroom headroom(Double maxSustainable, double expectedPeak) {
        if (maxSustainable == null) return new CapacityResult.Headroom(expectedPeak, null, null);
        return new CapacityResult.Headroom(
                expectedPeak, (maxSustainable / expectedPeak - 1) * 100, expectedPeak / maxSustainable * 100);
    }

    static List<StepResult> byOffered(List<StepResult> steps) {
        return steps.stream()
                .filter(StepResult::valid)
                .sorted(Comparator.comparingDouble(StepResult::offeredRps))
                .toList();
    }
}

package rdmloadtest.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import rdmloadtest.metrics.TierMetrics;

/**
 * Which tier limits the target and what to add, from each step's tier metrics (capacity.json's "attribution"). At the
 * reference step (the highest valid step that met the SLOs) each tier's demand per request D = U / X (pooled over the
 * passing steps down to half its throughput) bounds the
 * throughput it allows, X_max = capacity / D (the utilization law); the smallest bound is the bottleneck, and the
 * bounds in order are the order in which the tiers saturate. Sizing: a tier needs peak × D / target utilization of
 * its unit. What-if: scaling one tier's capacity multiplies its bound; the sustainable rate is predicted by a queueing
 * model of the tiers ({@link Prediction}), or without one at the same fraction of the new tightest bound as it is today
 * of the current one. The report checks itself ({@link SelfCheck}). On one host the tiers share its cores: the
 * machine (a tier named "machine", its capacity the cores) bounds them all together, so it takes part in the bounds,
 * the order and the what-if, but is never the busiest tier; the injector is never a tier of the target.
 *
 * @param step the reference step; throughputRps its throughput
 * @param busiestTier the tier with the highest utilization relative to its capacity at the reference step
 * @param limitingTier the tier with the smallest bound (null: no tier with a known capacity)
 * @param boundRps that bound
 * @param saturationOrder tiers with a bound, in the order their bounds are reached
 * @param tiers every tier of the target (not the machine nor the injector)
 * @param whatIf scaling each tier with a bound by {@code scale}
 * @param findings what does not add up in the figures (empty: the self-check passed)
 * @param prediction the queueing model's calibration and record (null: no model)
 * @param sizing the expected peak in the deployment's units (null: no tier measured in cores or workers)
 * @param fullPools the pools that were full when the SLOs first failed below every CPU bound (null: none)
 */
public record Attribution(
        int step,
        double throughputRps,
        String busiestTier,
        String limitingTier,
        Double boundRps,
        List<String> saturationOrder,
        double expectedPeakRps,
        double targetUtilizationPct,
        double scale,
        List<TierLimit> tiers,
        List<WhatIf> whatIf,
        List<SelfCheck.Finding> findings,
        Prediction prediction,
        Sizing sizing,
        String fullPools) {

    /** Utilization of its capacity at which a tier counts as saturated in a step. */
    static final double SATURATED_PCT = 90;

    /**
     * @param demandMs D at the reference step (pooled with the passing steps down to half its throughput), in the tier's
     *     unit × ms per request
     * @param boundRps capacity / D (null: no known capacity)
     * @param saturatedAtOfferedRps the lowest offered rate of a valid step where the tier was saturated
     * @param neededForPeak capacity the tier needs to serve the expected peak at the target utilization
     * @param toAdd what to add to the current capacity (0: enough; null: capacity unknown)
     */
    public record TierLimit(
            String tier,
            String unit,
            double demandMs,
            Double capacity,
            Double utilizationPct,
            Double boundRps,
            Double saturatedAtOfferedRps,
            double neededForPeak,
            Double toAdd) {}

    /**
     * @param boundRps the tightest bound once {@code tier} is scaled
     * @param thenLimits the tier that limits then
     * @param predictedRps the sustainable rate predicted then (null: the search found none today)
     * @param modelled whether the queueing model predicted it (else: the same fraction of the bound as today)
     */
    public record WhatIf(
            String tier, double scale, double boundRps, String thenLimits, Double predictedRps, boolean modelled) {}

    /** Null when no step has tier metrics that met the SLOs. */
    static Attribution of(
            List<TierSteps.Row> rows,
            Double maxSustainableRps,
            double expectedPeakRps,
            double targetUtilizationPct,
            double scale) {
        Optional<TierSteps.Row> ref = TierSteps.reference(rows);
        if (ref.isEmpty()) return null;
        TierMetrics.Report r = ref.get().tiers();
        double rho = targetUtilizationPct / 100;
        List<TierLimit> tiers = new ArrayList<>();
        for (TierMetrics.TierUsage u : r.tiers()) {
            if (u.tier().equals(INJECTOR) || Double.isNaN(u.utilization()) || !(u.demandMs() >= 0)) continue;
            double demand = TierSteps.pooledDemandMs(rows, ref.get(), u.tier());
            Double capacity = u.capacity() != null && u.capacity() > 0 ? u.capacity() : null;
            Double bound = capacity != null && demand > 0 ? capacity / (demand / 1000) : null;
            double needed = expectedPeakRps * demand / 1000 / rho;
            tiers.add(new TierLimit(
                    u.tier(),
                    u.unit(),
                    demand,
                    capacity,
                    u.utilizationPct(),
                    bound,
                    saturatedAt(rows, u.tier()),
                    needed,
                    capacity == null ? null : Math.max(0, Math.ceil(needed - capacity - 1e-9))));
        }
        List<TierLimit> bounded = tiers.stream()
                .filter(t -> t.boundRps() != null)
                .sorted(Comparator.comparingDouble(TierLimit::boundRps))
                .toList();
        Double bound = bounded.isEmpty() ? null : bounded.get(0).boundRps();
        Optional<Prediction.Calibrated> model = Prediction.of(rows, maxSustainableRps);
        List<WhatIf> whatIf = new ArrayList<>();
        for (TierLimit scaled : bounded) {
            TierLimit then = bounded.stream()
                    .min(Comparator.comparingDouble(t -> t == scaled ? t.boundRps() * scale : t.boundRps()))
                    .orElseThrow();
            double newBound = then == scaled ? then.boundRps() * scale : then.boundRps();
            boolean modelled = maxSustainableRps != null
                    && model.isPresent()
                    && model.get().model().stations().stream()
                            .anyMatch(st -> st.name().equals(scaled.tier()));
            whatIf.add(new WhatIf(
                    scaled.tier(),
                    scale,
                    newBound,
                    then.tier(),
                    maxSustainableRps == null
                            ? null
                            : modelled
                                    ? model.get().whatIf(scaled.tier(), scale)
                                    : maxSustainableRps * newBound / bound,
                    modelled));
        }
        return new Attribution(
                ref.get().step().index(),
                ref.get().step().throughputRps(),
                r.bottleneck(),
                bounded.isEmpty() ? null : bounded.get(0).tier(),
                bound,
                bounded.stream().map(TierLimit::tier).toList(),
                expectedPeakRps,
                targetUtilizationPct,
                scale,
                List.copyOf(tiers),
                List.copyOf(whatIf),
                SelfCheck.of(rows, tiers),
                model.map(Prediction.Calibrated::prediction).orElse(null),
                Sizing.of(r.tiers(), model, expectedPeakRps, targetUtilizationPct)
                        .orElse(null),
                Pools.fullAtFirstFailure(rows, tiers).orElse(null));
    }

    private static final String INJECTOR = "injector";

    private static Double saturatedAt(List<TierSteps.Row> rows, String tier) {
        return rows.stream()
                .filter(r -> r.step().valid() && !r.step().phase().equals(StepResult.WARMUP))
                .filter(r -> r.tiers().tiers().stream()
                        .anyMatch(u -> u.tier().equals(tier)
                                && u.utilizationPct() != null
                                && u.utilizationPct() >= SATURATED_PCT))
                .map(r -> r.step().offeredRps())
                .min(Double::compare)
                .orElse(null);
    }
}

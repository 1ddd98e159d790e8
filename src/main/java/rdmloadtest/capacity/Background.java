package rdmloadtest.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rdmloadtest.metrics.TierMetrics;

/**
 * Background work (Celery through RabbitMQ: a published record's bulk indexing, file processing, statistics) as a
 * tier: per step, its queue (the broker's messages ready, the simulator's records waiting for indexing) and the time to
 * searchable the depositors measured. Like {@link Pools}, it names what fails at the first failing step: background
 * workers, when that step failed the time-to-searchable group, or when their queue grew across the step while they
 * were busy at ≥ {@link Attribution#SATURATED_PCT} (a backlog that grows without bound: the workers cannot keep up).
 *
 * @param tier the metrics file's background tier (null: the steps had no tier of that name)
 * @param searchableGroup the SLO group of time to searchable (null: the SLO file has none)
 * @param steps each step's queue and time to searchable
 * @param verdict the report's sentence when background work is what fails (null: it is not)
 */
public record Background(String tier, String searchableGroup, List<Step> steps, String verdict) {
    /** The tier's name in the metrics files (single-host.json, kubernetes.json, simulator.json). */
    public static final String TIER = "background workers";

    /**
     * One step.
     *
     * @param queue the tier's saturation averaged over the step's window (null: not measured)
     * @param queueStart its value at the window's start, {@code queueEnd} at its end
     * @param workers the tier's capacity (workers or cores)
     * @param busyPct its utilization, % of that capacity
     * @param searchableP50Ms time to searchable of the records published in the window (null: none)
     * @param searchablePassed whether the time-to-searchable group met its objectives there
     */
    public record Step(
            int step,
            double offeredRps,
            Double queue,
            Double queueStart,
            Double queueEnd,
            Double workers,
            Double busyPct,
            Integer searchableP50Ms,
            Integer searchableP95Ms,
            boolean searchablePassed) {
        /** The queue grew across the step by at least one task per worker while the workers were saturated. */
        boolean grewSaturated() {
            return queueStart != null
                    && queueEnd != null
                    && busyPct != null
                    && busyPct >= Attribution.SATURATED_PCT
                    && queueEnd - queueStart >= Math.max(1, workers == null ? 1 : workers);
        }
    }

    /** Null when no step measured the background tier's queue nor a time to searchable. */
    static Background of(List<StepResult> steps, List<TierSteps.Row> rows, String searchableGroup) {
        List<Step> out = new ArrayList<>();
        boolean tier = false;
        for (StepResult s : steps) {
            Optional<TierMetrics.TierUsage> u = rows.stream()
                    .filter(r -> r.step().index() == s.index())
                    .flatMap(r -> r.tiers().tiers().stream())
                    .filter(t -> t.tier().equals(TIER))
                    .findFirst();
            Optional<StepResult.GroupStep> g = s.groups().stream()
                    .filter(x -> x.name().equals(searchableGroup))
                    .findFirst();
            tier |= u.isPresent();
            if (u.isEmpty() && g.isEmpty()) continue;
            out.add(new Step(
                    s.index(),
                    s.offeredRps(),
                    u.map(t -> finite(t.saturation())).orElse(null),
                    u.map(t -> finite(t.saturationStart())).orElse(null),
                    u.map(t -> finite(t.saturationEnd())).orElse(null),
                    u.map(TierMetrics.TierUsage::capacity).orElse(null),
                    u.map(TierMetrics.TierUsage::utilizationPct).orElse(null),
                    g.map(StepResult.GroupStep::p50Ms).orElse(null),
                    g.map(StepResult.GroupStep::p95Ms).orElse(null),
                    g.map(StepResult.GroupStep::passed).orElse(true)));
        }
        if (out.isEmpty()) return null;
        return new Background(
                tier ? TIER : null, searchableGroup, List.copyOf(out), verdict(steps, out, searchableGroup));
    }

    /** The sentence naming background workers at the first failing step, or null. */
    private static String verdict(List<StepResult> steps, List<Step> per, String searchableGroup) {
        Optional<StepResult> failed = steps.stream()
                .filter(s -> s.valid() && !s.passed())
                .min(Comparator.comparingDouble(StepResult::targetRps));
        if (failed.isEmpty()) return null;
        StepResult f = failed.get();
        Optional<Step> b = per.stream().filter(s -> s.step() == f.index()).findFirst();
        if (b.isEmpty()) return null;
        List<String> why = new ArrayList<>();
        f.groups().stream()
                .filter(g -> g.name().equals(searchableGroup) && !g.passed())
                .findFirst()
                .ifPresent(g -> why.add(String.format(
                        Locale.ROOT,
                        "time to searchable failed (p50 %d ms, p95 %d ms: %s)",
                        g.p50Ms(),
                        g.p95Ms(),
                        g.failures().isEmpty() ? "an objective" : g.failures().get(0))));
        Step s = b.get();
        if (s.grewSaturated())
            why.add(String.format(
                    Locale.ROOT,
                    "their queue grew from %s to %s over the step with %.0f %% of their %s workers busy",
                    TierSteps.n(s.queueStart()),
                    TierSteps.n(s.queueEnd()),
                    s.busyPct(),
                    s.workers() == null ? "?" : TierSteps.n(s.workers())));
        if (why.isEmpty()) return null;
        List<String> others = f.groups().stream()
                .filter(g -> !g.passed() && !g.name().equals(searchableGroup))
                .map(StepResult.GroupStep::name)
                .toList();
        return String.format(
                Locale.ROOT,
                "At step %d, the first to fail (%.1f req/s offered), what fails is **%s**: %s%s.",
                f.index(),
                f.offeredRps(),
                TIER,
                String.join("; ", why),
                others.isEmpty() ? "" : " (also failing there: " + String.join(", ", others) + ")");
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() ? null : v;
    }

    /** The step table's queue cell: its average, and from start to end when they are known. */
    String queueCell(int step) {
        return find(step)
                .filter(s -> s.queue() != null)
                .map(s -> TierSteps.n(round(s.queue()))
                        + (s.queueStart() == null || s.queueEnd() == null
                                ? ""
                                : " (" + TierSteps.n(s.queueStart()) + "→" + TierSteps.n(s.queueEnd()) + ")"))
                .orElse("–");
    }

    /** The step table's time-to-searchable cell: p50/p95 in ms, ✗ when its group failed. */
    String searchableCell(int step) {
        return find(step)
                .filter(s -> s.searchableP95Ms() != null)
                .map(s -> s.searchableP50Ms() + "/" + s.searchableP95Ms() + (s.searchablePassed() ? "" : " ✗"))
                .orElse("–");
    }

    boolean hasQueue() {
        return steps.stream().anyMatch(s -> s.queue() != null);
    }

    boolean hasSearchable() {
        return steps.stream().anyMatch(s -> s.searchableP95Ms() != null);
    }

    private Optional<Step> find(int step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

package rdmloadtest.capacity;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import rdmloadtest.metrics.TierMetrics;

/**
 * Concurrency as saturation: when the SLOs fail below every CPU bound, CPU is not what ran out; a pool of workers
 * (gunicorn's threads, a database's connections, a search thread pool) that was full is. At the first failing step,
 * the tiers counted in workers that were busy at or above {@link Attribution#SATURATED_PCT} of their pool.
 */
final class Pools {
    private Pools() {}

    /**
     * The report's sentence naming the full pools at the first failing step, when its rate lies below every CPU
     * bound; empty when no step failed, a CPU bound lies below it, or no pool was full.
     */
    static Optional<String> fullAtFirstFailure(List<TierSteps.Row> rows, List<Attribution.TierLimit> tiers) {
        Optional<TierSteps.Row> failed = CapacityAnalysis.firstFailing(
                        rows.stream().map(TierSteps.Row::step).toList())
                .flatMap(f -> rows.stream().filter(r -> r.step() == f).findFirst());
        if (failed.isEmpty()) return Optional.empty();
        // The rate the SLOs failed at is the one offered: past a bound the throughput stays below it.
        double x = failed.get().step().offeredRps();
        List<Attribution.TierLimit> cpu = tiers.stream()
                .filter(t -> "cores".equals(t.unit()) && t.boundRps() != null)
                .toList();
        if (!cpu.stream().allMatch(t -> t.boundRps() > x)) return Optional.empty();
        List<TierMetrics.TierUsage> full = failed.get().tiers().tiers().stream()
                .filter(u -> "workers".equals(u.unit()) && u.utilizationPct() != null)
                .filter(u -> u.utilizationPct() >= Attribution.SATURATED_PCT)
                .sorted(Comparator.comparingDouble(TierMetrics.TierUsage::utilizationPct)
                        .reversed())
                .toList();
        if (full.isEmpty()) return Optional.empty();
        return Optional.of(String.format(
                Locale.ROOT,
                "At step %d, the first to fail (%.1f req/s offered, %s), the pool that was full: %s.",
                failed.get().step().index(),
                x,
                cpu.isEmpty() ? "no tier's CPU measured" : "below every CPU bound",
                full.stream().map(Pools::describe).collect(Collectors.joining("; "))));
    }

    private static String describe(TierMetrics.TierUsage u) {
        return String.format(
                Locale.ROOT,
                "**%s** (%.1f of %s workers busy%s)",
                u.tier(),
                u.utilization(),
                TierSteps.n(u.capacity()),
                u.saturation() == null || u.saturation().isNaN()
                        ? ""
                        : String.format(Locale.ROOT, ", %.1f waiting", u.saturation()));
    }
}

package rdmloadtest.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Whether the injector, rather than the target, was the limit during a measured window. Each rule counts the seconds
 * in which the injector was short of something; more than {@code maxShortSharePct} of them makes the window INVALID:
 * a short burst (a JIT compile, one GC) is noise, a starved tenth of the window is not.
 */
public final class InjectorValidity {
    /**
     * @param maxMachineCpuPct the whole machine's CPU above this (percent of its cores) means the injector competes
     *     for CPU; 100 switches the rule off (a target deliberately on the same machine)
     * @param maxInjectorCpuPct the load generator's own CPU above this (percent of the cores) means it is the limit
     * @param maxLagP99 the scheduling probe's p99 lateness above this means threads wait for a CPU or a GC
     * @param maxShortSharePct seconds short of one of the above, as a percentage of the window, before it is INVALID
     */
    public record Limits(
            double maxMachineCpuPct, double maxInjectorCpuPct, Duration maxLagP99, double maxShortSharePct) {
        public static final Limits DEFAULT = new Limits(85, 85, Duration.ofMillis(50), 10);
    }

    /** What the injector did during a window, and whether its measurements can be trusted. */
    public record Verdict(
            boolean valid,
            List<String> reasons,
            int seconds,
            double meanMachineCpu,
            double meanInjectorCpu,
            double meanSimulatorCpu,
            double maxLagP99Ms,
            double gcPauseMs,
            double maxHeapUsedMb) {}

    private InjectorValidity() {}

    public static Verdict judge(List<InjectorSample> window, Limits limits) {
        if (window.isEmpty()) {
            return new Verdict(
                    false, List.of("no injector samples in the window: its health is unknown"), 0, 0, 0, 0, 0, 0, 0);
        }
        List<String> reasons = new ArrayList<>();
        int cores = window.get(0).cores();
        if (limits.maxMachineCpuPct() < 100) {
            check(window, s -> pct(s.machineCpu(), cores) > limits.maxMachineCpuPct(), limits)
                    .ifPresent(share -> reasons.add(String.format(
                            Locale.ROOT,
                            "machine CPU above %.0f %% of %d cores in %.0f %% of the"
                                    + " seconds (this JVM %.2f cores, other processes %.2f cores on average): the"
                                    + " injector competes for CPU",
                            limits.maxMachineCpuPct(),
                            cores,
                            share,
                            mean(window, InjectorSample::processCpu),
                            mean(window, InjectorSample::otherCpu))));
        }
        check(window, s -> pct(s.injectorCpu(), cores) > limits.maxInjectorCpuPct(), limits)
                .ifPresent(share -> reasons.add(String.format(
                        Locale.ROOT,
                        "injector CPU above %.0f %% of %d cores in %.0f %% of the"
                                + " seconds: the load generator is the limit",
                        limits.maxInjectorCpuPct(),
                        cores,
                        share)));
        double maxLagMs = limits.maxLagP99().toNanos() / 1e6;
        check(window, s -> s.lagP99Ms() > maxLagMs, limits)
                .ifPresent(share -> reasons.add(String.format(
                        Locale.ROOT,
                        "scheduling lag p99 above %.0f ms in %.0f %% of the seconds"
                                + " (worst %.0f ms): the injector's threads wait for a CPU or a GC",
                        maxLagMs,
                        share,
                        window.stream()
                                .mapToDouble(InjectorSample::lagMaxMs)
                                .max()
                                .orElse(0))));
        return new Verdict(
                reasons.isEmpty(),
                List.copyOf(reasons),
                window.size(),
                mean(window, InjectorSample::machineCpu),
                mean(window, InjectorSample::injectorCpu),
                mean(window, InjectorSample::simulatorCpu),
                window.stream().mapToDouble(InjectorSample::lagP99Ms).max().orElse(0),
                window.stream().mapToDouble(InjectorSample::gcPauseMs).sum(),
                window.stream().mapToDouble(InjectorSample::heapUsedMb).max().orElse(0));
    }

    /** The seconds of [fromMs, toMs) (a sample stands for the second that ends at its time). */
    public static List<InjectorSample> window(List<InjectorSample> all, long fromMs, long toMs) {
        return all.stream().filter(s -> s.atMs() > fromMs && s.atMs() <= toMs).toList();
    }

    /** The share (percent) of seconds short of something, when above the limit. */
    private static OptionalDouble check(List<InjectorSample> window, Predicate<InjectorSample> isShort, Limits limits) {
        double share = 100.0 * window.stream().filter(isShort).count() / window.size();
        return share > limits.maxShortSharePct() ? OptionalDouble.of(share) : OptionalDouble.empty();
    }

    private static double pct(double usedCores, int cores) {
        return 100 * usedCores / cores;
    }

    private static double mean(List<InjectorSample> window, ToDoubleFunction<InjectorSample> f) {
        return window.stream().mapToDouble(f).average().orElse(0);
    }
}

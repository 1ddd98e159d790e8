package rdmloadtest.capacity;

import java.nio.file.Path;
import java.time.Duration;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;

/** The knobs of a capacity search (capacity.* keys), read and checked before any load. Rates in requests/s. */
public record CapacityPlan(
        String journey,
        double startRate,
        double step,
        double growth,
        double maxRate,
        Duration stepDuration,
        Duration settle,
        Duration ramp,
        int refineSteps,
        double precisionPct,
        int confirmFailures,
        double stopErrorRatePct,
        double keepUpPct,
        Duration maxDuration,
        double expectedPeakRps,
        double targetUtilizationPct,
        double whatIfScale,
        Path reportDir) {

    /** What a step costs beyond its load: a Gatling run's start and end, the step's measure (an estimate). */
    static final Duration STEP_OVERHEAD = Duration.ofSeconds(3);

    public static CapacityPlan from(Settings s) {
        CapacityPlan p = new CapacityPlan(
                s.get(CapacityKeys.JOURNEY),
                s.get(CapacityKeys.START_RATE),
                s.get(CapacityKeys.STEP),
                s.get(CapacityKeys.GROWTH),
                s.get(CapacityKeys.MAX_RATE),
                s.get(CapacityKeys.STEP_DURATION),
                s.get(CapacityKeys.SETTLE),
                s.get(CapacityKeys.RAMP),
                s.get(CapacityKeys.REFINE_STEPS),
                s.get(CapacityKeys.PRECISION),
                s.get(CapacityKeys.CONFIRM_FAILURES),
                s.get(CapacityKeys.STOP_ERROR_RATE),
                s.get(CapacityKeys.KEEP_UP),
                s.get(CapacityKeys.MAX_DURATION),
                s.get(CapacityKeys.EXPECTED_PEAK),
                s.get(CapacityKeys.TARGET_UTILIZATION),
                s.get(CapacityKeys.WHAT_IF_SCALE),
                // The report is written after the search: an unwritable folder must stop it now, not lose it then.
                Folders.writable(CapacityKeys.REPORT_DIR.name(), Path.of(s.get(CapacityKeys.REPORT_DIR))));
        if (p.settle.compareTo(p.stepDuration) >= 0) {
            throw new ConfigException(CapacityKeys.SETTLE.name() + "='" + p.settle.toMillis()
                    + "ms': expected less than " + CapacityKeys.STEP_DURATION.name() + " (" + p.stepDuration.toMillis()
                    + "ms), or nothing is measured");
        }
        if (p.startRate > p.maxRate) {
            throw new ConfigException(CapacityKeys.START_RATE.name() + "='" + p.startRate + "': expected at most "
                    + CapacityKeys.MAX_RATE.name() + " (" + p.maxRate + ")");
        }
        return p;
    }

    /** Seconds of a step that are measured: its constant part less the settle time. */
    public double measuredSeconds() {
        return (stepDuration.toMillis() - settle.toMillis()) / 1000.0;
    }

    /** Wall time of one step's load: ramp plus constant part. */
    public Duration stepLoad() {
        return ramp.plus(stepDuration);
    }

    /** What one step is expected to take: its load and {@link #STEP_OVERHEAD}. */
    public Duration stepEstimate() {
        return stepLoad().plus(STEP_OVERHEAD);
    }

    /** The rate after {@code rate} while growing: times capacity.growth, at least capacity.step more, at most maxRate. */
    public double nextRate(double rate) {
        return Math.min(maxRate, Math.max(rate * growth, rate + step));
    }

    /** The rates growing may try: startRate, then {@link #nextRate} up to and including maxRate. */
    public int growingSteps() {
        int n = 1;
        for (double r = startRate; r < maxRate - 1e-9; r = nextRate(r)) n++;
        return n;
    }

    /**
     * The most steps a search can take: the warm-up, every growing rate with a confirmation of the last (the first
     * failure), and every bisection step confirmed.
     */
    public int mostSteps() {
        return 1 + growingSteps() + confirmFailures + refineSteps * (1 + confirmFailures);
    }

    /** The longest a search can take: {@link #mostSteps} at {@link #stepEstimate} each, capped by maxDuration. */
    public Duration mostTime() {
        Duration steps = stepEstimate().multipliedBy(mostSteps());
        return steps.compareTo(maxDuration) < 0 ? steps : maxDuration;
    }
}

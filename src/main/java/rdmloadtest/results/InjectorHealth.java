package rdmloadtest.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.gatling.SimulationLog;

/**
 * Did the injector start users when the plan said (like k6's dropped_iterations)? Gatling never drops an
 * open-model user: an overloaded injector starts them late, or the run ends before they start. So the k-th
 * user start of a scenario is compared with the k-th planned start: the difference is its start lag, and
 * planned users with no start are missing. The plan's time origin is the run's injection start, estimated as
 * the least-late user (so a constant offset is not counted as lag).
 */
public record InjectorHealth(boolean checked, long originOffsetMs, List<Scenario> scenarios) {

    public record Scenario(
            String name,
            long planned,
            long started,
            long missing,
            double missingPct,
            long p99LagMs,
            long maxLagMs,
            long usersLate,
            List<Second> perSecond) {}

    /** Users planned and started in one second of the injection (second 0 = injection start). */
    public record Second(int t, int planned, int started) {}

    public static InjectorHealth notChecked() {
        return new InjectorHealth(false, 0, List.of());
    }

    public static InjectorHealth of(InjectionPlan plan, SimulationLog log, Duration lateAfter) {
        return of(plan, log, lateAfter, Long.MAX_VALUE);
    }

    /** @param stoppedAt when a stop condition ended the load (epoch ms): users planned after it were not due */
    public static InjectorHealth of(InjectionPlan plan, SimulationLog log, Duration lateAfter, long stoppedAt) {
        if (plan.isEmpty()) return notChecked();
        Map<String, long[]> planned = plan.starts();
        Map<String, long[]> actual = new HashMap<>();
        for (String s : planned.keySet()) {
            actual.put(
                    s,
                    log.users().stream()
                            .filter(u -> u.start() && u.scenario().equals(s))
                            .mapToLong(SimulationLog.User::timestamp)
                            .sorted()
                            .toArray());
        }
        long origin = Long.MAX_VALUE;
        for (String s : planned.keySet()) {
            long[] p = planned.get(s);
            long[] a = actual.get(s);
            for (int k = 0; k < Math.min(p.length, a.length); k++) origin = Math.min(origin, a[k] - p[k]);
        }
        if (origin == Long.MAX_VALUE) origin = log.injectStart();
        if (stoppedAt != Long.MAX_VALUE) {
            long due = stoppedAt - origin;
            planned.replaceAll((s, p) -> Arrays.stream(p).filter(t -> t <= due).toArray());
        }
        List<Scenario> out = new ArrayList<>();
        for (String s : planned.keySet())
            out.add(scenario(s, planned.get(s), actual.get(s), origin, lateAfter.toMillis()));
        return new InjectorHealth(true, origin - log.header().runStart(), out);
    }

    private static Scenario scenario(String name, long[] p, long[] a, long origin, long lateAfterMs) {
        int matched = Math.min(p.length, a.length);
        long[] lags = new long[matched];
        long late = 0;
        for (int k = 0; k < matched; k++) {
            lags[k] = Math.max(0, a[k] - origin - p[k]);
            if (lags[k] > lateAfterMs) late++;
        }
        Arrays.sort(lags);
        long p99 = matched == 0 ? 0 : lags[(int) Math.ceil(0.99 * matched) - 1];
        long max = matched == 0 ? 0 : lags[matched - 1];
        long missing = Math.max(0, p.length - a.length);
        int lastSecond = (int) Math.max(
                p.length == 0 ? 0 : p[p.length - 1] / 1000,
                a.length == 0 ? 0 : Math.max(0, (a[a.length - 1] - origin) / 1000));
        int[] ps = new int[lastSecond + 1];
        int[] as = new int[lastSecond + 1];
        for (long t : p) ps[(int) (t / 1000)]++;
        for (long t : a) as[(int) Math.max(0, (t - origin) / 1000)]++;
        List<Second> series = new ArrayList<>();
        for (int t = 0; t <= lastSecond; t++) series.add(new Second(t, ps[t], as[t]));
        return new Scenario(
                name,
                p.length,
                a.length,
                missing,
                p.length == 0 ? 0 : 100.0 * missing / p.length,
                p99,
                max,
                late,
                series);
    }
}

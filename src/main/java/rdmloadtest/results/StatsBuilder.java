package rdmloadtest.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rdmloadtest.gatling.SimulationLog;

/** Accumulates responses into counts, {@link Latencies} and a per-second series. */
final class StatsBuilder {
    private final Latencies latencies = new Latencies();
    private final long origin;
    private final double seconds;
    private long ok;
    private long ko;
    private int[] secOk = new int[64];
    private int[] secKo = new int[64];
    private long[] secSum = new long[64];
    private int[] secMax = new int[64];
    private int lastSecond = -1;

    /**
     * @param origin epoch ms of second 0 of the per-second series
     * @param seconds the period's length for the mean rate (Gatling: whole seconds of the run)
     */
    StatsBuilder(long origin, double seconds) {
        this.origin = origin;
        this.seconds = seconds;
    }

    void add(SimulationLog.Request r) {
        int rt = r.responseTime();
        latencies.add(rt);
        if (r.ok()) ok++;
        else ko++;
        int s = (int) Math.max(0, (r.start() - origin) / 1000);
        grow(s);
        if (r.ok()) secOk[s]++;
        else secKo[s]++;
        secSum[s] += rt;
        secMax[s] = Math.max(secMax[s], rt);
        lastSecond = Math.max(lastSecond, s);
    }

    private void grow(int s) {
        if (s < secOk.length) return;
        int n = Math.max(s + 1, secOk.length * 2);
        secOk = Arrays.copyOf(secOk, n);
        secKo = Arrays.copyOf(secKo, n);
        secSum = Arrays.copyOf(secSum, n);
        secMax = Arrays.copyOf(secMax, n);
    }

    /** @param lastSecondOfRun the series runs to this second, so every series of a run has the same length */
    Stats build(int lastSecondOfRun) {
        List<Stats.Second> series = new ArrayList<>();
        for (int s = 0; s <= Math.max(lastSecond, lastSecondOfRun); s++) {
            if (s >= secOk.length) {
                series.add(new Stats.Second(s, 0, 0, 0, 0));
                continue;
            }
            int n = secOk[s] + secKo[s];
            series.add(new Stats.Second(
                    s, secOk[s], secKo[s], n == 0 ? 0 : (int) Math.round((double) secSum[s] / n), secMax[s]));
        }
        long count = latencies.count();
        if (count == 0) return Stats.empty(series);
        Latencies l = latencies;
        return new Stats(
                count,
                ok,
                ko,
                100.0 * ko / count,
                count / seconds,
                l.min(),
                l.mean(),
                l.percentile(50),
                l.percentile(75),
                l.percentile(90),
                l.percentile(95),
                l.percentile(99),
                l.percentile(99.9),
                l.max(),
                series);
    }
}

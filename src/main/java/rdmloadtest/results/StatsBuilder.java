package rdmloadtest.results;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.buffers.GeneralStatsBuffer;
import java.util.ArrayList;
import java.util.List;
import scala.Option;

/**
 * Accumulates responses in file order into Gatling's {@code GeneralStatsBuffer} (t-digest, compression 100),
 * the structure its report reads percentiles from; per-second counts are kept alongside.
 */
final class StatsBuilder {
  private final GeneralStatsBuffer buffer;
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
    this.buffer = new GeneralStatsBuffer((long) Math.max(1, Math.ceil(seconds)));
    seed(buffer);
    this.origin = origin;
    this.seconds = seconds;
  }

  void add(SimulationLog.Request r) {
    int rt = r.responseTime();
    buffer.update(rt);
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
    secOk = java.util.Arrays.copyOf(secOk, n);
    secKo = java.util.Arrays.copyOf(secKo, n);
    secSum = java.util.Arrays.copyOf(secSum, n);
    secMax = java.util.Arrays.copyOf(secMax, n);
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
      series.add(new Stats.Second(s, secOk[s], secKo[s], n == 0 ? 0 : (int) Math.round((double) secSum[s] / n),
          secMax[s]));
    }
    Option<GeneralStats> o = buffer.stats();
    if (o.isEmpty()) return Stats.empty(series);
    GeneralStats g = o.get();
    long count = g.count();
    return new Stats(count, ok, ko, 100.0 * ko / count, count / seconds, g.min(), g.mean(), pct(g, 50), pct(g, 75),
        pct(g, 90), pct(g, 95), pct(g, 99), pct(g, 99.9), g.max(), series);
  }

  /**
   * The t-digest breaks ties with an unseeded Random; a fixed seed makes our own figures (groups, window)
   * the same each time a log is summarized, so a verdict cannot flip on a re-run of the summary.
   */
  private static void seed(GeneralStatsBuffer b) {
    // t-digest 3.3 keeps its Random in AVLTreeDigest.gen (final): re-seed that instance in place.
    for (Class<?> c = b.digest().getClass(); c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field gen = c.getDeclaredField("gen");
        gen.setAccessible(true);
        ((java.util.Random) gen.get(b.digest())).setSeed(42);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException("cannot seed the t-digest of " + c.getName(), e);
      }
    }
    throw new IllegalStateException("no Random field 'gen' in " + b.digest().getClass().getName()
        + ": another t-digest version; figures would break ties at random");
  }

  private static int pct(GeneralStats g, double rank) {
    return (Integer) g.percentile().apply(rank);
  }
}

package rdmloadtest.injectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.results.GatlingLog;

/**
 * Exact percentiles of a log's response times (nearest rank over every value), per request path and for all
 * requests. Gatling's figures are a t-digest estimate, a few ms off in the middle of a wide distribution; these
 * are what the merged responses really were, for merge.json (4 bytes a response in memory).
 */
final class ExactPercentiles {
  static final String ALL = "All Requests";
  static final double[] RANKS = {50, 75, 90, 95, 99, 99.9};

  /** Count, min, max and the {@link #RANKS} percentiles of one request path (ms). */
  record Figures(int count, int min, int max, Map<String, Integer> percentiles) {}

  private ExactPercentiles() {}

  static Map<String, Figures> of(Path log) throws IOException {
    Map<String, Values> byPath = new LinkedHashMap<>();
    Values all = new Values();
    byPath.put(ALL, all);
    GatlingLog.read(log, new GatlingLog.Visitor() {
      @Override
      public void user(String scenario, boolean start, long timestamp) {}

      @Override
      public void request(List<String> groups, String name, long start, long end, boolean ok, String message) {
        String path = groups.isEmpty() ? name : String.join(" / ", groups) + " / " + name;
        int rt = (int) (end - start);
        byPath.computeIfAbsent(path, k -> new Values()).add(rt);
        all.add(rt);
      }

      @Override
      public void group(List<String> groups, long start, long end, int cumulated, boolean ok) {}

      @Override
      public void error(String message, long timestamp) {}
    });
    Map<String, Figures> out = new LinkedHashMap<>();
    byPath.forEach((path, v) -> {
      if (v.n > 0) out.put(path, v.figures());
    });
    return out;
  }

  /** The nearest-rank percentile: the smallest value with at least rank % of the values at or below it. */
  static int nearestRank(int[] sorted, double rank) {
    int i = (int) Math.ceil(rank / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static final class Values {
    int[] v = new int[256];
    int n;

    void add(int x) {
      if (n == v.length) v = Arrays.copyOf(v, n * 2);
      v[n++] = x;
    }

    Figures figures() {
      int[] sorted = Arrays.copyOf(v, n);
      Arrays.sort(sorted);
      Map<String, Integer> p = new LinkedHashMap<>();
      for (double r : RANKS) p.put("p" + (r == Math.rint(r) ? String.valueOf((int) r) : String.valueOf(r)),
          nearestRank(sorted, r));
      return new Figures(n, sorted[0], sorted[n - 1], p);
    }
  }
}

package rdmloadtest.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The percentiles of Gatling's own HTML report (index.html's statistics table), per request name and for
 * "All Requests". Gatling's t-digest breaks ties between equally close centroids at random, so recomputing a
 * percentile from the log can differ by a millisecond from the report; the summary takes the report's
 * figures where the report shows them, so both always agree.
 */
public final class GatlingReport {
  public static final String ALL = "All Requests";
  private static final Pattern HEADER = Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(\\d+(?:\\.\\d+)?)(?:st|nd|rd|th) pct</span></th>");
  private static final Pattern ROW = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

  private final Map<String, Map<Double, Integer>> percentiles;

  private GatlingReport(Map<String, Map<Double, Integer>> percentiles) {
    this.percentiles = percentiles;
  }

  /** Empty when the run made no report (--no-reports) or its layout is not the one we know. */
  public static Optional<GatlingReport> read(Path runFolder) {
    Path index = runFolder.resolve("index.html");
    if (!Files.isRegularFile(index)) return Optional.empty();
    String html;
    try {
      html = Files.readString(index);
    } catch (IOException e) {
      return Optional.empty();
    }
    Map<Integer, Double> rankOfColumn = new HashMap<>();
    Matcher h = HEADER.matcher(html);
    while (h.find()) rankOfColumn.put(Integer.parseInt(h.group(1)), Double.parseDouble(h.group(2)));
    if (rankOfColumn.isEmpty()) return Optional.empty();
    Map<String, Map<Double, Integer>> out = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      String name = unescape(row.group(1));
      Map<Double, Integer> values = new HashMap<>();
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        Double rank = rankOfColumn.get(Integer.parseInt(cell.group(1)));
        String text = cell.group(2).replace(",", "").trim();
        if (rank != null && text.matches("\\d+")) values.put(rank, Integer.parseInt(text));
      }
      // A name shown twice (the same request in two Gatling groups) is ambiguous: keep neither.
      if (out.containsKey(name)) out.put(name, Map.of());
      else out.put(name, values);
    }
    return Optional.of(new GatlingReport(out));
  }

  /** The report's percentile of this rank for a request name (or {@link #ALL}), if it shows one. */
  public Optional<Integer> percentile(String name, double rank) {
    return Optional.ofNullable(percentiles.getOrDefault(name, Map.of()).get(rank));
  }

  private static String unescape(String s) {
    return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
  }
}

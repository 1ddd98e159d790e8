package rdmloadtest.trends;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import rdmloadtest.history.Baseline;
import rdmloadtest.history.Baseline.GroupFigures;
import rdmloadtest.history.RunHistory;
import rdmloadtest.history.RunHistory.Entry;
import rdmloadtest.history.SummaryFigures;

/**
 * An offline HTML report of the history: for each set of comparable runs (one fingerprint), per SLO group p50, p95 and
 * p99, throughput and error rate over the last runs, each run judged against the baseline its predecessors make (so a
 * regression is marked where it happened); and the capacity found by each capacity search over time.
 */
public final class TrendsReport {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;
    private static final Color[] COLORS = {
        new Color(0x2ca02c), new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728)
    };

    /** How many runs, and what makes a baseline for each of them. */
    public record Plan(int runs, int baselineRuns, int baselineMinRuns, Baseline.Tolerances tolerances) {}

    /** One run of a series and what its predecessors said about it. */
    record Point(Entry entry, Instant at, Map<String, GroupFigures> groups, List<Baseline.Finding> regressions) {}

    private TrendsReport() {}

    /** Writes index.html and its charts into {@code out}; returns the number of runs and capacity results shown. */
    public static int write(RunHistory history, Plan plan, Path out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(out);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>rdm-loadtest"
                + " trends</title><style>body{font-family:sans-serif;max-width:960px;margin:2em auto}table{border-collapse:"
                + "collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}.reg{color:#b00;font-weight:bold}"
                + "</style></head><body><h1>rdm-loadtest trends</h1>\n<p>History: <code>"
                + esc(history.dir().toString())
                + "</code>. Each run is judged against the median of the " + plan.baselineRuns()
                + " good comparable runs"
                + " before it (at least " + plan.baselineMinRuns() + "); <span class=\"reg\">&#x2716;</span> marks a"
                + " regression.</p>\n");
        int shown = 0;
        int series = 0;
        for (Map.Entry<String, List<Entry>> s :
                byFingerprint(history.all("run")).entrySet()) {
            List<Point> points = judge(s.getValue(), plan);
            List<Point> last = points.subList(Math.max(0, points.size() - plan.runs()), points.size());
            shown += last.size();
            series++;
            html.append(section(s.getKey(), last, out, series));
        }
        List<Entry> capacity = history.all("capacity");
        if (!capacity.isEmpty()) html.append(capacitySection(byFingerprint(capacity), plan, out));
        shown += capacity.size();
        if (shown == 0) html.append("<p>The history holds no runs yet.</p>\n");
        html.append("</body></html>\n");
        Files.writeString(out.resolve("index.html"), html, StandardCharsets.UTF_8);
        return shown;
    }

    private static Map<String, List<Entry>> byFingerprint(List<Entry> entries) {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        for (Entry e : entries)
            out.computeIfAbsent(e.fingerprintId(), k -> new ArrayList<>()).add(e);
        return out;
    }

    /** Each run against the baseline of the good runs before it. */
    static List<Point> judge(List<Entry> runs, Plan plan) {
        List<Point> out = new ArrayList<>();
        List<Entry> good = new ArrayList<>();
        for (Entry e : runs) {
            Map<String, GroupFigures> groups = SummaryFigures.groups(e.result());
            List<Baseline.Finding> regressions = new ArrayList<>();
            if (good.size() >= plan.baselineMinRuns()) {
                List<Entry> base = good.subList(Math.max(0, good.size() - plan.baselineRuns()), good.size());
                Baseline b = Baseline.of(
                        base.stream()
                                .map(x -> SummaryFigures.groups(x.result()))
                                .toList(),
                        "the median of the " + base.size() + " good runs before",
                        plan.tolerances());
                b.compare(groups).stream().filter(Baseline.Finding::regressed).forEach(regressions::add);
            }
            out.add(new Point(e, Instant.parse(e.at()), groups, regressions));
            if (e.good()) good.add(e);
        }
        return out;
    }

    private static String section(String id, List<Point> points, Path out, int n) throws IOException {
        Entry first = points.get(0).entry();
        StringBuilder h =
                new StringBuilder("<h2>" + esc(simpleName(first.fingerprint().simulation())) + ", profile "
                        + esc(first.fingerprint().profile()) + ", on "
                        + esc(first.fingerprint().target()) + "</h2>\n<p>Fingerprint "
                        + id + ": " + esc(first.fingerprint().load().toString()) + "</p>\n");
        List<String> groups = points.stream()
                .flatMap(p -> p.groups().keySet().stream())
                .distinct()
                .toList();
        for (String g : groups) {
            String file = "series" + n + "-" + slug(g);
            chart(
                    g + ": response time (ms)",
                    points,
                    g,
                    out.resolve(file + "-latency.png"),
                    "ms",
                    Map.of("p50", GroupFigures::p50Ms, "p95", GroupFigures::p95Ms, "p99", GroupFigures::p99Ms));
            chart(
                    g + ": throughput (req/s) and error rate (%)",
                    points,
                    g,
                    out.resolve(file + "-throughput.png"),
                    "",
                    Map.of(
                            "throughput (req/s)",
                            GroupFigures::throughputRps,
                            "error rate (%)",
                            GroupFigures::errorRatePct));
            h.append("<h3>")
                    .append(esc(g))
                    .append("</h3><img src=\"")
                    .append(file)
                    .append("-latency.png\" alt=\"")
                    .append(esc(g))
                    .append(" latency\"><img src=\"")
                    .append(file)
                    .append("-throughput.png\" alt=\"")
                    .append(esc(g))
                    .append(" throughput\">\n");
        }
        h.append("<table><tr><th>run</th><th>gate</th><th>injector</th><th>regressions</th></tr>\n");
        for (Point p : points) {
            h.append("<tr><td>")
                    .append(esc(p.entry().at()))
                    .append("<br><small>")
                    .append(esc(p.entry().source()))
                    .append("</small></td><td>")
                    .append(p.entry().passed() ? "passed" : "FAILED")
                    .append("</td><td>")
                    .append(p.entry().valid() ? "valid" : "INVALID")
                    .append("</td><td>")
                    .append(
                            p.regressions().isEmpty()
                                    ? "none"
                                    : "<span class=\"reg\">"
                                            + esc(String.join(
                                                    "; ",
                                                    p.regressions().stream()
                                                            .map(Baseline.Finding::message)
                                                            .toList()))
                                            + "</span>")
                    .append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    private static String capacitySection(Map<String, List<Entry>> series, Plan plan, Path out) throws IOException {
        StringBuilder h = new StringBuilder("<h2>Capacity over time</h2>\n");
        TimeSeriesCollection data = new TimeSeriesCollection();
        h.append("<table><tr><th>search</th><th>at</th><th>max sustainable (req/s)</th></tr>\n");
        for (Map.Entry<String, List<Entry>> s : series.entrySet()) {
            Entry first = s.getValue().get(0);
            String label = simpleName(first.fingerprint().simulation()) + " on "
                    + first.fingerprint().target() + " (" + s.getKey() + ")";
            TimeSeries ts = new TimeSeries(label);
            List<Entry> last = s.getValue()
                    .subList(
                            Math.max(0, s.getValue().size() - plan.runs()),
                            s.getValue().size());
            for (Entry e : last) {
                JsonNode max = e.result().path("maxSustainableRps");
                if (e.valid() && max.isNumber())
                    ts.addOrUpdate(new FixedMillisecond(Instant.parse(e.at()).toEpochMilli()), max.asDouble());
                h.append("<tr><td>")
                        .append(esc(label))
                        .append("</td><td>")
                        .append(esc(e.at()))
                        .append("</td><td>")
                        .append(
                                !e.valid()
                                        ? "INVALID (injector-bound)"
                                        : max.isNumber() ? String.format(Locale.ROOT, "%.1f", max.asDouble()) : "none")
                        .append("</td></tr>\n");
            }
            data.addSeries(ts);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                "Max sustainable throughput meeting every SLO", "run", "req/s", data);
        // Points, not only lines: a search run once is one point.
        chart.getXYPlot().setRenderer(new XYLineAndShapeRenderer(true, true));
        save(chart, out.resolve("capacity.png"));
        return h.append("</table><img src=\"capacity.png\" alt=\"capacity over time\">\n")
                .toString();
    }

    private static void chart(
            String title,
            List<Point> points,
            String group,
            Path file,
            String unit,
            Map<String, ToDoubleFunction<GroupFigures>> figures)
            throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection();
        TimeSeries regressions = new TimeSeries("regression");
        figures.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> {
            TimeSeries ts = new TimeSeries(f.getKey());
            for (Point p : points) {
                GroupFigures g = p.groups().get(group);
                if (g == null || g.count() == 0) continue;
                ts.addOrUpdate(
                        new FixedMillisecond(p.at().toEpochMilli()),
                        f.getValue().applyAsDouble(g));
            }
            data.addSeries(ts);
        });
        for (Point p : points) {
            GroupFigures g = p.groups().get(group);
            if (g != null && p.regressions().stream().anyMatch(r -> r.group().equals(group))) {
                regressions.addOrUpdate(new FixedMillisecond(p.at().toEpochMilli()), g.p95Ms());
            }
        }
        if (unit.equals("ms")) data.addSeries(regressions);
        JFreeChart ch = ChartFactory.createTimeSeriesChart(title, "run", unit, data);
        XYPlot plot = ch.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean marks = data.getSeries(i) == regressions;
            r.setSeriesPaint(i, marks ? Color.RED : COLORS[i % COLORS.length]);
            r.setSeriesLinesVisible(i, !marks);
            r.setSeriesStroke(i, new BasicStroke(marks ? 3f : 2f));
        }
        plot.setRenderer(r);
        save(ch, file);
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    private static String simpleName(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package rdmloadtest.volume;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The volume report's charts as PNG files (JFreeChart, headless): records on a log axis, one series per version. */
final class VolumeCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };

    static final String CAPACITY = "capacity.png";
    static final String P95_COMMON = "p95-common.png";
    static final String P95_LIMIT = "p95-limit.png";
    static final String DEMAND = "demand.png";

    private VolumeCharts() {}

    static void writeAll(Path dir, VolumeSeries series, Double commonLoad) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection capacity = new XYSeriesCollection();
        series.runs().forEach((v, runs) -> {
            XYSeries s = new XYSeries("v" + v);
            for (VolumeRun r : runs) if (r.maxSustainableRps() != null) s.add(r.records(), r.maxSustainableRps());
            capacity.addSeries(s);
        });
        save(
                dir.resolve(CAPACITY),
                "Max sustainable rate against records held",
                "Max sustainable (requests/s)",
                capacity);
        if (commonLoad != null)
            save(
                    dir.resolve(P95_COMMON),
                    "p95 per SLO group at " + VolumeReport.num(commonLoad) + " req/s (target), every search passed it",
                    "p95 (ms)",
                    perGroup(series, r -> r.passedAt(commonLoad).orElse(null)));
        if (anyLimit(series))
            save(
                    dir.resolve(P95_LIMIT),
                    "p95 per SLO group at each search's max sustainable rate",
                    "p95 (ms)",
                    perGroup(series, r -> r.limit().orElse(null)));
        XYSeriesCollection demand = new XYSeriesCollection();
        for (String tier : series.tiers()) {
            series.runs().forEach((v, runs) -> {
                XYSeries s = new XYSeries(tier + " v" + v);
                for (VolumeRun r : runs) {
                    Double d = r.tierDemandMs().get(tier);
                    if (d != null) s.add(r.records(), d.doubleValue());
                }
                if (s.getItemCount() > 0) demand.addSeries(s);
            });
        }
        if (demand.getSeriesCount() > 0)
            save(dir.resolve(DEMAND), "Service demand per tier against records held", "CPU ms per request", demand);
    }

    /** Whether any search found a max sustainable rate (a step to show its p95s at). */
    static boolean anyLimit(VolumeSeries series) {
        return series.all().stream().anyMatch(r -> r.limit().isPresent());
    }

    private static XYSeriesCollection perGroup(VolumeSeries series, Function<VolumeRun, VolumeRun.Step> step) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (String group : series.groups()) {
            for (Map.Entry<String, List<VolumeRun>> e : series.runs().entrySet()) {
                XYSeries s = new XYSeries(group + " v" + e.getKey());
                for (VolumeRun r : e.getValue()) {
                    VolumeRun.Step st = step.apply(r);
                    if (st == null) continue;
                    st.group(group).filter(g -> g.requests() > 0).ifPresent(g -> s.add(r.records(), g.p95Ms()));
                }
                if (s.getItemCount() > 0) c.addSeries(s);
            }
        }
        return c;
    }

    private static void save(Path file, String title, String yLabel, XYSeriesCollection data) throws IOException {
        LogAxis x = new LogAxis("Records held (log scale)");
        x.setBase(10);
        x.setSmallestValue(1);
        // a tick a decade, as numbers: 1,000, 10,000, 100,000
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        Map<String, Integer> colours = new HashMap<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            // v14's series dashed beside v13's solid ones: the upgrade at a glance
            boolean v14 = data.getSeriesKey(i).toString().endsWith("v14");
            // one colour per group or tier whatever the version
            String what = data.getSeriesKey(i).toString().replaceFirst(" ?v\\d+$", "");
            lines.setSeriesPaint(i, COLORS[colours.computeIfAbsent(what, k -> colours.size()) % COLORS.length]);
            lines.setSeriesStroke(
                    i,
                    v14
                            ? new BasicStroke(
                                    2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                            : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}

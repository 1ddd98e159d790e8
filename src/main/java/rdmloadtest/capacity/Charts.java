package rdmloadtest.capacity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts as PNG files (JFreeChart, headless): every chart plots the valid steps by offered load. */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728), new Color(0x2ca02c), new Color(0x7f7f7f)
    };

    private Charts() {}

    static void writeAll(Path dir, CapacityResult c) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<StepResult> pts = CapacityAnalysis.byOffered(c.steps());
        throughput(pts, c).save(dir.resolve("throughput.png"));
        latency(pts, c).save(dir.resolve("latency.png"));
        errors(pts, c).save(dir.resolve("errors.png"));
        usl(pts, c).save(dir.resolve("usl.png"));
        injector(c).save(dir.resolve("injector.png"));
        if (hasSearchable(pts)) searchable(pts).save(dir.resolve(SEARCHABLE_PNG + ".png"));
    }

    /** The SLO group the depositors' time from publish to found by a search is judged in (slo.json). */
    static final String SEARCHABLE_GROUP = "time to searchable";

    static final String SEARCHABLE_PNG = "searchable";

    /** Whether a step measured time to searchable: only runs with depositors do. */
    static boolean hasSearchable(List<StepResult> steps) {
        return steps.stream()
                .flatMap(s -> s.groups().stream())
                .anyMatch(g -> g.name().equals(SEARCHABLE_GROUP) && g.requests() > 0);
    }

    /** Time to searchable against offered load: how far the index lags behind publishing as the load grows. */
    private static Chart searchable(List<StepResult> pts) {
        XYSeries p50 = new XYSeries("p50");
        XYSeries p95 = new XYSeries("p95");
        for (StepResult s : pts) {
            for (StepResult.GroupStep g : s.groups()) {
                if (!g.name().equals(SEARCHABLE_GROUP) || g.requests() == 0) continue;
                p50.add(s.offeredRps(), g.p50Ms() / 1000.0);
                p95.add(s.offeredRps(), g.p95Ms() / 1000.0);
            }
        }
        return new Chart(lines(
                "Time to searchable against offered load (published record found by a search)",
                "Offered load (requests/s started)",
                "Time to searchable (s)",
                p50,
                p95));
    }

    private record Chart(JFreeChart chart) {
        void save(Path file) throws IOException {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        }
    }

    private static Chart throughput(List<StepResult> pts, CapacityResult c) {
        XYSeries x = new XYSeries("Throughput (successful responses/s)");
        XYSeries ideal = new XYSeries("Throughput = offered load");
        double max = 0;
        for (StepResult s : pts) {
            x.add(s.offeredRps(), s.throughputRps());
            max = Math.max(max, s.offeredRps());
        }
        ideal.add(0, 0);
        ideal.add(max, max);
        JFreeChart ch = lines(
                "Throughput against offered load",
                "Offered load (requests/s started)",
                "Throughput (requests/s)",
                x,
                ideal);
        XYPlot plot = ch.getXYPlot();
        dashed(plot, 1);
        if (c.maxSustainableRps() != null) {
            plot.addRangeMarker(marker(
                    c.maxSustainableRps(),
                    "max sustainable " + CapacitySearch.num(c.maxSustainableRps()) + " req/s",
                    new Color(0x2ca02c),
                    false));
        }
        plot.addDomainMarker(marker(
                c.headroom().expectedPeakRps(),
                "expected peak " + CapacitySearch.num(c.headroom().expectedPeakRps()),
                Color.GRAY,
                true));
        return new Chart(ch);
    }

    private static Chart latency(List<StepResult> pts, CapacityResult c) {
        XYSeries p50 = new XYSeries("p50");
        XYSeries p95 = new XYSeries("p95");
        XYSeries p99 = new XYSeries("p99");
        for (StepResult s : pts) {
            p50.add(s.offeredRps(), s.p50Ms());
            p95.add(s.offeredRps(), s.p95Ms());
            p99.add(s.offeredRps(), s.p99Ms());
        }
        JFreeChart ch = lines(
                "Response time percentiles against offered load (all requests)",
                "Offered load (requests/s started)",
                "Response time (ms)",
                p50,
                p95,
                p99);
        XYPlot plot = ch.getXYPlot();
        if (c.knee().offeredRps() != null) {
            plot.addDomainMarker(marker(
                    c.knee().offeredRps(),
                    "knee " + CapacitySearch.num(c.knee().offeredRps()),
                    new Color(0x9467bd),
                    true));
        }
        return new Chart(ch);
    }

    /** The injector's own CPU at every step (invalid ones included: they are why a search stops). */
    private static Chart injector(CapacityResult c) {
        XYSeries machine = new XYSeries("Machine CPU (cores)");
        XYSeries injector = new XYSeries("Injector CPU (cores)");
        XYSeries simulator = new XYSeries("Embedded simulator CPU (cores)");
        for (StepResult s : c.steps()) {
            if (s.injector() == null || s.phase().equals(StepResult.WARMUP)) continue;
            machine.add(s.offeredRps(), s.injector().meanMachineCpu());
            injector.add(s.offeredRps(), s.injector().meanInjectorCpu());
            simulator.add(s.offeredRps(), s.injector().meanSimulatorCpu());
        }
        JFreeChart ch = lines(
                "The injector at each step",
                "Offered load (requests/s started)",
                "CPU (cores)",
                machine,
                injector,
                simulator);
        if (c.injectorBoundAtRps() != null) {
            ch.getXYPlot().addDomainMarker(marker(c.injectorBoundAtRps(), "injector-bound", Color.RED, true));
        }
        return new Chart(ch);
    }

    private static Chart errors(List<StepResult> pts, CapacityResult c) {
        XYSeries e = new XYSeries("Error rate (% of requests started)");
        for (StepResult s : pts) e.add(s.offeredRps(), s.errorRatePct());
        JFreeChart ch = lines("Error rate against offered load", "Offered load (requests/s started)", "Errors (%)", e);
        ch.getXYPlot()
                .getRangeAxis()
                .setUpperBound(Math.max(
                        1,
                        pts.stream().mapToDouble(StepResult::errorRatePct).max().orElse(0) * 1.2));
        return new Chart(ch);
    }

    private static Chart usl(List<StepResult> pts, CapacityResult c) {
        XYSeries measured = new XYSeries("Measured (N = throughput x mean response time)");
        double maxN = 0;
        for (StepResult s : pts) {
            if (s.concurrency() <= 0) continue;
            measured.add(s.concurrency(), s.throughputRps());
            maxN = Math.max(maxN, s.concurrency());
        }
        XYSeries fit = new XYSeries(
                c.usl() == null
                        ? "USL: not fitted (fewer than 3 points)"
                        : String.format(
                                Locale.ROOT,
                                "USL fit: λ=%.2f σ=%.4f κ=%.6f, R²=%.3f",
                                c.usl().lambda(),
                                c.usl().sigma(),
                                c.usl().kappa(),
                                c.usl().rSquared()));
        if (c.usl() != null) {
            double end = maxN * 1.3;
            if (c.usl().peakN() != null && c.usl().peakN() < maxN * 3)
                end = Math.max(end, c.usl().peakN() * 1.2);
            for (int i = 0; i <= 200; i++) {
                double n = end * i / 200;
                fit.add(n, c.usl().throughput(n));
            }
        }
        JFreeChart ch = lines(
                "Universal Scalability Law over the measured steps",
                "Concurrency N (requests in flight)",
                "Throughput X (requests/s)",
                measured,
                fit);
        XYPlot plot = ch.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(1, false);
        if (c.usl() != null && c.usl().peakN() != null && c.usl().peakN() < maxN * 3) {
            plot.addDomainMarker(marker(
                    c.usl().peakN(),
                    String.format(
                            Locale.ROOT,
                            "N*=%.1f, X=%.0f",
                            c.usl().peakN(),
                            c.usl().peakX()),
                    new Color(0x9467bd),
                    true));
        }
        return new Chart(ch);
    }

    private static JFreeChart lines(String title, String xLabel, String yLabel, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) data.addSeries(s);
        JFreeChart ch = ChartFactory.createXYLineChart(
                title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        ch.setBackgroundPaint(Color.WHITE);
        ch.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        XYPlot plot = ch.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.length; i++) {
            r.setSeriesPaint(i, COLORS[i % COLORS.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        return ch;
    }

    private static void dashed(XYPlot plot, int series) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesStroke(
                series,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        r.setSeriesShapesVisible(series, false);
        r.setSeriesPaint(series, Color.GRAY);
    }

    private static ValueMarker marker(double at, String label, Color color, boolean vertical) {
        ValueMarker m = new ValueMarker(
                at,
                color,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        m.setLabelPaint(color.darker());
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(vertical ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_LEFT);
        return m;
    }
}

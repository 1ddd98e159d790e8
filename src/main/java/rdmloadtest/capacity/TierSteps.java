package rdmloadtest.capacity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import rdmloadtest.metrics.TierMetrics;

/**
 * The target's tiers step by step: each step's run wrote tiers.json (utilization, demand per request) when
 * metrics.file was set. At the highest valid step that met the SLOs, the utilization law bounds the throughput each
 * tier with a known capacity allows: X_max = capacity / D; the smallest bound names the tier that limits.
 */
final class TierSteps {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Row(StepResult step, TierMetrics.Report tiers) {}

    /** A tier's bound at the reference step. */
    record Bound(String tier, double demandMs, double capacity, double maxRps) {}

    private TierSteps() {}

    static List<Row> read(Path resultsRoot, List<StepResult> steps) {
        List<Row> rows = new ArrayList<>();
        if (resultsRoot == null) return rows;
        for (StepResult s : steps) {
            if (s.runFolder() == null) continue;
            Path f = resultsRoot.resolve(s.runFolder()).resolve("tiers.json");
            if (!Files.isRegularFile(f)) continue;
            try {
                rows.add(new Row(s, JSON.readValue(f.toFile(), TierMetrics.Report.class)));
            } catch (IOException e) {
                System.err.println("rdm-loadtest: " + f + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** The step the bounds are computed at: the highest throughput among valid steps that met their SLOs. */
    static Optional<Row> reference(List<Row> rows) {
        return rows.stream()
                .filter(r -> !r.step().phase().equals(StepResult.WARMUP))
                .filter(r -> r.step().valid() && r.step().passed())
                .max(Comparator.comparingDouble(r -> r.step().throughputRps()));
    }

    /** Tiers with a known capacity, tightest bound first. */
    static List<Bound> bounds(Row ref) {
        List<Bound> out = new ArrayList<>();
        for (TierMetrics.TierUsage u : ref.tiers().tiers()) {
            if (u.capacity() == null || u.tier().equals("machine") || u.tier().equals("injector")) continue;
            if (!(u.demandMs() > 0)) continue;
            out.add(new Bound(u.tier(), u.demandMs(), u.capacity(), u.capacity() / (u.demandMs() / 1000)));
        }
        out.sort(Comparator.comparingDouble(Bound::maxRps));
        return out;
    }

    static String markdown(List<Row> rows) {
        if (rows.isEmpty()) return "";
        List<String> tiers = rows.get(0).tiers().tiers().stream()
                .map(TierMetrics.TierUsage::tier)
                .toList();
        StringBuilder b = new StringBuilder("\n## Tiers (Prometheus, metrics.file)\n\nUtilization (CPU cores or busy"
                + " workers, average over each step's steady window) and, in brackets, demand per request in ms"
                + " (D = U / X).\n\n| Step | Offered | Throughput |");
        for (String t : tiers) b.append(' ').append(t).append(" |");
        b.append("\n|---:|---:|---:|").append("---:|".repeat(tiers.size())).append('\n');
        for (Row r : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %.1f |",
                    r.step().index(),
                    r.step().offeredRps(),
                    r.step().throughputRps()));
            Map<String, TierMetrics.TierUsage> byName = new LinkedHashMap<>();
            r.tiers().tiers().forEach(u -> byName.put(u.tier(), u));
            for (String t : tiers) {
                TierMetrics.TierUsage u = byName.get(t);
                b.append(
                        u == null
                                ? " – |"
                                : String.format(Locale.ROOT, " %.2f (%.1f) |", u.utilization(), u.demandMs()));
            }
            b.append('\n');
        }
        reference(rows).ifPresent(ref -> {
            List<Bound> bounds = bounds(ref);
            b.append(String.format(
                    Locale.ROOT,
                    "%nAt step %d (%.1f req/s, the highest that met the SLOs) the busiest tier is **%s**.",
                    ref.step().index(),
                    ref.step().throughputRps(),
                    ref.tiers().bottleneck()));
            if (!bounds.isEmpty()) {
                b.append(" Utilization-law bounds (capacity / demand):");
                for (Bound x : bounds)
                    b.append(String.format(
                            Locale.ROOT,
                            " %s %.1f req/s (%s × 1000 / %.1f ms);",
                            x.tier(),
                            x.maxRps(),
                            n(x.capacity()),
                            x.demandMs()));
                b.setLength(b.length() - 1);
                b.append(String.format(
                        Locale.ROOT, ". **%s** limits first.", bounds.get(0).tier()));
            }
            b.append('\n');
        });
        return b.toString();
    }

    /** The console's line. */
    static Optional<String> conclusion(List<Row> rows) {
        return reference(rows).map(ref -> {
            List<Bound> bounds = bounds(ref);
            return String.format(
                    Locale.ROOT,
                    "capacity: busiest tier at step %d: %s%s",
                    ref.step().index(),
                    ref.tiers().bottleneck(),
                    bounds.isEmpty()
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; utilization law: %s limits first at %.1f req/s (capacity %s, %.1f ms per request)",
                                    bounds.get(0).tier(),
                                    bounds.get(0).maxRps(),
                                    n(bounds.get(0).capacity()),
                                    bounds.get(0).demandMs()));
        });
    }

    /** tiers.png: each tier's utilization against the offered load. */
    static void chart(Path dir, List<Row> rows) throws IOException {
        if (rows.isEmpty()) return;
        XYSeriesCollection d = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Row r : rows)
            for (TierMetrics.TierUsage u : r.tiers().tiers())
                if (!Double.isNaN(u.utilization()))
                    series.computeIfAbsent(u.tier(), XYSeries::new).add(r.step().offeredRps(), u.utilization());
        series.values().forEach(d::addSeries);
        JFreeChart ch = ChartFactory.createXYLineChart(
                "Tier utilization against offered load",
                "Offered load (requests/s)",
                "Utilization (cores or workers)",
                d,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        ch.setBackgroundPaint(Color.WHITE);
        ch.getXYPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(dir.resolve("tiers.png").toFile(), ch, Charts.WIDTH, Charts.HEIGHT);
    }

    private static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

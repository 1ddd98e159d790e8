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
import rdmloadtest.invenio.Dataset;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.metrics.Unattributed;

/**
 * The target's tiers step by step: each step's run wrote tiers.json (utilization, demand per request) when
 * metrics.file was set. At the highest valid step that met the SLOs, the utilization law bounds the throughput each
 * tier with a known capacity allows: X_max = capacity / D; the smallest bound names the tier that limits.
 */
final class TierSteps {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Row(StepResult step, TierMetrics.Report tiers) {}

    private TierSteps() {}

    static List<Row> read(Path resultsRoot, List<StepResult> steps) {
        List<Row> rows = new ArrayList<>();
        if (resultsRoot == null) return rows;
        for (StepResult s : steps) {
            if (s.runFolder() == null) continue;
            Path f = resultsRoot.resolve(s.runFolder()).resolve(TierMetrics.FILE);
            if (!Files.isRegularFile(f)) continue;
            try {
                rows.add(new Row(s, JSON.readValue(f.toFile(), TierMetrics.Report.class)));
            } catch (IOException e) {
                System.err.println("rdm-loadtest: " + f + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** What the target held when the search began: the dataset of its first step that recorded one. */
    static Optional<Dataset> dataset(Path resultsRoot, List<StepResult> steps) {
        if (resultsRoot == null) return Optional.empty();
        for (StepResult s : steps) {
            if (s.runFolder() == null) continue;
            Path f = resultsRoot.resolve(s.runFolder()).resolve(Dataset.FILE);
            if (!Files.isRegularFile(f)) continue;
            try {
                return Optional.of(Dataset.read(f));
            } catch (IOException e) {
                System.err.println("rdm-loadtest: " + f + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The step the bounds are computed at: the highest throughput among valid steps that met their SLOs. */
    static Optional<Row> reference(List<Row> rows) {
        return rows.stream()
                .filter(r -> !r.step().phase().equals(StepResult.WARMUP))
                .filter(r -> r.step().valid() && r.step().passed())
                .max(Comparator.comparingDouble(r -> r.step().throughputRps()));
    }

    /** Utilization (% of capacity) above which a tier's demand is not read from a step: its queue may be growing. */
    static final double STABLE_PCT = 80;

    /**
     * A tier's demand per request pooled over steps that met the SLOs at or below {@code at}'s throughput: Σ U / Σ X
     * over the upper half (by throughput) of those where the tier ran below {@link #STABLE_PCT} of its capacity, or,
     * when none did, of them all. Near saturation a 12 s window completes less than its share of the class that
     * queues, and the demand reads low (measured on the simulator, 2026-12-07, search on 1 worker: 46 ms per request
     * at 4 and 10 req/s, 41 and 37 ms at 85 % busy); and one window of a mix holds a few hundred requests, so pooling
     * steps steadies it. Falls back to {@code at}'s own demand.
     */
    static double pooledDemandMs(List<Row> rows, Row at, String tier) {
        List<Row> passing = rows.stream()
                .filter(r -> r.step().valid() && r.step().passed())
                .filter(r -> r.step().throughputRps() <= at.step().throughputRps())
                .filter(r -> usage(r, tier).isPresent())
                .toList();
        List<Row> stable = passing.stream()
                .filter(r -> {
                    Double pct = usage(r, tier).get().utilizationPct();
                    return pct == null || pct < STABLE_PCT;
                })
                .toList();
        List<Row> pool = stable.isEmpty() ? passing : stable;
        double top =
                pool.stream().mapToDouble(r -> r.step().throughputRps()).max().orElse(0);
        double u = 0;
        double x = 0;
        for (Row r : pool)
            if (r.step().throughputRps() >= top / 2) {
                u += usage(r, tier).get().utilization();
                x += r.step().throughputRps();
            }
        if (x > 0) return 1000 * u / x;
        return usage(at, tier).map(TierMetrics.TierUsage::demandMs).orElse(Double.NaN);
    }

    private static Optional<TierMetrics.TierUsage> usage(Row r, String tier) {
        return r.tiers().tiers().stream()
                .filter(t -> t.tier().equals(tier) && !Double.isNaN(t.utilization()))
                .findFirst();
    }

    static String markdown(List<Row> rows, Attribution a) {
        if (rows.isEmpty()) return "";
        List<String> tiers = rows.get(0).tiers().tiers().stream()
                .map(TierMetrics.TierUsage::tier)
                .toList();
        boolean machine = tiers.contains(Unattributed.MACHINE);
        StringBuilder b = new StringBuilder("\n## Tiers (Prometheus, metrics.file)\n\nUtilization (CPU cores or busy"
                + " workers, average over each step's steady window) and, in brackets, demand per request in ms"
                + " (D = U / X)."
                + (machine
                        ? " Unattributed: the machine's CPU that no tier explains (machine − the sum of the tiers), in"
                                + " cores and as a share of the machine's."
                        : "")
                + "\n\n| Step | Offered | Throughput |");
        for (String t : tiers) b.append(' ').append(t).append(" |");
        if (machine) b.append(" Unattributed |");
        b.append("\n|---:|---:|---:|")
                .append("---:|".repeat(tiers.size() + (machine ? 1 : 0)))
                .append('\n');
        List<String> warned = new ArrayList<>();
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
            if (machine) {
                Unattributed un = r.tiers().unattributed();
                b.append(un == null ? " – |" : String.format(Locale.ROOT, " %.2f (%.0f %%) |", un.cores(), un.pct()));
                if (un != null && un.warns()) warned.add(String.valueOf(r.step().index()));
            }
            b.append('\n');
        }
        if (!warned.isEmpty())
            b.append(String.format(
                    Locale.ROOT,
                    "%n**Warning:** at step%s %s more than %.0f %% of the machine's CPU is explained by no tier: a"
                            + " process outside every tier uses it, so the tiers' demands and bounds are too low.%n",
                    warned.size() > 1 ? "s" : "",
                    String.join(", ", warned),
                    Unattributed.WARN_PCT));
        if (a != null) b.append(attribution(a));
        return b.toString();
    }

    private static String attribution(Attribution a) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%n### Which tier limits%n%nAt step %d (%.1f req/s, the highest that met the SLOs) the busiest tier is"
                        + " **%s**.",
                a.step(),
                a.throughputRps(),
                a.busiestTier()));
        if (a.limitingTier() != null)
            b.append(String.format(
                    Locale.ROOT,
                    " By the utilization law (capacity / demand) **%s limits first, at %.1f req/s**; the tiers"
                            + " saturate in this order: %s.",
                    a.limitingTier(),
                    a.boundRps(),
                    String.join(" → ", a.saturationOrder())));
        b.append(String.format(
                Locale.ROOT,
                "%n%n| Tier | Demand (ms/request) | Capacity | Utilization | Bound (req/s) | Saturated (≥ %.0f %%) from"
                        + " | Needed for %s req/s at %.0f %% | To add |%n|---|---:|---:|---:|---:|---:|---:|---:|%n",
                Attribution.SATURATED_PCT,
                n(a.expectedPeakRps()),
                a.targetUtilizationPct()));
        for (Attribution.TierLimit t : a.tiers())
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %s | %s | %s | %s | %.2f | %s |%n",
                    t.tier(),
                    t.demandMs(),
                    t.capacity() == null ? "–" : n(t.capacity()),
                    t.utilizationPct() == null ? "–" : String.format(Locale.ROOT, "%.0f %%", t.utilizationPct()),
                    t.boundRps() == null ? "–" : String.format(Locale.ROOT, "%.1f", t.boundRps()),
                    t.saturatedAtOfferedRps() == null
                            ? "not reached"
                            : String.format(Locale.ROOT, "%.1f req/s offered", t.saturatedAtOfferedRps()),
                    t.neededForPeak(),
                    t.toAdd() == null ? "–" : n(t.toAdd())));
        if (a.fullPools() != null) b.append('\n').append(a.fullPools()).append('\n');
        b.append(SelfCheck.markdown(a.findings()));
        if (!a.whatIf().isEmpty()) {
            b.append(
                    a.prediction() != null
                            ? "\nWhat-if (the utilization law's bound; the sustainable rate at the SLOs from the"
                                    + " queueing model below):\n\n"
                            : "\nWhat-if (the sustainable rate at the same fraction of the tightest bound as today):\n\n");
            for (Attribution.WhatIf w : a.whatIf())
                b.append("- ").append(whatIf(w)).append('\n');
        }
        if (a.prediction() != null) b.append(a.prediction().markdown(a.throughputRps()));
        if (a.sizing() != null) b.append(a.sizing().markdown());
        return b.toString();
    }

    static String whatIf(Attribution.WhatIf w) {
        return String.format(
                Locale.ROOT,
                "scaling %s ×%s → bound %.1f req/s%s, then %s limits",
                w.tier(),
                n(w.scale()),
                w.boundRps(),
                w.predictedRps() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", about %.1f req/s sustainable%s",
                                w.predictedRps(),
                                w.modelled() ? " (queueing model)" : ""),
                w.thenLimits());
    }

    /** The console's lines. */
    static List<String> conclusion(List<Row> rows, Attribution a) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            Unattributed un = r.tiers().unattributed();
            if (un != null && un.warns())
                out.add(String.format(
                        Locale.ROOT, "capacity: step %d: %s", r.step().index(), un.line()));
        }
        if (a == null) return out;
        out.add(String.format(
                Locale.ROOT,
                "capacity: busiest tier at step %d: %s%s",
                a.step(),
                a.busiestTier(),
                a.limitingTier() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; utilization law: %s limits first at %.1f req/s; saturation order: %s",
                                a.limitingTier(),
                                a.boundRps(),
                                String.join(" → ", a.saturationOrder()))));
        if (a.fullPools() != null) out.add("capacity: " + a.fullPools().replace("**", ""));
        a.findings().forEach(f -> out.add("capacity: SELF-CHECK FAILED: " + f.message()));
        if (!a.whatIf().isEmpty())
            out.add("capacity: what-if: " + whatIf(a.whatIf().get(0)));
        if (a.prediction() != null && a.prediction().meanAbsErrorPct() != null)
            out.add(String.format(
                    Locale.ROOT,
                    "capacity: queueing model: predicted this search's capacity from %d lower step(s) with a mean"
                            + " absolute error of %.1f %%",
                    a.prediction().backtest().size(),
                    a.prediction().meanAbsErrorPct()));
        else if (a.prediction() != null && a.prediction().meanAbsLatencyErrorPct() != null)
            out.add(String.format(
                    Locale.ROOT,
                    "capacity: queueing model: the reference step's response time barely grows with load (elasticity"
                            + " %.2f), so the capacity it predicts is not determined; it predicted that response time"
                            + " from %d lower step(s) with a mean absolute error of %.1f %%",
                    a.prediction().elasticity(),
                    a.prediction().backtest().size(),
                    a.prediction().meanAbsLatencyErrorPct()));
        return out;
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

    static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

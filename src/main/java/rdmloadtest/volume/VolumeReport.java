package rdmloadtest.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import rdmloadtest.simulator.perf.VolumeFit;

/**
 * volume.md: capacity, p95 per SLO group and demand per tier against the records the target held, one column per
 * version and size, and the fit the simulator scales its demands by (with each point's error).
 */
public final class VolumeReport {
    public static final String FILE = "volume.md";
    public static final String FIT_FILE = "volume-fit.json";

    private VolumeReport() {}

    /** Writes volume.md, its charts and volume-fit.json into {@code dir}; returns the fit. */
    public static VolumeFit write(Path dir, Path source, VolumeSeries series) throws IOException {
        Files.createDirectories(dir);
        Optional<Double> common = series.commonLoad();
        VolumeFit fit = VolumeFitting.of(series);
        VolumeCharts.writeAll(dir, series, common.orElse(null));
        fit.write(dir.resolve(FIT_FILE));
        Files.writeString(dir.resolve(FILE), markdown(source, series, common, fit), StandardCharsets.UTF_8);
        return fit;
    }

    static String markdown(Path source, VolumeSeries series, Optional<Double> common, VolumeFit fit) {
        StringBuilder b = new StringBuilder();
        List<VolumeRun> runs = series.all();
        b.append("# Capacity against volume\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%d capacity searches read from `%s` (InvenioRDM %s). Records: what each target held, probed at the"
                        + " start of its search (`dataset.records`).%n%n",
                runs.size(),
                source,
                String.join(
                        ", ", series.runs().keySet().stream().map(v -> "v" + v).toList())));
        b.append("| Version | Records | Versions | Max sustainable (req/s) | First failing target (req/s)"
                + " | Breaks first | Report |\n|---|---:|---:|---:|---:|---|---|\n");
        for (VolumeRun r : runs)
            b.append(String.format(
                    Locale.ROOT,
                    "| v%s | %,d | %s | %s | %s | %s | `%s` |%n",
                    r.version(),
                    r.records(),
                    r.versions() == null ? "" : String.format(Locale.ROOT, "%,d", r.versions()),
                    r.maxSustainableRps() != null
                            ? num(r.maxSustainableRps())
                            : r.injectorBoundAtRps() != null
                                    ? "none: injector-bound at " + num(r.injectorBoundAtRps())
                                    : "none",
                    r.firstFailingTargetRps() == null ? "none failed" : num(r.firstFailingTargetRps()),
                    String.join(", ", r.breaksFirst()),
                    r.folder().getFileName()));
        List<String> lagged = lagged(series);
        if (!lagged.isEmpty())
            b.append("\n**Warning:** the injector lagged (a busy machine) at the lowest step of ")
                    .append(String.join(", ", lagged))
                    .append(
                            ": no step of theirs was driven as planned, so their p50s (the fit's class points, marked ⚠)"
                                    + " include the injector's own delay. Measure again on a quieter machine before committing"
                                    + " the fit.\n");
        Map<String, Set<String>> differ = series.planDifferences();
        if (differ.isEmpty()) {
            b.append(
                    "\nEvery search ran the same plan (mix, SLOs, steps: capacity.json's `plan`), the version aside.\n");
        } else {
            b.append("\n**The searches' plans differ**, so more than the records changed between them: ");
            List<String> keys = new ArrayList<>();
            differ.forEach((k, v) -> keys.add("`" + k + "` (" + String.join(", ", v) + ")"));
            b.append(String.join("; ", keys)).append(".\n");
        }
        b.append("\n![Max sustainable rate against records](" + VolumeCharts.CAPACITY + ")\n\n");

        b.append("## p95 per SLO group at a load common to every search\n\n");
        if (common.isPresent()) {
            b.append(String.format(
                    Locale.ROOT,
                    "At a target of %s req/s: the highest target rate at which every search had a step that met its"
                            + " SLOs (its first such step; ms).%n%n",
                    num(common.get())));
            groupTable(b, series, r -> r.passedAt(common.get()).orElse(null));
            b.append("\n![p95 at the common load](" + VolumeCharts.P95_COMMON + ")\n\n");
        } else {
            b.append("None: the searches share no target rate that every one of them passed (other start rates or"
                    + " steps); run them with the same capacity.startRate, capacity.step and capacity.growth.\n\n");
        }

        b.append("## p95 per SLO group at each search's own limit\n\n");
        if (VolumeCharts.anyLimit(series)) {
            b.append("At the step of each search's max sustainable rate (ms; the offered rate in the header).\n\n");
            groupTable(b, series, r -> r.limit().orElse(null));
            b.append("\n![p95 at each search's limit](" + VolumeCharts.P95_LIMIT + ")\n\n");
        } else {
            b.append("None: no search found a max sustainable rate.\n\n");
        }

        b.append("## Service demand per tier\n\n");
        if (series.tiers().isEmpty()) {
            b.append("Not measured: no search has an attribution (`attribution.tiers`): it ran without `metrics.file`,"
                    + " or none of its steps met the SLOs with the injector keeping up.\n\n");
        } else {
            b.append("CPU ms per request of the mix, at each search's reference step (the highest that met the SLOs;"
                    + " utilization law, `attribution.tiers[].demandMs`).\n\n");
            header(b, "Tier", runs, r -> "");
            for (String tier : series.tiers()) {
                b.append("| ").append(tier);
                for (VolumeRun r : runs) {
                    Double d = r.tierDemandMs().get(tier);
                    b.append(" | ").append(d == null ? "" : String.format(Locale.ROOT, "%.1f", d));
                }
                b.append(" |\n");
            }
            b.append("\n![Demand per tier against records](" + VolumeCharts.DEMAND + ")\n\n");
        }

        b.append("## The fit for the simulator\n\n");
        b.append("`" + FIT_FILE + "`: " + VolumeFit.MODEL + ", per version, per endpoint class of the simulator and"
                + " per tier (the error: fitted − measured, relative to measured). With `simulator.records=N` the"
                + " simulator multiplies each default demand by fit(N) / fit(" + VolumeFit.CALIBRATED_RECORDS
                + "), " + VolumeFit.CALIBRATED_RECORDS + " the records its defaults were measured at, both taken at"
                + " no fewer records than the smallest size measured (no extrapolation downwards; docs/simulator.md)."
                + "\n\n");
        fit.versions().forEach((v, f) -> {
            b.append("### v").append(v).append("\n\n");
            b.append("| Class or tier | Measured | a (ms) | b (ms per decade) | Base: fit at max(")
                    .append(VolumeFit.CALIBRATED_RECORDS)
                    .append(", smallest measured) | Points: records measured → fitted (error) |\n")
                    .append("|---|---|---:|---:|---:|---|\n");
            fitRows(b, "class ", f.classes());
            fitRows(b, "tier ", f.tiers());
            b.append('\n');
        });
        return b.toString();
    }

    /** The searches whose lowest step the injector could not drive (their folders' names). */
    static List<String> lagged(VolumeSeries series) {
        return series.all().stream()
                .filter(r -> r.lowest().map(st -> !st.injectorOk()).orElse(false))
                .map(r -> "`" + r.folder().getFileName() + "`")
                .toList();
    }

    private static void fitRows(StringBuilder b, String kind, Map<String, VolumeFit.Fit> fits) {
        fits.forEach((name, f) -> {
            StringBuilder pts = new StringBuilder();
            for (VolumeFit.Point p : f.points()) {
                if (!pts.isEmpty()) pts.append("; ");
                pts.append(String.format(
                        Locale.ROOT,
                        "%,d: %.1f → %.1f (%+.1f %%)%s",
                        p.records(),
                        p.measuredMs(),
                        p.fittedMs(),
                        p.relErrorPct(),
                        p.note() == null ? "" : " ⚠"));
            }
            double base = f.at(Math.max(VolumeFit.CALIBRATED_RECORDS, f.measuredFrom()));
            b.append(String.format(
                    Locale.ROOT,
                    "| %s%s | %s | %.2f | %.2f | %.1f%s | %s |%n",
                    kind,
                    name,
                    f.measure(),
                    f.a(),
                    f.b(),
                    base,
                    base > 0 ? "" : " (not positive: simulator.records refused)",
                    pts));
        });
    }

    private static void header(StringBuilder b, String first, List<VolumeRun> runs, Function<VolumeRun, String> note) {
        b.append("| ").append(first);
        for (VolumeRun r : runs)
            b.append(String.format(Locale.ROOT, " | v%s %,d%s", r.version(), r.records(), note.apply(r)));
        b.append(" |\n|---");
        for (int i = 0; i < runs.size(); i++) b.append("|---:");
        b.append("|\n");
    }

    private static void groupTable(StringBuilder b, VolumeSeries series, Function<VolumeRun, VolumeRun.Step> step) {
        List<VolumeRun> runs = series.all();
        header(b, "SLO group", runs, r -> {
            VolumeRun.Step s = step.apply(r);
            return s == null ? " (no step)" : " at " + num(s.offeredRps()) + " req/s";
        });
        for (String group : series.groups()) {
            b.append("| ").append(group);
            for (VolumeRun r : runs) {
                VolumeRun.Step s = step.apply(r);
                b.append(" | ");
                if (s == null) continue;
                s.group(group)
                        .filter(g -> g.requests() > 0)
                        .ifPresent(g -> b.append(g.p95Ms()).append(g.passed() ? "" : " ✗"));
            }
            b.append(" |\n");
        }
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}

package rdmloadtest.volume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.hipparchus.stat.regression.SimpleRegression;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.VolumeFit;

/**
 * The simulator's volume fit from a series of capacity searches: per version, per endpoint class (from the SLO group
 * that class serves) and per tier, demand(N) = a + b·log10(N) by least squares (Hipparchus' SimpleRegression).
 */
public final class VolumeFitting {
    /** What a class's demand is measured by: its group's p50 at the search's lowest step, near idle. */
    static final String CLASS_MEASURE = "p50 of SLO group '%s' at the search's lowest step (ms)";

    static final String TIER_MEASURE = "CPU demand per request of the mix at the attribution's reference step (ms)";

    /**
     * The SLO group (slo/invenio-default.json) whose requests the simulator serves as each endpoint class. Classes
     * left out (files: its requests sit in the download group) keep their default demand.
     */
    static final Map<EndpointClass, String> GROUPS = groups();

    private VolumeFitting() {}

    private static Map<EndpointClass, String> groups() {
        Map<EndpointClass, String> m = new LinkedHashMap<>();
        m.put(EndpointClass.SEARCH, "search");
        m.put(EndpointClass.RECORD, "record view");
        m.put(EndpointClass.DOWNLOAD, "download");
        m.put(EndpointClass.COMMUNITIES, "communities");
        m.put(EndpointClass.LANDING, "landing page");
        m.put(EndpointClass.PAGE, "web pages");
        m.put(EndpointClass.DEPOSIT, "deposit");
        m.put(EndpointClass.HARVEST, "harvest");
        m.put(EndpointClass.IIIF, "iiif");
        m.put(EndpointClass.STATIC, "static files");
        return m;
    }

    public static VolumeFit of(VolumeSeries series) {
        Map<String, VolumeFit.Version> versions = new TreeMap<>();
        series.runs().forEach((version, runs) -> {
            Map<String, VolumeFit.Fit> classes = new LinkedHashMap<>();
            GROUPS.forEach((cls, group) -> fit(
                            String.format(CLASS_MEASURE, group),
                            runs,
                            r -> r.lowest()
                                    .flatMap(s -> s.group(group)
                                            .filter(g -> g.requests() > 0)
                                            .map(g -> new Measured(g.p50Ms(), s.injectorOk() ? null : LAGGED)))
                                    .orElse(null))
                    .ifPresent(f -> classes.put(cls.id(), f)));
            Map<String, VolumeFit.Fit> tiers = new LinkedHashMap<>();
            for (String tier : series.tiers())
                fit(
                                TIER_MEASURE,
                                runs,
                                r -> Optional.ofNullable(r.tierDemandMs().get(tier))
                                        .map(d -> new Measured(d, null))
                                        .orElse(null))
                        .ifPresent(f -> tiers.put(tier, f));
            versions.put(version, new VolumeFit.Version(classes, tiers));
        });
        return new VolumeFit(VolumeFit.SCHEMA, VolumeFit.MODEL, versions);
    }

    /** The note on a point measured at a step the injector could not drive. */
    static final String LAGGED =
            "the injector lagged at the step measured (a busy machine): its p50 includes the" + " injector's own delay";

    /** One size's measurement and what makes it doubtful (null: nothing known). */
    record Measured(double ms, String note) {}

    /** The fit over the sizes that measured the quantity (a positive value); none with fewer than two. */
    static Optional<VolumeFit.Fit> fit(String measure, List<VolumeRun> runs, Function<VolumeRun, Measured> y) {
        List<VolumeRun> measured = new ArrayList<>();
        List<Measured> values = new ArrayList<>();
        for (VolumeRun r : runs) {
            Measured m = y.apply(r);
            if (m == null || !(m.ms() > 0)) continue;
            measured.add(r);
            values.add(m);
        }
        if (measured.size() < 2) return Optional.empty();
        return Optional.of(fit(
                measure,
                measured.stream().mapToLong(VolumeRun::records).toArray(),
                values.stream().mapToDouble(Measured::ms).toArray(),
                values.stream().map(Measured::note).toList()));
    }

    /** demand = a + b·log10(records), least squares, with each point's relative error. */
    static VolumeFit.Fit fit(String measure, long[] records, double[] demandMs) {
        return fit(measure, records, demandMs, Collections.nCopies(records.length, null));
    }

    private static VolumeFit.Fit fit(String measure, long[] records, double[] demandMs, List<String> notes) {
        SimpleRegression reg = new SimpleRegression(true);
        for (int i = 0; i < records.length; i++) reg.addData(Math.log10(records[i]), demandMs[i]);
        double a = reg.getIntercept(), b = reg.getSlope();
        List<VolumeFit.Point> points = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            double fitted = a + b * Math.log10(records[i]);
            points.add(new VolumeFit.Point(
                    records[i], demandMs[i], fitted, (fitted - demandMs[i]) / demandMs[i] * 100, notes.get(i)));
        }
        return new VolumeFit.Fit(measure, a, b, List.copyOf(points));
    }
}

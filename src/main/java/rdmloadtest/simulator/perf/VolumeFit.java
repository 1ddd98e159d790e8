package rdmloadtest.simulator.perf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How service demand grows with the records a repository holds, fitted to capacity searches on a real InvenioRDM at
 * several sizes (exec:java@volume): per InvenioRDM major version, per endpoint class and per measured tier, demand(N)
 * = a + b·log10(N) in ms. The simulator scales its demands by fit(N) / fit({@link #CALIBRATED_RECORDS}), both taken
 * at no fewer records than the smallest size measured.
 *
 * @param schema {@link #SCHEMA}
 * @param model the formula, in words, for a reader of the file
 * @param versions fits per InvenioRDM major version ("13", "14")
 */
public record VolumeFit(String schema, String model, Map<String, Version> versions) {
    public static final String SCHEMA = "rdm-loadtest/volume-fit/1";

    public static final String MODEL = "demand(N) = a + b * log10(N) in ms, least squares over the measured sizes";

    /**
     * The records the simulator's default demands stand for: their proportions were measured on the real v13 of
     * invenio-local holding 103 records (docs/capacity.md, the real v13 attribution; docs/simulator.md).
     */
    public static final long CALIBRATED_RECORDS = 103;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param classes per endpoint class id (search, record, landing, ...)
     * @param tiers per tier as the metrics file names it (app workers, search, database, ...)
     */
    public record Version(Map<String, Fit> classes, Map<String, Fit> tiers) {}

    /**
     * One quantity's fit.
     *
     * @param measure what was measured at each size (e.g. the SLO group's p50 at the lowest step)
     * @param points the measurements and how far the fit lies from each
     */
    public record Fit(String measure, double a, double b, List<Point> points) {
        /** The fitted demand at {@code records}, in ms. */
        public double at(double records) {
            return a + b * Math.log10(records);
        }

        /** The smallest size measured (0: no points): below it the fit is not extrapolated. */
        public long measuredFrom() {
            return points == null
                    ? 0
                    : points.stream().mapToLong(Point::records).min().orElse(0);
        }
    }

    /**
     * @param relErrorPct (fitted − measured) / measured × 100
     * @param note what makes the measurement doubtful (null: nothing known), e.g. an injector that lagged
     */
    public record Point(long records, double measuredMs, double fittedMs, double relErrorPct, String note) {}

    /**
     * The simulator's demands for a repository of {@code records}: each class's own service time times its class's
     * ratio, its time in a backend tier times that tier's ratio when the tier was measured, else the class's; a class
     * without a fit keeps its time.
     *
     * @throws IllegalArgumentException when the version has no fit, or a fit gives no positive demand
     */
    public Demands scale(String version, long records, Demands defaults) {
        Version v = versions.get(version);
        if (v == null)
            throw new IllegalArgumentException("the volume fit holds no measurement of InvenioRDM v" + version
                    + " (it has " + (versions.isEmpty() ? "none" : "v" + String.join(", v", versions.keySet())) + ")");
        Map<EndpointClass, Duration> service = new EnumMap<>(EndpointClass.class);
        Map<EndpointClass, Map<Tier, Duration>> backend = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : EndpointClass.values()) {
            double classRatio = ratio(v.classes(), c.id(), records, "class", 1.0);
            Duration own = defaults.serviceTimes().get(c);
            if (own != null) service.put(c, times(own, classRatio));
            Map<Tier, Duration> tiers = new EnumMap<>(Tier.class);
            defaults.backendTimes()
                    .getOrDefault(c, Map.of())
                    .forEach((t, d) -> tiers.put(t, times(d, ratio(v.tiers(), t.id(), records, "tier", classRatio))));
            backend.put(c, Map.copyOf(tiers));
        }
        return new Demands(service, backend);
    }

    /** Per endpoint class, its app service time and its time in each backend tier. */
    public record Demands(
            Map<EndpointClass, Duration> serviceTimes, Map<EndpointClass, Map<Tier, Duration>> backendTimes) {}

    private static double ratio(Map<String, Fit> fits, String id, long records, String kind, double otherwise) {
        Fit f = fits == null ? null : fits.get(id);
        if (f == null) return otherwise;
        // Below the smallest size measured the demand is taken as flat: a log-linear fit extrapolated a decade down
        // (to the defaults' 103 records) can fall to nothing where nothing was measured.
        long from = f.measuredFrom();
        double at = f.at(Math.max(records, from)), base = f.at(Math.max(CALIBRATED_RECORDS, from));
        if (!(at > 0) || !(base > 0))
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the volume fit of %s %s gives %.2f ms at %d records and %.2f ms at %d (the defaults' records)"
                            + " (a=%.3f, b=%.3f): no positive demand, outside what it can model",
                    kind,
                    id,
                    at,
                    Math.max(records, from),
                    base,
                    Math.max(CALIBRATED_RECORDS, from),
                    f.a(),
                    f.b()));
        return at / base;
    }

    private static Duration times(Duration d, double ratio) {
        return Duration.ofNanos(Math.round(d.toNanos() * ratio));
    }

    public static VolumeFit read(InputStream in) throws IOException {
        VolumeFit f = JSON.readValue(in, VolumeFit.class);
        if (!SCHEMA.equals(f.schema()) || f.versions() == null)
            throw new IOException("expected a volume fit of schema " + SCHEMA + ", got " + f.schema());
        return f;
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }
}

package rdmloadtest.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdmloadtest.config.ConfigException;

/**
 * The target's tiers over a run's steady window, from Prometheus: utilization U (average over the window), service
 * demand per request D = U / X (the utilization law, X the run's throughput), and the tier with the largest
 * utilization relative to its capacity (or the largest demand, when no capacity is known).
 */
public final class TierMetrics {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One tier over the window: U in the query's unit (cores, workers), D in the same unit-seconds per request; the
     * unit and the tiers it waits for as the metrics file says (null and empty in a tiers.json written before them).
     * The saturation is averaged over the window; {@code saturationStart} and {@code saturationEnd} are its values at
     * the window's ends (a queue that grew across the window; null without a saturation query or before them).
     */
    public record TierUsage(
            String tier,
            double utilization,
            Double capacity,
            Double utilizationPct,
            double demandMs,
            Double saturation,
            String unit,
            List<String> waitsFor,
            Double saturationStart,
            Double saturationEnd) {
        public TierUsage {
            waitsFor = waitsFor == null ? List.of() : List.copyOf(waitsFor);
        }

        public TierUsage(
                String tier,
                double utilization,
                Double capacity,
                Double utilizationPct,
                double demandMs,
                Double saturation,
                String unit,
                List<String> waitsFor) {
            this(tier, utilization, capacity, utilizationPct, demandMs, saturation, unit, waitsFor, null, null);
        }

        public TierUsage(
                String tier,
                double utilization,
                Double capacity,
                Double utilizationPct,
                double demandMs,
                Double saturation) {
            this(tier, utilization, capacity, utilizationPct, demandMs, saturation, null, List.of());
        }
    }

    /** The tiers over one window, and the one that limits first. */
    public record Report(
            long fromEpochSecond, long toEpochSecond, double throughputRps, List<TierUsage> tiers, String bottleneck) {
        /** The machine's CPU no tier explains (null without a machine tier); in tiers.json, derived on reading. */
        @JsonProperty("unattributed")
        public Unattributed unattributed() {
            return Unattributed.of(tiers);
        }
    }

    /** The file each run folder keeps its tiers in. */
    public static final String FILE = "tiers.json";

    /** How long after a window's end Prometheus is asked about it: its scrapes of the window's last seconds are in. */
    public static final long SCRAPE_LAG_SECONDS = 5;

    private TierMetrics() {}

    /**
     * Every tier's queries answer now, before any load: an unreachable Prometheus, a refused query or one that
     * returns nothing stops the run with one line naming the tier and the query.
     */
    public static void preflight(MetricsFile f, Prometheus p) {
        preflight(f, p, Duration.ZERO);
    }

    /**
     * As {@link #preflight(MetricsFile, Prometheus)}, but a query that returns nothing yet is asked again for up to
     * {@code wait}: a process that has just started (the injector itself) is in Prometheus after two scrapes.
     */
    public static void preflight(MetricsFile f, Prometheus p, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        for (MetricsFile.Tier t : f.tiers()) {
            List<String[]> queries = new ArrayList<>();
            queries.add(new String[] {"utilization", t.utilization()});
            if (t.capacityQuery() != null) queries.add(new String[] {"capacity", t.capacityQuery()});
            if (t.saturation() != null) queries.add(new String[] {"saturation", t.saturation()});
            for (String[] q : queries) {
                while (!check(f, p, t, q[0], q[1], System.nanoTime() >= deadline)) {
                    if (!said) {
                        System.out.printf(
                                Locale.ROOT,
                                "rdm-loadtest: metrics: waiting up to %d s for Prometheus to see tier '%s' (%s)%n",
                                wait.toSeconds(),
                                t.name(),
                                MetricsKeys.WAIT.name());
                        said = true;
                    }
                    sleep(2000);
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("metrics: interrupted");
        }
    }

    /** Whether the query answers; when it returns nothing and {@code last}, the run stops naming it. */
    private static boolean check(
            MetricsFile f, Prometheus p, MetricsFile.Tier t, String kind, String query, boolean last) {
        OptionalDouble v;
        try {
            v = p.value(query, System.currentTimeMillis() / 1000);
        } catch (IOException e) {
            throw new ConfigException(
                    "metrics: tier '" + t.name() + "', " + kind + " query '" + query + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("metrics: interrupted");
        }
        if (v.isEmpty() && last)
            throw new ConfigException("metrics: tier '" + t.name() + "', " + kind + " query '" + query
                    + "' returned nothing from " + p.base() + " (is its exporter scraped? " + f.source() + ")");
        return v.isPresent();
    }

    /** The tiers averaged over [from, to] (epoch seconds), for a run that served {@code throughputRps}. */
    public static Report measure(MetricsFile f, Prometheus p, long from, long to, double throughputRps)
            throws IOException, InterruptedException {
        long span = Math.max(5, to - from);
        List<TierUsage> out = new ArrayList<>();
        for (MetricsFile.Tier t : f.tiers()) {
            double u = p.value(overWindow(t.utilization(), span), to).orElse(Double.NaN);
            Double sat = t.saturation() == null
                    ? null
                    : p.value(overWindow(t.saturation(), span), to).orElse(Double.NaN);
            Double satStart = t.saturation() == null ? null : boxed(p.value(t.saturation(), from));
            Double satEnd = t.saturation() == null ? null : boxed(p.value(t.saturation(), to));
            Double capacity = t.capacityQuery() == null
                    ? t.capacity()
                    : boxed(p.value("max_over_time((" + t.capacityQuery() + ")[" + span + "s:5s])", to));
            Double pct = capacity == null || capacity <= 0 ? null : 100 * u / capacity;
            out.add(new TierUsage(
                    t.name(),
                    u,
                    capacity,
                    pct,
                    throughputRps > 0 ? 1000 * u / throughputRps : Double.NaN,
                    sat,
                    t.unit(),
                    t.waitsFor(),
                    satStart,
                    satEnd));
        }
        // The machine and the injector are not tiers of the target: they cannot be its bottleneck.
        String bottleneck = out.stream()
                .filter(u -> !u.tier().equals(Unattributed.MACHINE) && !u.tier().equals("injector"))
                .filter(u -> !Double.isNaN(u.utilization()))
                .max(Comparator.comparingDouble(
                        u -> u.utilizationPct() != null ? u.utilizationPct() / 100 : u.utilization()))
                .map(TierUsage::tier)
                .orElse(null);
        return new Report(from, to, throughputRps, List.copyOf(out), bottleneck);
    }

    private static final Pattern RANGE = Pattern.compile("\\[\\d+(?:ms|s|m|h|d|w|y)]");

    /**
     * The query averaged over exactly the {@code span} seconds before the evaluation time. A rate over a fixed range
     * ({@code rate(x[30s])}) is rewritten to that span: averaging a 30 s rate over a 12 s step would count up to 30 s
     * before the step (its ramp, the step before it). A query without a range (a gauge) is averaged by a subquery.
     */
    static String overWindow(String query, long span) {
        Matcher m = RANGE.matcher(query);
        if (m.find()) return m.replaceAll("[" + span + "s]");
        return "avg_over_time((" + query + ")[" + span + "s:1s])";
    }

    private static Double boxed(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    public static void write(Path file, Report r) throws IOException {
        JSON.writeValue(file.toFile(), r);
    }

    /** The console's table. */
    public static String table(Report r) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "---- target tiers (Prometheus, %d s steady window, %.2f req/s) ----%n%-20s %10s %8s %14s %11s%n",
                r.toEpochSecond() - r.fromEpochSecond(),
                r.throughputRps(),
                "tier",
                "U",
                "U %",
                "D ms/request",
                "saturation"));
        for (TierUsage u : r.tiers())
            b.append(String.format(
                    Locale.ROOT,
                    "%-20s %10.3f %8s %14.1f %11s%n",
                    u.tier(),
                    u.utilization(),
                    u.utilizationPct() == null ? "-" : String.format(Locale.ROOT, "%.1f", u.utilizationPct()),
                    u.demandMs(),
                    u.saturation() == null ? "-" : String.format(Locale.ROOT, "%.2f", u.saturation())));
        Unattributed un = r.unattributed();
        if (un != null) b.append(un.line()).append('\n');
        if (r.bottleneck() != null)
            b.append("busiest tier: ").append(r.bottleneck()).append('\n');
        return b.toString();
    }
}

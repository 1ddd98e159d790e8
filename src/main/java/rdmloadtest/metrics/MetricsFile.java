package rdmloadtest.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;

/**
 * The tiers of a target and how Prometheus measures them: utilization (CPU cores used, busy workers) and, where a
 * service reports one, saturation (a queue, waiting connections). {@code capacity} is what 100 % utilization is (cores,
 * workers), when known: a number, or a query (the workers a pool reports, the cores a container may use).
 */
public record MetricsFile(Path source, URI prometheus, List<Tier> tiers) {
    public static final String SCHEMA = "rdm-loadtest/metrics/1";
    private static final String CLASSPATH = "classpath:";

    /** What a tier's utilization and capacity count: CPU cores, or workers (a pool's busy threads). */
    public static final List<String> UNITS = List.of("cores", "workers");

    /**
     * @param capacity a fixed capacity, or null
     * @param capacityQuery a query for the capacity, or null
     * @param unit one of {@link #UNITS}, or null (not said)
     * @param waitsFor the tiers this tier's workers are held for while they wait on them (its utilization includes
     *     their time), e.g. synchronous app workers waiting on the search engine and the database
     */
    public record Tier(
            String name,
            String utilization,
            Double capacity,
            String capacityQuery,
            String saturation,
            String unit,
            List<String> waitsFor) {
        public Tier {
            waitsFor = waitsFor == null ? List.of() : List.copyOf(waitsFor);
        }

        public Tier(String name, String utilization, Double capacity, String saturation) {
            this(name, utilization, capacity, null, saturation, null, List.of());
        }
    }

    /** The configured file, if metrics.file is set; a bad file stops the run before load, naming what is wrong. */
    public static Optional<MetricsFile> load(Settings s) {
        Optional<String> file = s.find(MetricsKeys.FILE);
        if (file.isEmpty()) return Optional.empty();
        return Optional.of(read(file.get(), s.find(MetricsKeys.PROMETHEUS)));
    }

    static MetricsFile read(Path file, Optional<URI> override) {
        return read(file.toString(), override);
    }

    /** A file, or "classpath:metrics/NAME.json" for a shipped one (single-host.json, kubernetes.json). */
    static MetricsFile read(String ref, Optional<URI> override) {
        Path file = Path.of(ref);
        JsonNode n;
        try {
            if (ref.startsWith(CLASSPATH)) {
                try (var in =
                        MetricsFile.class.getClassLoader().getResourceAsStream(ref.substring(CLASSPATH.length()))) {
                    if (in == null)
                        throw new ConfigException(MetricsKeys.FILE.name() + "=" + ref
                                + ": no such resource; shipped: classpath:metrics/single-host.json,"
                                + " classpath:metrics/kubernetes.json, classpath:metrics/simulator.json");
                    n = new ObjectMapper().readTree(in);
                }
            } else {
                n = new ObjectMapper().readTree(Files.readString(file));
            }
        } catch (IOException e) {
            throw new ConfigException(
                    MetricsKeys.FILE.name() + "=" + ref + ": cannot read it as JSON: " + e.getMessage());
        }
        if (!SCHEMA.equals(n.path("schema").asText()))
            throw new ConfigException(file + ": schema: expected \"" + SCHEMA + "\"");
        URI prometheus = override.orElseGet(() -> {
            String url = n.path("prometheusUrl").asText("");
            if (url.isEmpty())
                throw new ConfigException(
                        file + ": prometheusUrl: no value, and no -D" + MetricsKeys.PROMETHEUS.name());
            return URI.create(url.replaceAll("/+$", ""));
        });
        List<Tier> tiers = new ArrayList<>();
        int i = 0;
        for (JsonNode t : n.path("tiers")) {
            String name = t.path("name").asText("");
            String utilization = t.path("utilization").asText("");
            if (name.isEmpty() || utilization.isEmpty())
                throw new ConfigException(file + ": tiers[" + i + "]: expected a name and a utilization query");
            JsonNode capacity = t.path("capacity");
            if (!(capacity.isMissingNode() || capacity.isNull() || capacity.isNumber() || capacity.isTextual()))
                throw new ConfigException(file + ": tiers[" + i + "] (" + name
                        + "): capacity: expected a number, a PromQL query or null");
            String unit = t.path("unit").isTextual() ? t.path("unit").asText() : null;
            if (t.has("unit") && !UNITS.contains(unit))
                throw new ConfigException(file + ": tiers[" + i + "] (" + name + "): unit: expected one of "
                        + String.join(", ", UNITS) + ", got " + t.path("unit"));
            List<String> waitsFor = new ArrayList<>();
            for (JsonNode w : t.path("waitsFor")) waitsFor.add(w.asText());
            tiers.add(new Tier(
                    name,
                    utilization,
                    capacity.isNumber() ? capacity.asDouble() : null,
                    capacity.isTextual() ? capacity.asText() : null,
                    t.path("saturation").isTextual() ? t.path("saturation").asText() : null,
                    unit,
                    waitsFor));
            i++;
        }
        if (tiers.isEmpty()) throw new ConfigException(file + ": tiers: expected at least one tier");
        for (Tier t : tiers)
            for (String w : t.waitsFor())
                if (w.equals(t.name()) || tiers.stream().noneMatch(o -> o.name().equals(w)))
                    throw new ConfigException(
                            file + ": tier '" + t.name() + "': waitsFor: '" + w + "' is not another tier of this file");
        return new MetricsFile(file, prometheus, List.copyOf(tiers));
    }
}

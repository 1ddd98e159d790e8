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

    /**
     * @param capacity a fixed capacity, or null
     * @param capacityQuery a query for the capacity, or null
     */
    public record Tier(String name, String utilization, Double capacity, String capacityQuery, String saturation) {
        public Tier(String name, String utilization, Double capacity, String saturation) {
            this(name, utilization, capacity, null, saturation);
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
            tiers.add(new Tier(
                    name,
                    utilization,
                    capacity.isNumber() ? capacity.asDouble() : null,
                    capacity.isTextual() ? capacity.asText() : null,
                    t.path("saturation").isTextual() ? t.path("saturation").asText() : null));
            i++;
        }
        if (tiers.isEmpty()) throw new ConfigException(file + ": tiers: expected at least one tier");
        return new MetricsFile(file, prometheus, List.copyOf(tiers));
    }
}

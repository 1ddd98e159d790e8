package rdmloadtest.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdmloadtest.config.ConfigException;

/**
 * One capacity search as the volume report reads it from its capacity.json: which InvenioRDM version, how many records
 * it held, what it sustained, each step's p50/p95 per SLO group and each tier's demand per request.
 *
 * @param folder the report folder (named in every error and in the report)
 * @param version InvenioRDM's major version: the plan's invenio.version, else the folder's name (v13-1000)
 * @param records what the target held, probed at the start of the search (dataset.records)
 * @param maxSustainableRps null when the search gave no capacity (injector-bound)
 * @param injectorBoundAtRps the rate at which the injector, not the target, became the limit (null: it never did)
 * @param limitStep the step of the max sustainable rate (null: none)
 * @param tierDemandMs per tier, the CPU demand per request at the attribution's reference step (empty: no metrics
 *     file)
 * @param plan the search's settings (capacity.*, traffic.*, slo.file, ...): what must not differ between sizes
 */
public record VolumeRun(
        Path folder,
        String version,
        long records,
        Long versions,
        Double maxSustainableRps,
        Double injectorBoundAtRps,
        Double firstFailingTargetRps,
        List<String> breaksFirst,
        Integer limitStep,
        List<Step> steps,
        Map<String, Double> tierDemandMs,
        Map<String, String> plan) {

    public static final String FILE = "capacity.json";

    /** A folder named after what it measured: v13-1000, v14-100000. */
    private static final Pattern NAMED = Pattern.compile("v(\\d+)-(\\d+)(?:\\D.*)?");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A measured step (the warm-up left out). {@code injectorOk} false: the injector lagged (a busy machine), so its
     * latencies include the injector's own delay; such a step neither passes nor is a limit.
     */
    public record Step(
            int index,
            String phase,
            double targetRps,
            double offeredRps,
            boolean passed,
            boolean injectorOk,
            List<Group> groups) {
        public Optional<Group> group(String name) {
            return groups.stream().filter(g -> g.name().equals(name)).findFirst();
        }
    }

    public record Group(String name, long requests, int p50Ms, int p95Ms, boolean passed) {}

    /** The step at which the search found its capacity. */
    public Optional<Step> limit() {
        return steps.stream()
                .filter(s -> limitStep != null && s.index() == limitStep)
                .findFirst();
    }

    /**
     * The step of lowest offered rate: the nearest to an idle target (its latency nearest to service time); among the
     * steps the injector drove when there is one, else among all (then {@link Step#injectorOk()} says so).
     */
    public Optional<Step> lowest() {
        return steps.stream()
                .min(Comparator.comparing((Step s) -> !s.injectorOk()).thenComparingDouble(Step::offeredRps));
    }

    /** The first step that passed at this target rate. */
    public Optional<Step> passedAt(double targetRps) {
        return steps.stream()
                .filter(s -> s.passed() && s.injectorOk() && same(s.targetRps(), targetRps))
                .findFirst();
    }

    static boolean same(double a, double b) {
        return Math.abs(a - b) < 0.005;
    }

    /** Reads {@code folder/capacity.json}; any missing part is a one-line error naming the file. */
    public static VolumeRun read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file))
            throw new ConfigException(
                    file + ": no such file; expected every folder under volume.in to be a capacity report");
        JsonNode c;
        try {
            c = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not JSON ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); expected a capacity.json");
        }
        if (!c.path("schema").asText().startsWith("rdm-loadtest/capacity/"))
            throw new ConfigException(file + ": schema '" + c.path("schema").asText()
                    + "'; expected a capacity report (rdm-loadtest/capacity/...)");
        JsonNode dataset = c.path("dataset");
        if (!dataset.path("records").canConvertToLong()
                || dataset.path("records").asLong() < 1)
            throw new ConfigException(file + ": no dataset.records; expected the records the target held, which a"
                    + " capacity search probes at its start");
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : c.path("steps")) {
            if (s.path("phase").asText().equals("warmup")) continue;
            List<Group> groups = new ArrayList<>();
            for (JsonNode g : s.path("groups"))
                groups.add(new Group(
                        g.path("name").asText(),
                        g.path("requests").asLong(),
                        g.path("p50Ms").asInt(),
                        g.path("p95Ms").asInt(),
                        g.path("passed").asBoolean()));
            steps.add(new Step(
                    s.path("index").asInt(),
                    s.path("phase").asText(),
                    s.path("targetRps").asDouble(),
                    s.path("offeredRps").asDouble(),
                    s.path("passed").asBoolean(),
                    s.path("injector")
                            .path("valid")
                            .asBoolean(s.path("injectorOk").asBoolean(true)),
                    List.copyOf(groups)));
        }
        if (steps.isEmpty())
            throw new ConfigException(
                    file + ": no step after the warm-up; expected a capacity search that measured its target");
        Map<String, Double> demands = new LinkedHashMap<>();
        for (JsonNode t : c.path("attribution").path("tiers"))
            if (t.path("demandMs").isNumber())
                demands.put(t.path("tier").asText(), t.path("demandMs").asDouble());
        List<String> breaks = new ArrayList<>();
        c.path("breaksFirst").forEach(b -> breaks.add(b.asText()));
        return new VolumeRun(
                folder,
                version(file, folder, c),
                dataset.path("records").asLong(),
                dataset.path("versions").canConvertToLong()
                        ? dataset.path("versions").asLong()
                        : null,
                number(c, "maxSustainableRps"),
                number(c, "injectorBoundAtRps"),
                number(c, "firstFailingTargetRps"),
                List.copyOf(breaks),
                c.path("maxSustainableStep").isInt()
                        ? c.path("maxSustainableStep").asInt()
                        : null,
                List.copyOf(steps),
                Collections.unmodifiableMap(demands),
                plan(c));
    }

    private static Map<String, String> plan(JsonNode c) {
        Map<String, String> plan = new TreeMap<>();
        c.path("plan")
                .properties()
                .forEach(e -> plan.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(plan);
    }

    private static Double number(JsonNode c, String field) {
        return c.path(field).isNumber() ? c.path(field).asDouble() : null;
    }

    /** The plan's invenio.version (what the search's pre-flight checked the target answers as), else the name. */
    private static String version(Path file, Path folder, JsonNode c) {
        String planned = c.path("plan").path("invenio.version").asText(null);
        Matcher named = NAMED.matcher(folder.getFileName().toString());
        String fromName = named.matches() ? named.group(1) : null;
        if (planned != null && fromName != null && !planned.equals(fromName))
            throw new ConfigException(file + ": its plan says invenio.version=" + planned + " but its folder is named v"
                    + fromName + "-...; expected them to agree");
        if (planned != null) return planned;
        if (fromName != null) return fromName;
        throw new ConfigException(file + ": no invenio.version in its plan and the folder is not named"
                + " v<version>-<records> (e.g. v13-1000); expected one of them to say which InvenioRDM it measured");
    }
}

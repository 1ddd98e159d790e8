package rdmloadtest.slo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;

/**
 * The service-level objectives of a run, read from a JSON file (key {@code slo.file}) and validated before
 * any load: every problem is one {@link ConfigException} line naming the file and the field.
 */
public record Slo(String source, List<SloGroup> groups) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSPATH = "classpath:";
    private static final Set<String> TOP_FIELDS = Set.of("description", "groups");
    private static final Set<String> GROUP_FIELDS = Set.of("name", "requests", "objectives", "why");
    private static final Set<String> OBJECTIVE_FIELDS =
            Set.of("p50Ms", "p95Ms", "p99Ms", "maxErrorRatePct", "minThroughputRps");

    public static Slo load(Settings settings) {
        return read(settings.get(SloKeys.SLO_FILE));
    }

    /** Reads "classpath:slo/x.json" from the test classpath, anything else as a file path. */
    public static Slo read(String ref) {
        String label = SloKeys.SLO_FILE.name() + "='" + ref + "'";
        byte[] bytes;
        try {
            if (ref.startsWith(CLASSPATH)) {
                try (InputStream in =
                        Slo.class.getClassLoader().getResourceAsStream(ref.substring(CLASSPATH.length()))) {
                    if (in == null)
                        throw new ConfigException(label + ": no such resource on the classpath; expected an SLO file");
                    bytes = in.readAllBytes();
                }
            } else {
                Path p = Path.of(ref);
                if (!Files.isRegularFile(p))
                    throw new ConfigException(label + ": no such file; expected an SLO file (JSON)");
                bytes = Files.readAllBytes(p);
            }
        } catch (IOException e) {
            throw new ConfigException(label + ": cannot read it: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    label + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(label + ": cannot read it: " + e.getMessage());
        }
        return parse(label, ref, root);
    }

    private static Slo parse(String label, String ref, JsonNode root) {
        if (root == null || !root.isObject()) throw bad(label, "(top level)", "expected a JSON object with \"groups\"");
        onlyFields(label, "", root, TOP_FIELDS);
        JsonNode groupsNode = root.get("groups");
        if (groupsNode == null || !groupsNode.isArray() || groupsNode.isEmpty()) {
            throw bad(label, "groups", "expected a non-empty array of groups");
        }
        List<SloGroup> groups = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < groupsNode.size(); i++) {
            String at = "groups[" + i + "]";
            JsonNode g = groupsNode.get(i);
            if (!g.isObject()) throw bad(label, at, "expected an object with name, requests and objectives");
            onlyFields(label, at + ".", g, GROUP_FIELDS);
            String name = text(label, at + ".name", g.get("name"));
            if (groups.stream().anyMatch(x -> x.name().equals(name)))
                throw bad(label, at + ".name", "'" + name + "' appears twice");
            JsonNode reqs = g.get("requests");
            if (reqs == null || !reqs.isArray() || reqs.isEmpty()) {
                throw bad(label, at + ".requests", "expected a non-empty array of request names");
            }
            List<String> requests = new ArrayList<>();
            for (int j = 0; j < reqs.size(); j++) {
                String rat = at + ".requests[" + j + "]";
                String r = text(label, rat, reqs.get(j));
                if (!RequestNames.ALL.contains(r)) {
                    throw bad(
                            label,
                            rat,
                            "unknown request '" + r + "'; expected one of " + String.join(", ", RequestNames.ALL));
                }
                String previous = owner.putIfAbsent(r, name);
                if (previous != null) throw bad(label, rat, "'" + r + "' is already in group '" + previous + "'");
                requests.add(r);
            }
            Objectives o = objectives(label, at + ".objectives", g.get("objectives"));
            String why = g.hasNonNull("why") ? text(label, at + ".why", g.get("why")) : "";
            groups.add(new SloGroup(name, List.copyOf(requests), o, why));
        }
        return new Slo(ref, List.copyOf(groups));
    }

    private static Objectives objectives(String label, String at, JsonNode n) {
        if (n == null || !n.isObject())
            throw bad(label, at, "expected an object of p50Ms, p95Ms, p99Ms, maxErrorRatePct, minThroughputRps");
        onlyFields(label, at + ".", n, OBJECTIVE_FIELDS);
        Objectives o = new Objectives(
                number(label, at, n, "p50Ms", Double.MAX_VALUE),
                number(label, at, n, "p95Ms", Double.MAX_VALUE),
                number(label, at, n, "p99Ms", Double.MAX_VALUE),
                number(label, at, n, "maxErrorRatePct", 100),
                number(label, at, n, "minThroughputRps", Double.MAX_VALUE));
        if (o.isEmpty()) throw bad(label, at, "expected at least one objective");
        return o;
    }

    private static OptionalDouble number(String label, String at, JsonNode parent, String field, double max) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return OptionalDouble.empty();
        if (!n.isNumber()) throw bad(label, at + "." + field, "'" + n + "' is not a number");
        double v = n.asDouble();
        if (v < 0) throw bad(label, at + "." + field, v + " is negative; expected a number from 0 to " + fmtMax(max));
        if (v > max)
            throw bad(label, at + "." + field, v + " is too large; expected a number from 0 to " + fmtMax(max));
        return OptionalDouble.of(v);
    }

    private static String fmtMax(double max) {
        return max == Double.MAX_VALUE ? "any size" : String.valueOf((long) max);
    }

    private static String text(String label, String at, JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isBlank()) throw bad(label, at, "expected a non-empty string");
        return n.asText().trim();
    }

    private static void onlyFields(String label, String prefix, JsonNode n, Set<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw bad(
                        label,
                        prefix + f,
                        "unknown field; expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static ConfigException bad(String label, String field, String expectation) {
        return new ConfigException(label + ": " + field + ": " + expectation);
    }

    public Optional<SloGroup> groupOf(String requestName) {
        return groups.stream().filter(g -> g.covers(requestName)).findFirst();
    }
}

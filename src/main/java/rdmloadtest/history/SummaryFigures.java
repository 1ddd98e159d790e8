package rdmloadtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import rdmloadtest.history.Baseline.GroupFigures;

/** The judged-window figures of every SLO group in a run's summary.json. */
public final class SummaryFigures {
    private SummaryFigures() {}

    public static Map<String, GroupFigures> groups(JsonNode summary) {
        Map<String, GroupFigures> out = new LinkedHashMap<>();
        for (JsonNode g : summary.path("groups")) {
            JsonNode w = g.path("window");
            String name = g.path("name").asText();
            out.put(
                    name,
                    new GroupFigures(
                            name,
                            w.path("count").asLong(),
                            w.path("p50").asDouble(),
                            w.path("p95").asDouble(),
                            w.path("p99").asDouble(),
                            w.path("rps").asDouble(),
                            w.path("errorRatePct").asDouble()));
        }
        return out;
    }
}

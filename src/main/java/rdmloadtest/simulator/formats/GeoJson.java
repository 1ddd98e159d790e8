package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** GeoJSON (application/vnd.geo+json): an empty FeatureCollection (no locations are kept on the records here). */
public final class GeoJson {
    private GeoJson() {}

    public static JsonNode of() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return f.objectNode().put("type", "FeatureCollection").set("features", f.arrayNode());
    }
}

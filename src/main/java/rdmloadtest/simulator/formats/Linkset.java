package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The signposting linkset (application/linkset+json) as v13 writes it: the landing page (authors' ORCIDs, every
 * serialization, its files, licence, types), then one set per file (its collection) and one for the API record (what
 * it describes).
 */
public final class Linkset {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Linkset() {}

    /** {@code serializations}: the media types the API record is described by, in their order. */
    public static JsonNode of(RecordItem r, List<String> serializations) {
        ObjectNode o = F.objectNode();
        ArrayNode sets = o.putArray("linkset");
        ObjectNode link = sets.addObject().put("anchor", r.selfHtml());
        ArrayNode authors = F.arrayNode();
        for (Creatibutor c : r.creators())
            if (c.orcid() != null) authors.addObject().put("href", "https://orcid.org/" + c.orcid());
        if (!authors.isEmpty()) link.set("author", authors);
        ArrayNode describedby = link.putArray("describedby");
        for (String t : serializations)
            describedby.addObject().put("href", r.self()).put("type", t);
        ArrayNode items = F.arrayNode();
        r.fileEntries()
                .forEach(e -> items.addObject()
                        .put("href", r.selfHtml() + "/files/" + e.getKey())
                        .put("type", e.getValue().path("mimetype").asText()));
        if (!items.isEmpty()) link.set("item", items);
        String right = r.metadata().at("/rights/0/id").asText("");
        if (Rights.isCreativeCommons(right))
            link.putArray("license").addObject().put("href", Rights.ccUrl(right));
        ArrayNode types = link.putArray("type");
        types.addObject().put("href", r.resourceTypeProp("schema.org", "https://schema.org/CreativeWork"));
        types.addObject().put("href", "https://schema.org/AboutPage");
        r.fileEntries()
                .forEach(e -> sets.addObject()
                        .put("anchor", r.selfHtml() + "/files/" + e.getKey())
                        .putArray("collection")
                        .addObject()
                        .put("href", r.selfHtml())
                        .put("type", "text/html"));
        sets.addObject()
                .put("anchor", r.self())
                .putArray("describes")
                .addObject()
                .put("href", r.selfHtml())
                .put("type", "text/html");
        return o;
    }
}

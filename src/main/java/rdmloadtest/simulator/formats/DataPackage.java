package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Data Package (v2) as v13's DataPackageSchema writes it: description, version, keywords and licenses only when
 * present; resources are the record's files; contributors the creators then the contributors by role.
 */
public final class DataPackage {
    private DataPackage() {}

    public static JsonNode of(RecordItem r) {
        ObjectNode o = JsonNodeFactory.instance
                .objectNode()
                .put("$schema", "https://datapackage.org/profiles/2.0/datapackage.json")
                .put("name", r.id())
                .put("title", r.title());
        if (!r.description().isEmpty()) o.put("description", r.descriptionStripped());
        if (!r.version().isEmpty()) o.put("version", r.version());
        o.put("created", r.created()).put("homepage", r.selfHtml());
        if (!r.subjects().isEmpty()) {
            ArrayNode keywords = o.putArray("keywords");
            r.subjects().forEach(keywords::add);
        }
        ArrayNode resources = o.putArray("resources");
        r.fileEntries().forEach(e -> {
            JsonNode f = e.getValue();
            resources
                    .addObject()
                    .put("name", e.getKey())
                    .put("path", r.selfHtml() + "/files/" + e.getKey())
                    .put("format", f.path("ext").asText())
                    .put("mimetype", f.path("mimetype").asText())
                    .put("bytes", f.path("size").asLong())
                    .put("hash", f.path("checksum").asText());
        });
        if (!r.metadata().path("rights").isEmpty()) {
            ArrayNode licenses = o.putArray("licenses");
            for (JsonNode right : r.metadata().path("rights")) {
                String id = right.path("id").asText("");
                ObjectNode l = licenses.addObject().put("name", id);
                if (Rights.isCreativeCommons(id))
                    l.put("path", Rights.ccUrl(id)).put("title", Rights.ccTitle(id));
            }
        }
        ArrayNode contributors = o.putArray("contributors");
        for (Creatibutor c : r.creators()) contributor(contributors, c, "creator");
        for (Creatibutor c : r.contributors()) contributor(contributors, c, c.roleId());
        return o;
    }

    private static void contributor(ArrayNode contributors, Creatibutor c, String role) {
        ObjectNode p = contributors.addObject().put("title", c.name());
        if (c.hasGivenName()) p.put("givenName", c.givenName());
        if (c.hasFamilyName()) p.put("familyName", c.familyName());
        p.putArray("roles").add(role);
        List<String> affs = c.affiliations();
        if (!affs.isEmpty()) p.put("organization", affs.get(0));
    }
}

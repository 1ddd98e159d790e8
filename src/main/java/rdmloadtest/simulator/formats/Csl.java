package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CSL JSON (application/vnd.citationstyles.csl+json), keys sorted as the real writes them. */
public final class Csl {
    private Csl() {}

    /** Abstract, language and version only when the record has them. */
    public static JsonNode of(RecordItem r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (!r.description().isEmpty()) o.put("abstract", r.descriptionStripped());
        ArrayNode authors = o.putArray("author");
        r.creators()
                .forEach(c -> authors.addObject().put("family", c.familyName()).put("given", c.givenName()));
        o.put("id", r.id());
        ArrayNode parts = o.putObject("issued").putArray("date-parts").addArray();
        for (String p : r.publicationDate().split("/")[0].split("-")) parts.add(p);
        String lang = r.firstLanguage();
        if (!lang.isEmpty()) o.put("language", lang);
        o.put("publisher", r.publisher()).put("title", r.title()).put("type", r.resourceTypeProp("csl", "article"));
        if (!r.version().isEmpty()) o.put("version", r.version());
        return o;
    }
}

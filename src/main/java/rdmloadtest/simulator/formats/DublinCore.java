package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;

/** Dublin Core (application/x-dc+xml, oai_dc) as v13 writes it, elements sorted by name; empty ones left out. */
public final class DublinCore {
    private DublinCore() {}

    public static String of(RecordItem r) {
        JsonNode md = r.metadata();
        StringBuilder b = new StringBuilder(Xml.HEAD)
                .append("<oai_dc:dc xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        + " xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/"
                        + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n");
        for (Creatibutor c : r.contributors()) element(b, "contributor", c.name());
        for (Creatibutor c : r.creators()) element(b, "creator", c.name());
        element(b, "date", r.publicationDate());
        if (!r.description().isEmpty()) element(b, "description", r.descriptionStripped());
        for (JsonNode d : md.path("additional_descriptions"))
            element(b, "description", RecordItem.stripTags(d.path("description").asText()));
        element(b, "identifier", r.oaiId().isEmpty() ? r.selfHtml() : r.oaiId());
        for (JsonNode l : md.path("languages"))
            element(b, "language", l.path("id").asText());
        element(b, "publisher", r.publisher());
        element(b, "rights", r.euRepoAccessRight());
        for (JsonNode right : md.path("rights")) {
            String id = right.path("id").asText("");
            if (!Rights.isCreativeCommons(id)) continue;
            element(b, "rights", Rights.ccTitle(id));
            element(b, "rights", Rights.ccUrl(id));
        }
        for (String s : r.subjects()) element(b, "subject", s);
        element(b, "title", r.title());
        element(b, "type", r.resourceTypeProp("eurepo", "info:eu-repo/semantics/other"));
        return b.append("</oai_dc:dc>\n").toString();
    }

    private static void element(StringBuilder b, String name, String value) {
        b.append("  <dc:")
                .append(name)
                .append('>')
                .append(Xml.escape(value))
                .append("</dc:")
                .append(name)
                .append(">\n");
    }
}

package rdmloadtest.simulator.formats;

import static rdmloadtest.simulator.formats.Xml.escape;

import com.fasterxml.jackson.databind.JsonNode;

/** DataCite XML (application/vnd.datacite.datacite+xml), kernel 4.3 in v13's element order. */
public final class DataCiteXml {
    private DataCiteXml() {}

    /** An element without a value is left out. */
    public static String of(RecordItem r) {
        JsonNode md = r.metadata();
        StringBuilder b = new StringBuilder(Xml.HEAD)
                .append("<resource xmlns=\"http://datacite.org/schema/kernel-4\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:schemaLocation=\"http://datacite.org/schema/kernel-4"
                        + " http://schema.datacite.org/meta/kernel-4.3/metadata.xsd\">\n")
                .append("  <alternateIdentifiers>\n    <alternateIdentifier alternateIdentifierType=\"URL\">")
                .append(escape(r.selfHtml()))
                .append("</alternateIdentifier>\n");
        if (!r.oaiId().isEmpty())
            b.append("    <alternateIdentifier alternateIdentifierType=\"oai\">")
                    .append(escape(r.oaiId()))
                    .append("</alternateIdentifier>\n");
        b.append("  </alternateIdentifiers>\n  <creators>\n");
        for (Creatibutor c : r.creators()) person(b, "creator", c, null);
        b.append("  </creators>\n  <titles>\n    <title>")
                .append(escape(r.title()))
                .append("</title>\n  </titles>\n  <publisher>")
                .append(escape(r.publisher()))
                .append("</publisher>\n  <publicationYear>")
                .append(r.publicationYear())
                .append("</publicationYear>\n");
        if (!r.subjects().isEmpty()) {
            b.append("  <subjects>\n");
            for (String s : r.subjects())
                b.append("    <subject>").append(escape(s)).append("</subject>\n");
            b.append("  </subjects>\n");
        }
        if (!r.contributors().isEmpty()) {
            b.append("  <contributors>\n");
            for (Creatibutor c : r.contributors()) person(b, "contributor", c, DataCiteJson.contributorType(c));
            b.append("  </contributors>\n");
        }
        b.append("  <dates>\n    <date dateType=\"Issued\">")
                .append(r.publicationDate())
                .append("</date>\n");
        String updated = r.updated();
        if (updated.length() >= 10)
            b.append("    <date dateType=\"Updated\">").append(updated, 0, 10).append("</date>\n");
        b.append("  </dates>\n");
        String lang = r.firstLanguage();
        if (!lang.isEmpty()) b.append("  <language>").append(escape(lang)).append("</language>\n");
        b.append("  <resourceType resourceTypeGeneral=\"")
                .append(r.resourceTypeProp("datacite_general", "Other"))
                .append("\">")
                .append(escape(r.resourceTypeProp("datacite_type", "")))
                .append("</resourceType>\n");
        if (!r.version().isEmpty())
            b.append("  <version>").append(escape(r.version())).append("</version>\n");
        if (!md.path("rights").isEmpty()) {
            b.append("  <rightsList>\n");
            for (JsonNode right : md.path("rights")) {
                String id = right.path("id").asText("");
                if (Rights.isCreativeCommons(id))
                    b.append("    <rights rightsURI=\"")
                            .append(Rights.ccUrl(id))
                            .append("\" rightsIdentifierScheme=\"spdx\" rightsIdentifier=\"")
                            .append(escape(id))
                            .append("\">")
                            .append(escape(Rights.ccTitle(id)))
                            .append("</rights>\n");
                else
                    b.append("    <rights>")
                            .append(escape(right.at("/title/en").asText(id)))
                            .append("</rights>\n");
            }
            b.append("  </rightsList>\n");
        }
        if (!r.description().isEmpty() || !md.path("additional_descriptions").isEmpty()) {
            b.append("  <descriptions>\n");
            if (!r.description().isEmpty())
                b.append("    <description descriptionType=\"Abstract\">")
                        .append(escape(r.descriptionStripped()))
                        .append("</description>\n");
            for (JsonNode d : md.path("additional_descriptions"))
                b.append("    <description descriptionType=\"")
                        .append(d.at("/type/id").asText().equals("methods") ? "Methods" : "Other")
                        .append("\">")
                        .append(escape(
                                RecordItem.stripTags(d.path("description").asText())))
                        .append("</description>\n");
            b.append("  </descriptions>\n");
        }
        return b.append("</resource>\n").toString();
    }

    private static void person(StringBuilder b, String element, Creatibutor c, String contributorType) {
        b.append("    <").append(element);
        if (contributorType != null)
            b.append(" contributorType=\"").append(contributorType).append('"');
        b.append(">\n      <")
                .append(element)
                .append("Name nameType=\"")
                .append(DataCiteJson.nameType(c))
                .append("\">")
                .append(escape(c.name()))
                .append("</")
                .append(element)
                .append("Name>\n");
        if (c.hasGivenName())
            b.append("      <givenName>").append(escape(c.givenName())).append("</givenName>\n");
        if (c.hasFamilyName())
            b.append("      <familyName>").append(escape(c.familyName())).append("</familyName>\n");
        if (c.orcid() != null)
            b.append("      <nameIdentifier nameIdentifierScheme=\"ORCID\">")
                    .append(escape(c.orcid()))
                    .append("</nameIdentifier>\n");
        for (String a : c.affiliations())
            b.append("      <affiliation>").append(escape(a)).append("</affiliation>\n");
        b.append("    </").append(element).append(">\n");
    }
}

package rdmloadtest.simulator.formats;

import static rdmloadtest.simulator.formats.Xml.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * DCAT-AP (application/dcat+xml) as v13 writes it (its XSLT over the DataCite XML): creators and contributors with
 * their organisations, a project leader's prov:wasGeneratedBy, issued/modified dates, identifiers, version, the
 * descriptions, a licence distribution and one distribution per file; empty fields left out.
 */
public final class Dcat {
    private static final String RDF_HEAD = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns:adms=\"http://www.w3.org/ns/adms#\" xmlns:bibo=\"http://purl.org/ontology/bibo/\""
            + " xmlns:citedcat=\"https://w3id.org/citedcat-ap/\" xmlns:dct=\"http://purl.org/dc/terms/\""
            + " xmlns:dctype=\"http://purl.org/dc/dcmitype/\" xmlns:dcat=\"http://www.w3.org/ns/dcat#\""
            + " xmlns:foaf=\"http://xmlns.com/foaf/0.1/\" xmlns:gsp=\"http://www.opengis.net/ont/geosparql#\""
            + " xmlns:locn=\"http://www.w3.org/ns/locn#\" xmlns:org=\"http://www.w3.org/ns/org#\""
            + " xmlns:owl=\"http://www.w3.org/2002/07/owl#\" xmlns:prov=\"http://www.w3.org/ns/prov#\""
            + " xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\""
            + " xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\""
            + " xmlns:vcard=\"http://www.w3.org/2006/vcard/ns#\" xmlns:wdrs=\"http://www.w3.org/2007/05/powder-s#\">\n";

    private Dcat() {}

    public static String of(RecordItem r) {
        JsonNode md = r.metadata();
        StringBuilder b = new StringBuilder(Xml.HEAD).append(RDF_HEAD).append("  <rdf:Description>\n");
        b.append("    <rdf:type rdf:resource=\"http://www.w3.org/ns/dcat#Dataset\"/>\n")
                .append("    <dct:type rdf:resource=\"http://purl.org/dc/dcmitype/")
                .append(dcmiType(r))
                .append("\"/>\n");
        for (Creatibutor c : r.creators()) agent(b, "dct:creator", c, "    ");
        b.append("    <dct:title>").append(escape(r.title())).append("</dct:title>\n");
        b.append("    <dct:publisher>\n      <foaf:Agent>\n        <foaf:name>")
                .append(escape(r.publisher()))
                .append("</foaf:name>\n      </foaf:Agent>\n    </dct:publisher>\n");
        b.append("    <dct:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#gYear\">")
                .append(r.publicationYear())
                .append("</dct:issued>\n");
        for (String s : r.subjects())
            b.append("    <dcat:keyword>").append(escape(s)).append("</dcat:keyword>\n");
        for (Creatibutor c : r.contributors()) agent(b, "dct:contributor", c, "    ");
        for (Creatibutor c : r.contributors())
            if (c.roleId().equals("projectleader")) {
                b.append("    <prov:wasGeneratedBy>\n      <foaf:Project>\n        <rdf:type"
                        + " rdf:resource=\"http://www.w3.org/ns/prov#Activity\"/>\n");
                agent(b, "citedcat:projectLeader", c, "        ");
                b.append("      </foaf:Project>\n    </prov:wasGeneratedBy>\n");
            }
        b.append("    <dct:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">")
                .append(r.publicationDate())
                .append("</dct:issued>\n");
        String updated = r.updated();
        if (updated.length() >= 10)
            b.append("    <dct:modified rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">")
                    .append(updated, 0, 10)
                    .append("</dct:modified>\n");
        for (JsonNode l : md.path("languages"))
            b.append("    <dct:language rdf:resource=\"http://publications.europa.eu/resource/authority/language/")
                    .append(l.path("id").asText().toUpperCase(Locale.ROOT))
                    .append("\"/>\n");
        b.append("    <owl:sameAs rdf:resource=\"").append(escape(r.selfHtml())).append("\"/>\n");
        b.append("    <adms:identifier>\n      <adms:Identifier>\n        <skos:notation"
                        + " rdf:datatype=\"http://www.w3.org/2001/XMLSchema#anyURI\">")
                .append(escape(r.selfHtml()))
                .append("</skos:notation>\n        <adms:schemeAgency>URL</adms:schemeAgency>\n"
                        + "      </adms:Identifier>\n    </adms:identifier>\n");
        if (!r.oaiId().isEmpty())
            b.append("    <adms:identifier>\n      <adms:Identifier>\n        <skos:notation>")
                    .append(escape(r.oaiId()))
                    .append("</skos:notation>\n        <adms:schemeAgency>oai</adms:schemeAgency>\n"
                            + "      </adms:Identifier>\n    </adms:identifier>\n");
        if (!r.version().isEmpty())
            b.append("    <owl:versionInfo>").append(escape(r.version())).append("</owl:versionInfo>\n");
        if (!r.description().isEmpty())
            b.append("    <dct:description>")
                    .append(escape(r.descriptionStripped()))
                    .append("</dct:description>\n");
        for (JsonNode d : md.path("additional_descriptions"))
            b.append("    <dct:description>")
                    .append(escape(RecordItem.stripTags(d.path("description").asText())))
                    .append("</dct:description>\n");
        // the real writes one licence distribution, empty when the record has no licence
        String right = md.at("/rights/0/id").asText("");
        b.append("    <dcat:distribution>\n      <dcat:Distribution");
        if (Rights.isCreativeCommons(right))
            b.append(">\n        <dct:license rdf:resource=\"")
                    .append(Rights.ccUrl(right))
                    .append("\"/>\n      </dcat:Distribution>\n");
        else b.append("/>\n");
        b.append("    </dcat:distribution>\n");
        r.fileEntries()
                .forEach(e -> b.append(
                                "    <dcat:distribution>\n      <dcat:Distribution>\n        <dcat:downloadURL rdf:resource=\"")
                        .append(escape(r.selfHtml() + "/files/" + e.getKey()))
                        .append("\"/>\n        <dcat:mediaType>")
                        .append(escape(e.getValue().path("mimetype").asText()))
                        .append("</dcat:mediaType>\n        <dcat:byteSize>")
                        .append(e.getValue().path("size").asLong())
                        .append("</dcat:byteSize>\n      </dcat:Distribution>\n    </dcat:distribution>\n"));
        return b.append("  </rdf:Description>\n</rdf:RDF>\n").toString();
    }

    /** The DCMI type of the DataCite general type (an assumption beyond Dataset and Text, measured). */
    private static String dcmiType(RecordItem r) {
        return switch (r.resourceTypeProp("datacite_general", "Text")) {
            case "Dataset" -> "Dataset";
            case "Software" -> "Software";
            case "Image" -> "Image";
            case "Audiovisual" -> "MovingImage";
            case "Sound" -> "Sound";
            case "Collection" -> "Collection";
            case "Event" -> "Event";
            case "InteractiveResource" -> "InteractiveResource";
            case "PhysicalObject" -> "PhysicalObject";
            default -> "Text";
        };
    }

    /** A foaf Person or Organization with its names, ORCID and organisations, indented by {@code in}. */
    private static void agent(StringBuilder b, String element, Creatibutor c, String in) {
        b.append(in).append('<').append(element).append(">\n").append(in).append("  <rdf:Description");
        if (c.orcid() != null)
            b.append(" rdf:about=\"https://orcid.org/")
                    .append(escape(c.orcid()))
                    .append('"');
        b.append(">\n")
                .append(in)
                .append("    <rdf:type rdf:resource=\"http://xmlns.com/foaf/0.1/")
                .append(c.isOrganization() ? "Organization" : "Person")
                .append("\"/>\n")
                .append(in)
                .append("    <foaf:name>")
                .append(escape(c.name()))
                .append("</foaf:name>\n");
        if (c.hasGivenName())
            b.append(in)
                    .append("    <foaf:givenName>")
                    .append(escape(c.givenName()))
                    .append("</foaf:givenName>\n");
        if (c.hasFamilyName())
            b.append(in)
                    .append("    <foaf:familyName>")
                    .append(escape(c.familyName()))
                    .append("</foaf:familyName>\n");
        for (String a : c.affiliations())
            b.append(in)
                    .append("    <org:memberOf>\n")
                    .append(in)
                    .append("      <foaf:Organization>\n")
                    .append(in)
                    .append("        <foaf:name>")
                    .append(escape(a))
                    .append("</foaf:name>\n")
                    .append(in)
                    .append("      </foaf:Organization>\n")
                    .append(in)
                    .append("    </org:memberOf>\n");
        b.append(in)
                .append("  </rdf:Description>\n")
                .append(in)
                .append("</")
                .append(element)
                .append(">\n");
    }
}

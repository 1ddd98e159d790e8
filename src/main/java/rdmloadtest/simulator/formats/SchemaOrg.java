package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import rdmloadtest.simulator.vocabularies.ResourceTypeProps;

/**
 * schema.org JSON-LD (application/ld+json) as v13's SchemaorgSchema writes it: a field without a value is left out;
 * contentSize, size and (for a Dataset) distribution come from the record's files. The landing page embeds it.
 */
public final class SchemaOrg {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SchemaOrg() {}

    public static JsonNode of(RecordItem r) {
        return build(r, false);
    }

    /** The schema; Codemeta is the same with its own @context, no identifier but a DOI, and funding as one string. */
    static ObjectNode build(RecordItem r, boolean codemeta) {
        String type = r.resourceTypeProp("schema.org", "https://schema.org/CreativeWork");
        JsonNode md = r.metadata();
        ObjectNode o = F.objectNode()
                .put("@context", codemeta ? "https://doi.org/10.5063/schema/codemeta-2.0" : "http://schema.org")
                .put("@type", type);
        if (!codemeta) o.put("identifier", r.self());
        o.put("name", r.title());
        ArrayNode creators = o.putArray("creator");
        r.creators().forEach(c -> creators.add(person(c)));
        o.set("author", creators.deepCopy());
        if (!r.contributors().isEmpty()) {
            ArrayNode editors = o.putArray("editor");
            r.contributors().forEach(c -> editors.add(person(c)));
        }
        o.putObject("publisher").put("@type", "Organization").put("name", r.publisher());
        if (!r.subjects().isEmpty()) o.put("keywords", String.join(", ", r.subjects()));
        o.put("dateCreated", r.created())
                .put("dateModified", r.json().path("updated").asText())
                .put("datePublished", r.publicationDate().split("/")[0]);
        if (!md.path("dates").isEmpty()) {
            ArrayNode temporal = o.putArray("temporal");
            md.path("dates").forEach(d -> temporal.add(d.path("date").asText()));
        }
        String lang = r.firstLanguage();
        if (Languages.name(lang) != null)
            o.putObject("inLanguage")
                    .put("alternateName", lang)
                    .put("@type", "Language")
                    .put("name", Languages.name(lang));
        if (r.totalBytes() > 0)
            o.put("contentSize", convertSize(r.totalBytes())).put("size", convertSize(r.totalBytes()));
        if (!r.version().isEmpty()) o.put("version", r.version());
        String license = licenseUrl(r);
        if (license != null) o.put("license", license);
        if (!r.description().isEmpty()) o.put("description", r.description());
        JsonNode funding = md.path("funding");
        if (!funding.isEmpty()) {
            if (codemeta) codemetaFunding(o, funding);
            else funding(o, funding);
        }
        related(o, r, "isPartOf", Set.of("ispartof"));
        related(o, r, "hasPart", Set.of("haspart"));
        related(o, r, "sameAs", Set.of("isidenticalto"));
        related(o, r, "citation", Set.of("cites", "references"));
        o.put("url", r.selfHtml());
        if (type.equals("https://schema.org/Dataset")) {
            for (JsonNode d : md.path("additional_descriptions"))
                if (d.at("/type/id").asText().equals("methods")) {
                    o.put("measurementTechnique", d.path("description").asText());
                    break;
                }
            ArrayNode distribution = F.arrayNode();
            r.fileEntries().forEach(e -> {
                ObjectNode d = distribution
                        .addObject()
                        .put("@type", "DataDownload")
                        .put("contentUrl", r.self() + "/files/" + e.getKey() + "/content");
                if (e.getValue().path("mimetype").isTextual())
                    d.put("encodingFormat", e.getValue().path("mimetype").asText());
            });
            if (!distribution.isEmpty()) o.set("distribution", distribution);
        }
        if (type.equals("https://schema.org/VideoObject")) o.put("uploadDate", r.created());
        return o;
    }

    /** Codemeta's funding: the first award with a title and a number, as one string. */
    private static void codemetaFunding(ObjectNode o, JsonNode funding) {
        for (JsonNode f : funding) {
            String t = f.at("/award/title/en").asText("");
            String n = f.at("/award/number").asText("");
            if (!t.isEmpty() && !n.isEmpty()) {
                o.put("funding", t + " (" + n + ")");
                break;
            }
        }
    }

    /** schema.org's funding: one Grant per award, with its funder. */
    private static void funding(ObjectNode o, JsonNode funding) {
        ArrayNode fs = o.putArray("funding");
        for (JsonNode f : funding) {
            ObjectNode g = fs.addObject();
            if (f.has("funder")) {
                ObjectNode funder = g.putObject("funder").put("@type", "Organization");
                if (f.at("/funder/id").isTextual())
                    funder.put("@id", f.at("/funder/id").asText());
                if (f.at("/funder/name").isTextual())
                    funder.put("name", f.at("/funder/name").asText());
            }
            String t = f.at("/award/title/en").asText("");
            String n = f.at("/award/number").asText("");
            if (!t.isEmpty() || !n.isEmpty()) g.put("name", !t.isEmpty() && !n.isEmpty() ? t + " (" + n + ")" : t + n);
            if (f.at("/award/id").isTextual())
                g.put("identifier", f.at("/award/id").asText());
        }
    }

    /** schema.org's Person or Organization (PersonOrOrgSchema): affiliation and @id only when there are some. */
    private static ObjectNode person(Creatibutor c) {
        ObjectNode p = F.objectNode().put("name", c.name());
        if (c.hasGivenName()) p.put("givenName", c.givenName());
        if (c.hasFamilyName()) p.put("familyName", c.familyName());
        List<String> affs = c.affiliations();
        if (!affs.isEmpty()) {
            ArrayNode aff = p.putArray("affiliation");
            for (String a : affs) aff.addObject().put("@type", "Organization").put("name", a);
        }
        if (c.orcid() != null) p.put("@id", "https://orcid.org/" + c.orcid());
        return p.put("@type", c.isOrganization() ? "Organization" : "Person");
    }

    /** Related identifiers of the given relations as schema.org CreativeWorks (those with a URL: DOI, URL). */
    private static void related(ObjectNode o, RecordItem r, String field, Set<String> relations) {
        ArrayNode out = F.arrayNode();
        for (JsonNode rel : r.metadata().path("related_identifiers")) {
            if (!relations.contains(rel.at("/relation_type/id").asText())) continue;
            String scheme = rel.path("scheme").asText();
            String id = rel.path("identifier").asText();
            String url = scheme.equals("doi") ? "https://doi.org/" + id : scheme.equals("url") ? id : null;
            if (url == null) continue;
            if (field.equals("sameAs")) {
                out.add(url);
                continue;
            }
            String schemaType =
                    ResourceTypeProps.get(rel.at("/resource_type/id").asText(), "schema.org", null);
            String t = schemaType == null ? "CreativeWork" : schemaType.substring(19);
            out.addObject().put("@type", t).put("@id", url);
        }
        if (!out.isEmpty()) o.set(field, out);
    }

    /** The first right's SPDX URL (Creative Commons: its legal code), as commonmeta's dict_to_spdx. */
    private static String licenseUrl(RecordItem r) {
        JsonNode right = r.metadata().at("/rights/0");
        if (right.isMissingNode()) return null;
        String id = right.path("id").asText("");
        if (Rights.isCreativeCommons(id)) return Rights.ccUrl(id) + "legalcode";
        return right.path("link").isTextual() ? right.path("link").asText() : null;
    }

    /** invenio-rdm-records' convert_size: base 1024, two decimals as Python's round and str print them. */
    static String convertSize(long bytes) {
        if (bytes == 0) return "0B";
        String[] names = {"B", "KB", "MB", "GB", "TB", "PB"};
        int i = (int) Math.floor(Math.log(bytes) / Math.log(1024));
        double s = Math.round(bytes / Math.pow(1024, i) * 100) / 100.0;
        return Double.toString(s) + " " + names[i];
    }
}

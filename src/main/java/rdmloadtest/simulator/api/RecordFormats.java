package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Reply;

/**
 * The serializations GET /api/records/{id} negotiates, as v13 and v14 offer them (the order of their 406 message):
 * JSON (default), the UI's JSON, schema.org JSON-LD, DataCite JSON and XML, Dublin Core, MARCXML, CSL JSON, a
 * formatted citation (text/x-bibliography with style and locale), BibTeX, DCAT, GeoJSON, CSV, the signposting
 * linkset and the Data Package. Built from the record's API JSON; their shapes follow what the real instance
 * answered for the same record (invenio-local, 2026-12-05), their sizes within a few tens of percent.
 */
public final class RecordFormats {
    static final String JSON_TYPE = "application/json";
    static final String UI_JSON = "application/vnd.inveniordm.v1+json";
    static final String DATAPACKAGE =
            "application/ld+json;profile=\"https://datapackage.org/profiles/2.0/datapackage.json\"";

    /** Every type, in the order the real 406 message lists them. */
    static final List<String> TYPES = List.of(
            JSON_TYPE,
            "application/ld+json",
            "application/vnd.inveniordm.v1.full+csv",
            "application/vnd.inveniordm.v1.simple+csv",
            "application/marcxml+xml",
            UI_JSON,
            "application/vnd.citationstyles.csl+json",
            "application/vnd.datacite.datacite+json",
            "application/vnd.geo+json",
            "application/vnd.datacite.datacite+xml",
            DATAPACKAGE,
            "application/x-dc+xml",
            "text/x-bibliography",
            "application/x-bibtex",
            "application/dcat+xml",
            "application/linkset+json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordFormats() {}

    /**
     * The type an Accept header asks for: the first acceptable range of the highest quality; none or a wildcard:
     * JSON.
     *
     * @throws ApiError 406 naming every type, as flask-resources answers
     */
    static String negotiate(Optional<String> accept) {
        if (accept.isEmpty() || accept.get().isBlank()) return JSON_TYPE;
        List<String[]> ranges = new ArrayList<>();
        for (String part : accept.get().split(",")) {
            String range = part.trim();
            double q = 1;
            StringBuilder params = new StringBuilder();
            String[] pieces = range.split(";");
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                } else params.append(';').append(p.replace(" ", ""));
            }
            if (q > 0) ranges.add(new String[] {pieces[0].trim().toLowerCase(Locale.ROOT) + params, String.valueOf(q)});
        }
        ranges.sort((a, b) -> Double.compare(Double.parseDouble(b[1]), Double.parseDouble(a[1])));
        for (String[] r : ranges) {
            String type = r[0];
            if (type.equals("*/*") || type.equals("application/*")) return JSON_TYPE;
            for (String offered : TYPES) if (offered.replace(" ", "").equals(type)) return offered;
        }
        throw new ApiError(406, "Invalid 'Accept' header. Expected one of: " + String.join(", ", TYPES));
    }

    /**
     * Styles the landing page's citation box offers that the real v13 answers 400 "Citation string style not found."
     * for (its CSL styles package lacks them; measured 2026-12-05).
     */
    static final Set<String> MISSING_STYLES = Set.of("vancouver", "chicago-fullnote-bibliography");

    /** The record in {@code type}; {@code json} is its API JSON, {@code style}/{@code locale} for citations. */
    static Reply serialize(String type, ObjectNode json, String site, String style, String locale) {
        Rec r = new Rec(json, site);
        return switch (type) {
            case "application/ld+json" -> json(type, r.schemaOrg());
            case "application/vnd.citationstyles.csl+json" -> json(type, r.csl());
            case "application/vnd.datacite.datacite+json" -> json(type, r.dataciteJson());
            case "application/vnd.datacite.datacite+xml" -> text(type, r.dataciteXml());
            case "application/x-dc+xml" -> text(type, r.dublinCore());
            case "application/marcxml+xml" -> text(type, r.marcXml());
            case "application/x-bibtex" -> text(type, r.bibtex());
            case "application/dcat+xml" -> text(type, r.dcat());
            case "text/x-bibliography" -> {
                if (style != null && MISSING_STYLES.contains(style))
                    throw new ApiError(400, "Citation string style not found.");
                yield text("text/plain", r.citation(style, locale));
            }
            case "application/vnd.geo+json" ->
                json(
                        type,
                        JSON.createObjectNode()
                                .put("type", "FeatureCollection")
                                .set("features", JSON.createArrayNode()));
            case "application/vnd.inveniordm.v1.full+csv", "application/vnd.inveniordm.v1.simple+csv" ->
                text(type, r.csv(type.contains("full")));
            case "application/linkset+json" -> json(type, r.linkset());
            case DATAPACKAGE -> json("application/ld+json", r.datapackage());
            case UI_JSON -> json(type, r.uiJson());
            default -> Reply.json(200, json);
        };
    }

    /** The UI serialization (application/vnd.inveniordm.v1+json) of a record's API JSON. */
    static ObjectNode ui(ObjectNode json, String site) {
        return (ObjectNode) new Rec(json, site).uiJson();
    }

    /** schema.org JSON-LD of a record, as the landing page embeds it. */
    static JsonNode schemaOrg(ObjectNode json, String site) {
        return new Rec(json, site).schemaOrg();
    }

    /** Citation File Format (application/x-yaml), the landing page's "cff" export. */
    static String cff(ObjectNode json, String site) {
        return new Rec(json, site).cff();
    }

    /**
     * A search answer in the media type the caller asks for: the search app's application/vnd.inveniordm.v1+json gets
     * each hit with its "ui" block (v13 and v14 answer 200 in that type); anything else the JSON as before.
     */
    static Reply search(Optional<String> accept, ObjectNode body, String site) {
        if (accept.isEmpty() || !accept.get().contains(UI_JSON)) return Reply.json(200, body);
        body.remove("page"); // as the real UI serialization: no "page" key
        ArrayNode hits = (ArrayNode) body.path("hits").path("hits");
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i) instanceof ObjectNode hit) hits.set(i, ui(hit, site));
        }
        return json(UI_JSON, body);
    }

    private static Reply json(String type, JsonNode body) {
        try {
            return Reply.bytes(200, type, JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply text(String type, String body) {
        return Reply.bytes(200, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** One record's fields as the serializers need them. */
    private record Rec(ObjectNode json, String site) {
        JsonNode md() {
            return json.path("metadata");
        }

        String id() {
            return json.path("id").asText();
        }

        String title() {
            return md().path("title").asText();
        }

        String date() {
            return md().path("publication_date").asText();
        }

        String year() {
            return date().length() >= 4 ? date().substring(0, 4) : date();
        }

        String publisher() {
            return md().path("publisher").asText("InvenioRDM");
        }

        String version() {
            return md().path("version").asText("");
        }

        String description() {
            return md().path("description").asText("").replaceAll("<[^>]+>", "");
        }

        String typeId() {
            return md().at("/resource_type/id").asText("other");
        }

        String typeTitle() {
            return md().at("/resource_type/title/en").asText(typeId());
        }

        String generalType() {
            String t = typeId().split("-")[0];
            return switch (t) {
                case "dataset" -> "Dataset";
                case "software" -> "Software";
                case "image" -> "Image";
                case "video" -> "Audiovisual";
                case "publication" -> "Text";
                case "poster", "presentation" -> "Text";
                default -> "Other";
            };
        }

        String html() {
            return site + "/records/" + id();
        }

        String api() {
            return site + "/api/records/" + id();
        }

        List<JsonNode> people(String field) {
            List<JsonNode> out = new ArrayList<>();
            md().path(field).forEach(out::add);
            return out;
        }

        static String name(JsonNode c) {
            return c.at("/person_or_org/name").asText();
        }

        static String family(JsonNode c) {
            return c.at("/person_or_org/family_name").asText(name(c));
        }

        static String given(JsonNode c) {
            return c.at("/person_or_org/given_name").asText("");
        }

        static String initials(JsonNode c) {
            StringBuilder b = new StringBuilder();
            for (String g : given(c).split("[ -]+"))
                if (!g.isEmpty()) b.append(g.charAt(0)).append(". ");
            return b.toString().trim();
        }

        static List<String> affiliations(JsonNode c) {
            List<String> out = new ArrayList<>();
            c.path("affiliations").forEach(a -> out.add(a.path("name").asText()));
            return out;
        }

        List<String> subjects() {
            List<String> out = new ArrayList<>();
            md().path("subjects").forEach(s -> out.add(s.path("subject").asText()));
            return out;
        }

        ObjectNode person(JsonNode c) {
            ObjectNode p = JSON.createObjectNode().put("@type", "Person");
            ArrayNode aff = p.putArray("affiliation");
            for (String a : affiliations(c))
                aff.addObject().put("@type", "Organization").put("name", a);
            return p.put("familyName", family(c)).put("givenName", given(c)).put("name", name(c));
        }

        JsonNode schemaOrg() {
            ObjectNode o = JSON.createObjectNode()
                    .put("@context", "http://schema.org")
                    .put(
                            "@type",
                            "https://schema.org/" + (generalType().equals("Dataset") ? "Dataset" : "CreativeWork"));
            o.put("identifier", api()).put("name", title());
            ArrayNode creators = o.putArray("creator");
            people("creators").forEach(c -> creators.add(person(c)));
            o.set("author", creators.deepCopy());
            ArrayNode editors = o.putArray("editor");
            people("contributors").forEach(c -> editors.add(person(c)));
            o.put("datePublished", date())
                    .put("dateCreated", json.path("created").asText())
                    .put("dateModified", json.path("updated").asText())
                    .put("description", description())
                    .put("keywords", String.join(", ", subjects()))
                    .put("url", html())
                    .put("version", version());
            o.putObject("publisher").put("@type", "Organization").put("name", publisher());
            return o;
        }

        JsonNode csl() {
            ObjectNode o = JSON.createObjectNode()
                    .put("id", id())
                    .put("type", typeId().startsWith("dataset") ? "dataset" : "article")
                    .put("title", title())
                    .put("abstract", description());
            ArrayNode authors = o.putArray("author");
            people("creators")
                    .forEach(c -> authors.addObject().put("family", family(c)).put("given", given(c)));
            ArrayNode parts = o.putObject("issued").putArray("date-parts").addArray();
            for (String p : date().split("-")) parts.add(p);
            return o.put("version", version()).put("publisher", publisher());
        }

        JsonNode dataciteJson() {
            ObjectNode o = JSON.createObjectNode();
            o.putObject("types").put("resourceTypeGeneral", generalType()).put("resourceType", "");
            o.putArray("titles").addObject().put("title", title());
            ArrayNode creators = o.putArray("creators");
            people("creators").forEach(c -> creators.add(datacitePerson(c)));
            ArrayNode contributors = o.putArray("contributors");
            people("contributors")
                    .forEach(c -> contributors.add(datacitePerson(c).put("contributorType", "Other")));
            o.put("publisher", publisher()).put("publicationYear", year());
            ArrayNode subjects = o.putArray("subjects");
            subjects().forEach(s -> subjects.addObject().put("subject", s));
            o.putArray("dates").addObject().put("date", date()).put("dateType", "Issued");
            o.putArray("identifiers").addObject().put("identifier", html()).put("identifierType", "URL");
            o.putArray("descriptions")
                    .addObject()
                    .put("description", description())
                    .put("descriptionType", "Abstract");
            return o.put("version", version()).put("schemaVersion", "http://datacite.org/schema/kernel-4");
        }

        static ObjectNode datacitePerson(JsonNode c) {
            ObjectNode p = JSON.createObjectNode()
                    .put("name", name(c))
                    .put("nameType", "Personal")
                    .put("givenName", given(c))
                    .put("familyName", family(c));
            p.putArray("nameIdentifiers");
            ArrayNode aff = p.putArray("affiliation");
            affiliations(c).forEach(a -> aff.addObject().put("name", a));
            return p;
        }

        String dataciteXml() {
            StringBuilder b = new StringBuilder(XML_HEAD)
                    .append("<resource xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                            + " xmlns=\"http://datacite.org/schema/kernel-4\" xsi:schemaLocation=\"http://datacite.org/schema/kernel-4"
                            + " http://schema.datacite.org/meta/kernel-4.5/metadata.xsd\">\n")
                    .append("  <identifier identifierType=\"URL\">")
                    .append(x(html()))
                    .append("</identifier>\n  <creators>\n");
            for (JsonNode c : people("creators")) {
                b.append("    <creator>\n      <creatorName nameType=\"Personal\">")
                        .append(x(name(c)))
                        .append("</creatorName>\n      <givenName>")
                        .append(x(given(c)))
                        .append("</givenName>\n      <familyName>")
                        .append(x(family(c)))
                        .append("</familyName>\n");
                for (String a : affiliations(c))
                    b.append("      <affiliation>").append(x(a)).append("</affiliation>\n");
                b.append("    </creator>\n");
            }
            b.append("  </creators>\n  <titles>\n    <title>")
                    .append(x(title()))
                    .append("</title>\n  </titles>\n  <publisher>")
                    .append(x(publisher()))
                    .append("</publisher>\n  <publicationYear>")
                    .append(year())
                    .append("</publicationYear>\n  <subjects>\n");
            for (String s : subjects()) b.append("    <subject>").append(x(s)).append("</subject>\n");
            b.append("  </subjects>\n  <dates>\n    <date dateType=\"Issued\">")
                    .append(date())
                    .append("</date>\n  </dates>\n  <resourceType resourceTypeGeneral=\"")
                    .append(generalType())
                    .append("\"/>\n  <version>")
                    .append(x(version()))
                    .append("</version>\n  <descriptions>\n    <description descriptionType=\"Abstract\">")
                    .append(x(description()))
                    .append("</description>\n  </descriptions>\n</resource>\n");
            return b.toString();
        }

        String dublinCore() {
            StringBuilder b = new StringBuilder(XML_HEAD)
                    .append("<oai_dc:dc xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                            + " xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                            + " xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/"
                            + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n");
            for (JsonNode c : people("contributors")) dc(b, "contributor", name(c));
            for (JsonNode c : people("creators")) dc(b, "creator", name(c));
            dc(b, "date", date());
            dc(b, "description", description());
            dc(b, "identifier", html());
            dc(b, "publisher", publisher());
            for (String s : subjects()) dc(b, "subject", s);
            dc(b, "title", title());
            dc(b, "type", typeTitle());
            return b.append("</oai_dc:dc>\n").toString();
        }

        private static void dc(StringBuilder b, String element, String value) {
            b.append("  <dc:")
                    .append(element)
                    .append('>')
                    .append(x(value))
                    .append("</dc:")
                    .append(element)
                    .append(">\n");
        }

        String marcXml() {
            StringBuilder b = new StringBuilder(XML_HEAD)
                    .append("<record xmlns=\"http://www.loc.gov/MARC21/slim\">\n")
                    .append("  <leader>00000nmm##2200000uu#4500</leader>\n")
                    .append("  <controlfield tag=\"001\">")
                    .append(x(id()))
                    .append("</controlfield>\n");
            for (JsonNode c : people("contributors")) marc(b, "700", name(c), affiliations(c));
            List<JsonNode> creators = people("creators");
            for (int i = 0; i < creators.size(); i++)
                marc(b, i == 0 ? "100" : "700", name(creators.get(i)), affiliations(creators.get(i)));
            marc(b, "245", title(), List.of());
            marc(b, "260", publisher() + " " + date(), List.of());
            marc(b, "520", description(), List.of());
            for (String s : subjects()) marc(b, "653", s, List.of());
            marc(b, "856", html(), List.of());
            return b.append("</record>\n").toString();
        }

        private static void marc(StringBuilder b, String tag, String a, List<String> u) {
            b.append("  <datafield tag=\"").append(tag).append("\" ind1=\" \" ind2=\" \">\n");
            b.append("    <subfield code=\"a\">").append(x(a)).append("</subfield>\n");
            for (String aff : u)
                b.append("    <subfield code=\"u\">").append(x(aff)).append("</subfield>\n");
            b.append("  </datafield>\n");
        }

        String bibtex() {
            List<JsonNode> creators = people("creators");
            String first =
                    creators.isEmpty() ? "unknown" : family(creators.get(0)).toLowerCase(Locale.ROOT);
            StringBuilder b = new StringBuilder("@")
                    .append(typeId().startsWith("dataset") ? "dataset" : "misc")
                    .append('{')
                    .append(first.replaceAll("[^a-z0-9]", ""))
                    .append('_')
                    .append(year())
                    .append('_')
                    .append(id())
                    .append(",\n  author       = {");
            for (int i = 0; i < creators.size(); i++)
                b.append(i == 0 ? "" : " and\n                  ").append(name(creators.get(i)));
            return b.append("},\n  title        = {")
                    .append(title())
                    .append("},\n  year         = ")
                    .append(year())
                    .append(",\n  publisher    = {")
                    .append(publisher())
                    .append("},\n  version      = {")
                    .append(version())
                    .append("},\n}")
                    .toString();
        }

        String dcat() {
            StringBuilder b = new StringBuilder(XML_HEAD)
                    .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                            + " xmlns:dcat=\"http://www.w3.org/ns/dcat#\" xmlns:dct=\"http://purl.org/dc/terms/\""
                            + " xmlns:foaf=\"http://xmlns.com/foaf/0.1/\">\n")
                    .append("  <rdf:Description rdf:about=\"")
                    .append(x(html()))
                    .append("\">\n    <rdf:type rdf:resource=\"http://www.w3.org/ns/dcat#Dataset\"/>\n")
                    .append("    <dct:title>")
                    .append(x(title()))
                    .append("</dct:title>\n    <dct:description>")
                    .append(x(description()))
                    .append("</dct:description>\n    <dct:issued>")
                    .append(date())
                    .append("</dct:issued>\n");
            for (JsonNode c : people("creators"))
                b.append("    <dct:creator>\n      <rdf:Description>\n        <rdf:type"
                                + " rdf:resource=\"http://xmlns.com/foaf/0.1/Person\"/>\n        <foaf:name>")
                        .append(x(name(c)))
                        .append("</foaf:name>\n        <foaf:givenName>")
                        .append(x(given(c)))
                        .append("</foaf:givenName>\n        <foaf:familyName>")
                        .append(x(family(c)))
                        .append("</foaf:familyName>\n      </rdf:Description>\n    </dct:creator>\n");
            for (String s : subjects())
                b.append("    <dcat:keyword>").append(x(s)).append("</dcat:keyword>\n");
            b.append("    <dct:publisher>\n      <rdf:Description>\n        <foaf:name>")
                    .append(x(publisher()))
                    .append("</foaf:name>\n      </rdf:Description>\n    </dct:publisher>\n")
                    .append("    <dcat:landingPage rdf:resource=\"")
                    .append(x(html()))
                    .append("\"/>\n  </rdf:Description>\n</rdf:RDF>\n");
            return b.toString();
        }

        /** APA names every author; the default (Harvard, Cite Them Right) the first, "et al." from four on. */
        String citation(String style, String locale) {
            List<JsonNode> creators = people("creators");
            if ("apa".equals(style)) {
                List<String> names = new ArrayList<>();
                for (JsonNode c : creators) names.add(family(c) + ", " + initials(c));
                String authors = names.size() <= 1
                        ? String.join("", names)
                        : String.join(", ", names.subList(0, names.size() - 1)) + ", & " + names.get(names.size() - 1);
                return authors + " (" + year() + "). " + title()
                        + (version().isEmpty() ? "" : " (Version " + version() + ")") + " [" + typeTitle() + "]. "
                        + publisher() + ".";
            }
            String first = creators.isEmpty() ? "" : family(creators.get(0)) + ", " + initials(creators.get(0));
            String authors = creators.size() > 3 ? first + " et al." : first;
            return authors + " (" + year() + ") \u201c" + title() + "\u201d. " + publisher() + ".";
        }

        String csv(boolean full) {
            List<String> header = new ArrayList<>(List.of("id", "title", "publication_date", "creators", "publisher"));
            List<String> row = new ArrayList<>(List.of(id(), title(), date(), names(), publisher()));
            if (full) {
                header.addAll(List.of("description", "subjects", "version", "resource_type", "url"));
                row.addAll(List.of(description(), String.join("; ", subjects()), version(), typeId(), html()));
            }
            return String.join(",", header) + "\r\n"
                    + String.join(",", row.stream().map(Rec::csvCell).toList()) + "\r\n";
        }

        private String names() {
            List<String> out = new ArrayList<>();
            people("creators").forEach(c -> out.add(name(c)));
            return String.join("; ", out);
        }

        private static String csvCell(String v) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }

        JsonNode linkset() {
            ObjectNode o = JSON.createObjectNode();
            ObjectNode link = o.putArray("linkset").addObject().put("anchor", html());
            link.putArray("item").addObject().put("href", api() + "/files").put("type", "application/json");
            ArrayNode describedby = link.putArray("describedby");
            for (String t : List.of(
                    "application/dcat+xml",
                    "application/ld+json",
                    "application/marcxml+xml",
                    "application/vnd.citationstyles.csl+json",
                    "application/vnd.datacite.datacite+json",
                    "application/vnd.datacite.datacite+xml",
                    "application/x-bibtex",
                    "application/x-dc+xml"))
                describedby.addObject().put("href", api()).put("type", t);
            link.putArray("type").addObject().put("href", "https://schema.org/" + generalType());
            return o;
        }

        JsonNode datapackage() {
            ObjectNode o = JSON.createObjectNode()
                    .put("$schema", "https://datapackage.org/profiles/2.0/datapackage.json")
                    .put("id", html())
                    .put("name", id())
                    .put("title", title())
                    .put("description", description())
                    .put("version", version())
                    .put("created", json.path("created").asText());
            ArrayNode contributors = o.putArray("contributors");
            people("creators")
                    .forEach(c -> contributors
                            .addObject()
                            .put("title", name(c))
                            .put("givenName", given(c))
                            .put("familyName", family(c))
                            .putArray("roles")
                            .add("creator"));
            ArrayNode keywords = o.putArray("keywords");
            subjects().forEach(keywords::add);
            o.putArray("resources");
            return o;
        }

        /** CFF 1.2.0 as invenio-rdm-records' CFFSerializer writes it (YAML). */
        String cff() {
            StringBuilder b =
                    new StringBuilder("abstract: ").append(yaml(description())).append("\nauthors:\n");
            for (JsonNode c : people("creators")) {
                List<String> affs = affiliations(c);
                if (!affs.isEmpty())
                    b.append("- affiliation: ")
                            .append(yaml(String.join("; ", affs)))
                            .append("\n  ");
                else b.append("- ");
                b.append("family-names: ")
                        .append(yaml(family(c)))
                        .append("\n  given-names: ")
                        .append(yaml(given(c)));
                for (JsonNode id : c.at("/person_or_org/identifiers"))
                    if (id.path("scheme").asText().equals("orcid"))
                        b.append("\n  orcid: ")
                                .append(yaml("https://orcid.org/"
                                        + id.path("identifier").asText()));
                b.append("\n");
            }
            b.append("cff-version: 1.2.0\ndate-released: '").append(date()).append("'\n");
            b.append("identifiers:\n- type: url\n  value: ")
                    .append(yaml(html()))
                    .append("\n");
            List<String> subjects = subjects();
            if (!subjects.isEmpty()) {
                b.append("keywords:\n");
                for (String s : subjects) b.append("- ").append(yaml(s)).append("\n");
            }
            b.append("message: If you use this software, please cite it as below.\n");
            b.append("repository-code: ").append(yaml(html())).append("\n");
            b.append("title: ")
                    .append(yaml(title()))
                    .append("\ntype: ")
                    .append(typeId().startsWith("software") ? "software" : "dataset")
                    .append("\n");
            if (!version().isEmpty())
                b.append("version: ").append(yaml(version())).append("\n");
            return b.toString();
        }

        private static String yaml(String s) {
            return "'" + s.replace("'", "''") + "'";
        }

        /** The API JSON plus the "ui" block the landing page and the search app read. */
        JsonNode uiJson() {
            ObjectNode o = json.deepCopy();
            ObjectNode ui = o.putObject("ui");
            ui.put("publication_date_l10n_medium", date())
                    .put("publication_date_l10n_long", date())
                    .put("created_date_l10n_long", json.path("created").asText())
                    .put("updated_date_l10n_long", json.path("updated").asText())
                    .put("version", version())
                    .put("description_stripped", description())
                    .put("is_draft", false);
            ui.putObject("resource_type").put("id", typeId()).put("title_l10n", typeTitle());
            ui.putObject("access_status")
                    .put("id", json.at("/access/status").asText("open"))
                    .put("title_l10n", json.at("/access/status").asText("open"))
                    .put("icon", "unlock");
            ObjectNode creators = ui.putObject("creators");
            ArrayNode list = creators.putArray("creators");
            people("creators").forEach(c -> list.add(c.deepCopy()));
            ArrayNode affs = creators.putArray("affiliations");
            int i = 1;
            for (JsonNode c : people("creators"))
                for (String a : affiliations(c)) affs.addArray().add(i++).add(a).add(JSON.nullNode());
            ObjectNode contributors = ui.putObject("contributors");
            ArrayNode clist = contributors.putArray("contributors");
            people("contributors").forEach(c -> clist.add(c.deepCopy()));
            ArrayNode subjects = ui.putArray("subjects");
            md().path("subjects").forEach(s -> subjects.add(s.deepCopy()));
            return o;
        }
    }

    private static final String XML_HEAD = "<?xml version='1.0' encoding='utf-8'?>\n";

    private static String x(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

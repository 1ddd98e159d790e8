package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
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

    /** The types v13 answers without an ETag (every other one carries the record's revision). */
    static final Set<String> WITHOUT_ETAG = Set.of(
            "application/ld+json",
            "application/vnd.inveniordm.v1.full+csv",
            "application/vnd.inveniordm.v1.simple+csv",
            "application/linkset+json",
            DATAPACKAGE);

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

    /**
     * The record in {@code type} as InvenioRDM {@code version} serializes it; {@code json} is its API JSON,
     * {@code style}/{@code locale} for citations.
     */
    static Reply serialize(String type, ObjectNode json, String site, String style, String locale, String version) {
        Rec r = new Rec(json, site);
        return switch (type) {
            case "application/ld+json" -> json(type, r.schemaOrg(false));
            case "application/vnd.citationstyles.csl+json" -> json(type, r.csl());
            case "application/vnd.datacite.datacite+json" ->
                json(type, dataciteOf((ObjectNode) r.dataciteJson(), version));
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

    /**
     * DataCite JSON of v14 (DataCite kernel 4.5, measured on the real v14): the publisher an object with its name, the
     * record's URL and OAI id as alternateIdentifiers; v13 keeps kernel 4.3's string and identifiers.
     */
    private static ObjectNode dataciteOf(ObjectNode v13, String version) {
        if (!"14".equals(version)) return v13;
        JsonNode publisher = v13.path("publisher");
        if (publisher.isTextual()) v13.putObject("publisher").put("name", publisher.asText());
        JsonNode ids = v13.remove("identifiers");
        if (ids != null) {
            ArrayNode alternate = v13.putArray("alternateIdentifiers");
            for (JsonNode id : ids)
                alternate
                        .addObject()
                        .put("alternateIdentifier", id.path("identifier").asText())
                        .put(
                                "alternateIdentifierType",
                                id.path("identifierType").asText());
        }
        return v13;
    }

    /** The UI serialization (application/vnd.inveniordm.v1+json) of a record's API JSON. */
    static ObjectNode ui(ObjectNode json, String site) {
        return (ObjectNode) new Rec(json, site).uiJson();
    }

    /** schema.org JSON-LD of a record, as the landing page embeds it. */
    static JsonNode schemaOrg(ObjectNode json, String site) {
        return new Rec(json, site).schemaOrg(false);
    }

    /**
     * CodeMeta JSON-LD (the landing page's "codemeta" export), or empty for a record under an active embargo: v13's
     * CodemetaSchema then hands the access.embargo dict to edtf's parser and answers 500 (an upstream bug).
     */
    static Optional<Reply> codemeta(ObjectNode json, String site) {
        if (json.at("/access/embargo/active").asBoolean(false)) return Optional.empty();
        return Optional.of(json("application/ld+json", new Rec(json, site).schemaOrg(true)));
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

        String prop(String name, String fallback) {
            String[] p = PROPS.get(typeId());
            int i = PROP_NAMES.indexOf(name);
            return p == null || p[i].isEmpty() ? fallback : p[i];
        }

        String orcid(JsonNode c) {
            for (JsonNode id : c.at("/person_or_org/identifiers"))
                if (id.path("scheme").asText().equals("orcid"))
                    return id.path("identifier").asText();
            return null;
        }

        /** schema.org's Person or Organization (PersonOrOrgSchema): affiliation and @id only when there are some. */
        ObjectNode person(JsonNode c) {
            ObjectNode p = JSON.createObjectNode().put("name", name(c));
            if (c.at("/person_or_org/given_name").isTextual()) p.put("givenName", given(c));
            if (c.at("/person_or_org/family_name").isTextual()) p.put("familyName", family(c));
            List<String> affs = affiliations(c);
            if (!affs.isEmpty()) {
                ArrayNode aff = p.putArray("affiliation");
                for (String a : affs)
                    aff.addObject().put("@type", "Organization").put("name", a);
            }
            if (orcid(c) != null) p.put("@id", "https://orcid.org/" + orcid(c));
            return p.put(
                    "@type", c.at("/person_or_org/type").asText().equals("organizational") ? "Organization" : "Person");
        }

        long totalBytes() {
            return json.at("/files/total_bytes").asLong(0);
        }

        /**
         * schema.org JSON-LD as SchemaorgSchema (v13) writes it: a field without a value is left out; contentSize,
         * size and (for a Dataset) distribution come from the record's files. Codemeta is the same schema with its
         * own @context, no identifier but a DOI, and funding as one string.
         */
        JsonNode schemaOrg(boolean codemeta) {
            String type = prop("schema.org", "https://schema.org/CreativeWork");
            ObjectNode o = JSON.createObjectNode()
                    .put("@context", codemeta ? "https://doi.org/10.5063/schema/codemeta-2.0" : "http://schema.org")
                    .put("@type", type);
            if (!codemeta) o.put("identifier", api());
            o.put("name", title());
            ArrayNode creators = o.putArray("creator");
            people("creators").forEach(c -> creators.add(person(c)));
            o.set("author", creators.deepCopy());
            if (!people("contributors").isEmpty()) {
                ArrayNode editors = o.putArray("editor");
                people("contributors").forEach(c -> editors.add(person(c)));
            }
            o.putObject("publisher").put("@type", "Organization").put("name", publisher());
            if (!subjects().isEmpty()) o.put("keywords", String.join(", ", subjects()));
            o.put("dateCreated", json.path("created").asText())
                    .put("dateModified", json.path("updated").asText())
                    .put("datePublished", date().split("/")[0]);
            if (!md().path("dates").isEmpty()) {
                ArrayNode temporal = o.putArray("temporal");
                md().path("dates").forEach(d -> temporal.add(d.path("date").asText()));
            }
            String lang = md().at("/languages/0/id").asText("");
            if (LANGUAGES.containsKey(lang))
                o.putObject("inLanguage")
                        .put("alternateName", lang)
                        .put("@type", "Language")
                        .put("name", LANGUAGES.get(lang));
            if (totalBytes() > 0)
                o.put("contentSize", convertSize(totalBytes())).put("size", convertSize(totalBytes()));
            if (!version().isEmpty()) o.put("version", version());
            String license = licenseUrl();
            if (license != null) o.put("license", license);
            if (!rawDescription().isEmpty()) o.put("description", rawDescription());
            JsonNode funding = md().path("funding");
            if (!funding.isEmpty()) {
                if (codemeta) {
                    for (JsonNode f : funding) {
                        String t = f.at("/award/title/en").asText("");
                        String n = f.at("/award/number").asText("");
                        if (!t.isEmpty() && !n.isEmpty()) {
                            o.put("funding", t + " (" + n + ")");
                            break;
                        }
                    }
                } else {
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
                        if (!t.isEmpty() || !n.isEmpty())
                            g.put("name", !t.isEmpty() && !n.isEmpty() ? t + " (" + n + ")" : t + n);
                        if (f.at("/award/id").isTextual())
                            g.put("identifier", f.at("/award/id").asText());
                    }
                }
            }
            related(o, "isPartOf", Set.of("ispartof"));
            related(o, "hasPart", Set.of("haspart"));
            related(o, "sameAs", Set.of("isidenticalto"));
            related(o, "citation", Set.of("cites", "references"));
            o.put("url", html());
            if (type.equals("https://schema.org/Dataset")) {
                for (JsonNode d : md().path("additional_descriptions"))
                    if (d.at("/type/id").asText().equals("methods")) {
                        o.put("measurementTechnique", d.path("description").asText());
                        break;
                    }
                ArrayNode distribution = JSON.createArrayNode();
                json.at("/files/entries").properties().forEach(e -> {
                    ObjectNode d = distribution
                            .addObject()
                            .put("@type", "DataDownload")
                            .put("contentUrl", api() + "/files/" + e.getKey() + "/content");
                    if (e.getValue().path("mimetype").isTextual())
                        d.put("encodingFormat", e.getValue().path("mimetype").asText());
                });
                if (!distribution.isEmpty()) o.set("distribution", distribution);
            }
            if (type.equals("https://schema.org/VideoObject"))
                o.put("uploadDate", json.path("created").asText());
            return o;
        }

        /** Related identifiers of the given relations as schema.org CreativeWorks (those with a URL: DOI, URL). */
        private void related(ObjectNode o, String field, Set<String> relations) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode r : md().path("related_identifiers")) {
                if (!relations.contains(r.at("/relation_type/id").asText())) continue;
                String scheme = r.path("scheme").asText();
                String id = r.path("identifier").asText();
                String url = scheme.equals("doi") ? "https://doi.org/" + id : scheme.equals("url") ? id : null;
                if (url == null) continue;
                if (field.equals("sameAs")) {
                    out.add(url);
                    continue;
                }
                String[] p = PROPS.get(r.at("/resource_type/id").asText());
                String t = p == null || p[PROP_NAMES.indexOf("schema.org")].isEmpty()
                        ? "CreativeWork"
                        : p[PROP_NAMES.indexOf("schema.org")].substring(19);
                out.addObject().put("@type", t).put("@id", url);
            }
            if (!out.isEmpty()) o.set(field, out);
        }

        String rawDescription() {
            return md().path("description").asText("");
        }

        /** The first right's SPDX URL (Creative Commons: its legal code), as commonmeta's dict_to_spdx. */
        String licenseUrl() {
            JsonNode right = md().at("/rights/0");
            if (right.isMissingNode()) return null;
            String id = right.path("id").asText("");
            if (id.startsWith("cc-")) return ccUrl(id) + "legalcode";
            return right.path("link").isTextual() ? right.path("link").asText() : null;
        }

        /** https://creativecommons.org/licenses/by-nc-sa/4.0/ for cc-by-nc-sa-4.0. */
        static String ccUrl(String id) {
            int v = id.lastIndexOf('-');
            return "https://creativecommons.org/licenses/" + id.substring(3, v) + "/" + id.substring(v + 1) + "/";
        }

        /** The Creative Commons licence's title in the licenses vocabulary. */
        static String ccTitle(String id) {
            int v = id.lastIndexOf('-');
            StringBuilder b = new StringBuilder("Creative Commons");
            for (String part : id.substring(3, v).split("-"))
                b.append(
                        switch (part) {
                            case "by" -> " Attribution";
                            case "nc" -> " Non Commercial";
                            case "sa" -> " Share Alike";
                            case "nd" -> " No Derivatives";
                            default -> " " + part;
                        });
            return b.append(' ')
                    .append(id.substring(v + 1))
                    .append(" International")
                    .toString();
        }

        /** CSL JSON (keys sorted, as the real writes them): abstract, language and version only when present. */
        JsonNode csl() {
            ObjectNode o = JSON.createObjectNode();
            if (!rawDescription().isEmpty()) o.put("abstract", description());
            ArrayNode authors = o.putArray("author");
            people("creators")
                    .forEach(c -> authors.addObject().put("family", family(c)).put("given", given(c)));
            o.put("id", id());
            ArrayNode parts = o.putObject("issued").putArray("date-parts").addArray();
            for (String p : date().split("/")[0].split("-")) parts.add(p);
            String lang = md().at("/languages/0/id").asText("");
            if (!lang.isEmpty()) o.put("language", lang);
            o.put("publisher", publisher()).put("title", title()).put("type", prop("csl", "article"));
            if (!version().isEmpty()) o.put("version", version());
            return o;
        }

        String oai() {
            return json.at("/pids/oai/identifier").asText("");
        }

        /** DataCite JSON (keys sorted): contributors, descriptions, language, rightsList, subjects, version when present. */
        JsonNode dataciteJson() {
            ObjectNode o = JSON.createObjectNode();
            if (!people("contributors").isEmpty()) {
                ArrayNode contributors = o.putArray("contributors");
                people("contributors")
                        .forEach(c -> contributors.add(datacitePerson(c).put("contributorType", contributorType(c))));
                contributors.forEach(c -> sortKeys((ObjectNode) c));
            }
            ArrayNode creators = o.putArray("creators");
            people("creators").forEach(c -> creators.add(sortKeys(datacitePerson(c))));
            ArrayNode dates = o.putArray("dates");
            dates.addObject().put("date", date()).put("dateType", "Issued");
            String updated = json.path("updated").asText("");
            if (updated.length() >= 10)
                dates.addObject().put("date", updated.substring(0, 10)).put("dateType", "Updated");
            for (JsonNode d : md().path("dates")) {
                String t = d.at("/type/id").asText("other");
                dates.addObject()
                        .put("date", d.path("date").asText())
                        .put("dateType", Character.toUpperCase(t.charAt(0)) + t.substring(1));
            }
            if (!rawDescription().isEmpty()
                    || !md().path("additional_descriptions").isEmpty()) {
                ArrayNode descriptions = o.putArray("descriptions");
                if (!rawDescription().isEmpty())
                    descriptions.addObject().put("description", description()).put("descriptionType", "Abstract");
                for (JsonNode d : md().path("additional_descriptions"))
                    descriptions
                            .addObject()
                            .put("description", d.path("description").asText().replaceAll("<[^>]+>", ""))
                            .put("descriptionType", d.at("/type/id").asText().equals("methods") ? "Methods" : "Other");
            }
            ArrayNode ids = o.putArray("identifiers");
            ids.addObject().put("identifier", html()).put("identifierType", "URL");
            if (!oai().isEmpty()) ids.addObject().put("identifier", oai()).put("identifierType", "oai");
            String lang = md().at("/languages/0/id").asText("");
            if (!lang.isEmpty()) o.put("language", lang);
            o.put("publicationYear", year()).put("publisher", publisher());
            if (!md().path("rights").isEmpty()) {
                ArrayNode rights = o.putArray("rightsList");
                for (JsonNode r : md().path("rights")) {
                    String id = r.path("id").asText("");
                    if (id.startsWith("cc-"))
                        rights.addObject()
                                .put("rights", ccTitle(id))
                                .put("rightsIdentifier", id)
                                .put("rightsIdentifierScheme", "spdx")
                                .put("rightsUri", ccUrl(id));
                    else rights.addObject().put("rights", r.at("/title/en").asText(id));
                }
            }
            o.put("schemaVersion", "http://datacite.org/schema/kernel-4");
            if (!subjects().isEmpty()) {
                ArrayNode subjects = o.putArray("subjects");
                subjects().forEach(s -> subjects.addObject().put("subject", s));
            }
            o.putArray("titles").addObject().put("title", title());
            o.putObject("types")
                    .put("resourceType", prop("datacite_type", ""))
                    .put("resourceTypeGeneral", prop("datacite_general", "Other"));
            if (!version().isEmpty()) o.put("version", version());
            return o;
        }

        /** DataCite's contributorType from the role id (projectleader → ProjectLeader). */
        static String contributorType(JsonNode c) {
            String role = c.at("/role/id").asText("other");
            for (String t : CONTRIBUTOR_TYPES) if (t.equalsIgnoreCase(role)) return t;
            return "Other";
        }

        ObjectNode datacitePerson(JsonNode c) {
            ObjectNode p = JSON.createObjectNode();
            List<String> affs = affiliations(c);
            if (!affs.isEmpty()) {
                ArrayNode aff = p.putArray("affiliation");
                affs.forEach(a -> aff.addObject().put("name", a));
            }
            if (c.at("/person_or_org/family_name").isTextual()) p.put("familyName", family(c));
            if (c.at("/person_or_org/given_name").isTextual()) p.put("givenName", given(c));
            p.put("name", name(c));
            ArrayNode ids = p.putArray("nameIdentifiers");
            if (orcid(c) != null)
                ids.addObject().put("nameIdentifier", orcid(c)).put("nameIdentifierScheme", "ORCID");
            return p.put(
                    "nameType",
                    c.at("/person_or_org/type").asText().equals("organizational") ? "Organizational" : "Personal");
        }

        /** DataCite XML (kernel 4.3) in v13's element order; an element without a value is left out. */
        String dataciteXml() {
            StringBuilder b = new StringBuilder(XML_HEAD)
                    .append("<resource xmlns=\"http://datacite.org/schema/kernel-4\""
                            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                            + " xsi:schemaLocation=\"http://datacite.org/schema/kernel-4"
                            + " http://schema.datacite.org/meta/kernel-4.3/metadata.xsd\">\n")
                    .append("  <alternateIdentifiers>\n    <alternateIdentifier alternateIdentifierType=\"URL\">")
                    .append(x(html()))
                    .append("</alternateIdentifier>\n");
            if (!oai().isEmpty())
                b.append("    <alternateIdentifier alternateIdentifierType=\"oai\">")
                        .append(x(oai()))
                        .append("</alternateIdentifier>\n");
            b.append("  </alternateIdentifiers>\n  <creators>\n");
            for (JsonNode c : people("creators")) dataciteXmlPerson(b, "creator", c, null);
            b.append("  </creators>\n  <titles>\n    <title>")
                    .append(x(title()))
                    .append("</title>\n  </titles>\n  <publisher>")
                    .append(x(publisher()))
                    .append("</publisher>\n  <publicationYear>")
                    .append(year())
                    .append("</publicationYear>\n");
            if (!subjects().isEmpty()) {
                b.append("  <subjects>\n");
                for (String s : subjects())
                    b.append("    <subject>").append(x(s)).append("</subject>\n");
                b.append("  </subjects>\n");
            }
            if (!people("contributors").isEmpty()) {
                b.append("  <contributors>\n");
                for (JsonNode c : people("contributors")) dataciteXmlPerson(b, "contributor", c, contributorType(c));
                b.append("  </contributors>\n");
            }
            b.append("  <dates>\n    <date dateType=\"Issued\">").append(date()).append("</date>\n");
            String updated = json.path("updated").asText("");
            if (updated.length() >= 10)
                b.append("    <date dateType=\"Updated\">")
                        .append(updated, 0, 10)
                        .append("</date>\n");
            b.append("  </dates>\n");
            String lang = md().at("/languages/0/id").asText("");
            if (!lang.isEmpty()) b.append("  <language>").append(x(lang)).append("</language>\n");
            b.append("  <resourceType resourceTypeGeneral=\"")
                    .append(prop("datacite_general", "Other"))
                    .append("\">")
                    .append(x(prop("datacite_type", "")))
                    .append("</resourceType>\n");
            if (!version().isEmpty())
                b.append("  <version>").append(x(version())).append("</version>\n");
            if (!md().path("rights").isEmpty()) {
                b.append("  <rightsList>\n");
                for (JsonNode r : md().path("rights")) {
                    String id = r.path("id").asText("");
                    if (id.startsWith("cc-"))
                        b.append("    <rights rightsURI=\"")
                                .append(ccUrl(id))
                                .append("\" rightsIdentifierScheme=\"spdx\" rightsIdentifier=\"")
                                .append(x(id))
                                .append("\">")
                                .append(x(ccTitle(id)))
                                .append("</rights>\n");
                    else
                        b.append("    <rights>")
                                .append(x(r.at("/title/en").asText(id)))
                                .append("</rights>\n");
                }
                b.append("  </rightsList>\n");
            }
            if (!rawDescription().isEmpty()
                    || !md().path("additional_descriptions").isEmpty()) {
                b.append("  <descriptions>\n");
                if (!rawDescription().isEmpty())
                    b.append("    <description descriptionType=\"Abstract\">")
                            .append(x(description()))
                            .append("</description>\n");
                for (JsonNode d : md().path("additional_descriptions"))
                    b.append("    <description descriptionType=\"")
                            .append(d.at("/type/id").asText().equals("methods") ? "Methods" : "Other")
                            .append("\">")
                            .append(x(d.path("description").asText().replaceAll("<[^>]+>", "")))
                            .append("</description>\n");
                b.append("  </descriptions>\n");
            }
            return b.append("</resource>\n").toString();
        }

        private void dataciteXmlPerson(StringBuilder b, String element, JsonNode c, String type) {
            b.append("    <").append(element);
            if (type != null) b.append(" contributorType=\"").append(type).append('"');
            b.append(">\n      <")
                    .append(element)
                    .append("Name nameType=\"")
                    .append(
                            c.at("/person_or_org/type").asText().equals("organizational")
                                    ? "Organizational"
                                    : "Personal")
                    .append("\">")
                    .append(x(name(c)))
                    .append("</")
                    .append(element)
                    .append("Name>\n");
            if (c.at("/person_or_org/given_name").isTextual())
                b.append("      <givenName>").append(x(given(c))).append("</givenName>\n");
            if (c.at("/person_or_org/family_name").isTextual())
                b.append("      <familyName>").append(x(family(c))).append("</familyName>\n");
            if (orcid(c) != null)
                b.append("      <nameIdentifier nameIdentifierScheme=\"ORCID\">")
                        .append(x(orcid(c)))
                        .append("</nameIdentifier>\n");
            for (String a : affiliations(c))
                b.append("      <affiliation>").append(x(a)).append("</affiliation>\n");
            b.append("    </").append(element).append(">\n");
        }

        /** The access right in the info:eu-repo vocabulary (open, embargoed, restricted, metadata-only). */
        String accessRight() {
            return "info:eu-repo/semantics/" + json.at("/access/status").asText("open") + "Access";
        }

        /** Dublin Core (oai_dc) as v13 writes it, elements sorted by name; empty ones left out. */
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
            if (!rawDescription().isEmpty()) dc(b, "description", description());
            for (JsonNode d : md().path("additional_descriptions"))
                dc(b, "description", d.path("description").asText().replaceAll("<[^>]+>", ""));
            dc(b, "identifier", oai().isEmpty() ? html() : oai());
            for (JsonNode l : md().path("languages"))
                dc(b, "language", l.path("id").asText());
            dc(b, "publisher", publisher());
            dc(b, "rights", accessRight());
            for (JsonNode r : md().path("rights")) {
                String id = r.path("id").asText("");
                if (!id.startsWith("cc-")) continue;
                dc(b, "rights", ccTitle(id));
                dc(b, "rights", ccUrl(id));
            }
            for (String s : subjects()) dc(b, "subject", s);
            dc(b, "title", title());
            dc(b, "type", prop("eurepo", "info:eu-repo/semantics/other"));
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

        /** MARC21 XML in v13's field order; a field without a value is left out. */
        String marcXml() {
            StringBuilder b = new StringBuilder(XML_HEAD)
                    .append("<record xmlns=\"http://www.loc.gov/MARC21/slim\">\n")
                    .append("  <leader>00000n")
                    .append(
                            generalType().equals("Dataset")
                                    ? "mm"
                                    : generalType().equals("Audiovisual") ? "gm" : "am")
                    .append("##2200000uu#4500</leader>\n  <controlfield tag=\"001\">")
                    .append(x(id()))
                    .append("</controlfield>\n");
            if (!oai().isEmpty()) marc(b, "909", "C", "O", List.of("o", oai()));
            for (JsonNode c : people("contributors")) marc(b, "700", " ", " ", marcPerson(c, true));
            marc(b, "245", " ", " ", List.of("a", title()));
            List<JsonNode> creators = people("creators");
            for (int i = 0; i < creators.size(); i++)
                marc(b, i == 0 ? "100" : "700", " ", " ", marcPerson(creators.get(i), false));
            marc(b, "540", " ", " ", List.of("a", accessRight()));
            for (JsonNode r : md().path("rights")) {
                String id = r.path("id").asText("");
                if (!id.startsWith("cc-")) continue;
                marc(b, "540", " ", " ", List.of("a", ccTitle(id), "u", ccUrl(id)));
                marc(b, "650", "1", "7", List.of("a", id, "2", "spdx"));
            }
            for (String s : subjects()) marc(b, "653", " ", " ", List.of("a", s));
            if (!rawDescription().isEmpty()) marc(b, "520", " ", " ", List.of("a", description()));
            for (JsonNode d : md().path("additional_descriptions"))
                marc(
                        b,
                        "500",
                        " ",
                        " ",
                        List.of("a", d.path("description").asText().replaceAll("<[^>]+>", "")));
            for (JsonNode l : md().path("languages"))
                marc(b, "041", " ", " ", List.of("a", l.path("id").asText()));
            marc(b, "260", " ", " ", List.of("b", publisher(), "c", date()));
            marc(b, "980", " ", " ", List.of("a", prop("eurepo", "info:eu-repo/semantics/other")));
            String[] type = typeId().split("-", 2);
            marc(b, "980", " ", " ", type.length == 2 ? List.of("a", type[0], "b", type[1]) : List.of("a", type[0]));
            String updated = json.path("updated").asText("");
            if (updated.length() >= 19)
                b.append("  <controlfield tag=\"005\">")
                        .append(updated.substring(0, 19).replaceAll("[-T:]", ""))
                        .append(".0</controlfield>\n");
            json.at("/files/entries")
                    .properties()
                    .forEach(e -> marc(
                            b,
                            "856",
                            "4",
                            " ",
                            List.of(
                                    "s",
                                    e.getValue().path("size").asText(),
                                    "z",
                                    e.getValue().path("checksum").asText(),
                                    "u",
                                    html() + "/files/" + e.getKey())));
            marc(b, "542", " ", " ", List.of("l", json.at("/access/status").asText("open")));
            return b.append("</record>\n").toString();
        }

        /** A MARC person's subfields: name, ORCID, affiliations and (contributors) a relator code. */
        private List<String> marcPerson(JsonNode c, boolean contributor) {
            List<String> out = new ArrayList<>(List.of("a", name(c)));
            if (orcid(c) != null) out.addAll(List.of("0", "(orcid)" + orcid(c)));
            for (String a : affiliations(c)) out.addAll(List.of("u", a));
            if (contributor)
                out.addAll(List.of("4", RELATORS.getOrDefault(c.at("/role/id").asText(), "oth")));
            return out;
        }

        /** A datafield; subfields as code, value pairs. */
        private static void marc(StringBuilder b, String tag, String ind1, String ind2, List<String> subfields) {
            b.append("  <datafield tag=\"")
                    .append(tag)
                    .append("\" ind1=\"")
                    .append(ind1)
                    .append("\" ind2=\"")
                    .append(ind2)
                    .append("\">\n");
            for (int i = 0; i < subfields.size(); i += 2)
                b.append("    <subfield code=\"")
                        .append(subfields.get(i))
                        .append("\">")
                        .append(x(subfields.get(i + 1)))
                        .append("</subfield>\n");
            b.append("  </datafield>\n");
        }

        /** BibTeX as v13 writes it: entry type by resource type, month when the date has one, version if any. */
        String bibtex() {
            List<JsonNode> creators = people("creators");
            String first = creators.isEmpty()
                    ? "unknown"
                    : java.text.Normalizer.normalize(family(creators.get(0)), java.text.Normalizer.Form.NFD)
                            .replaceAll("[^A-Za-z0-9]", "")
                            .toLowerCase(Locale.ROOT);
            String entry = switch (typeId()) {
                case "software" -> "software";
                case "dataset" -> "dataset";
                // the other formatters need fields the records lack (journal, booktitle, school): misc, as measured
                case "publication-book" -> "book";
                default -> "misc";
            };
            StringBuilder b = new StringBuilder("@")
                    .append(entry)
                    .append('{')
                    .append(first)
                    .append('_')
                    .append(year())
                    .append('_')
                    .append(id())
                    .append(",\n  author       = {");
            for (int i = 0; i < creators.size(); i++)
                b.append(i == 0 ? "" : " and\n                  ").append(name(creators.get(i)));
            b.append("},\n  title        = {").append(title()).append("},\n");
            String[] parts = date().split("/")[0].split("-");
            if (parts.length >= 2) {
                int m = Integer.parseInt(parts[1]);
                b.append("  month        = ")
                        .append(java.time.Month.of(m)
                                .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                                .toLowerCase(Locale.ROOT))
                        .append(",\n");
            }
            b.append("  year         = ").append(year()).append(",\n");
            b.append("  publisher    = {").append(publisher()).append("},\n");
            if (!version().isEmpty())
                b.append("  version      = {").append(version()).append("},\n");
            return b.append("}").toString();
        }

        /**
         * DCAT-AP as v13 writes it (its XSLT over the DataCite XML): creators and contributors with their
         * organisations, a project leader's prov:wasGeneratedBy, issued/modified dates, identifiers, version, the
         * descriptions, a licence distribution and one distribution per file; empty fields left out.
         */
        String dcat() {
            StringBuilder b = new StringBuilder(XML_HEAD).append(DCAT_HEAD).append("  <rdf:Description>\n");
            b.append("    <rdf:type rdf:resource=\"http://www.w3.org/ns/dcat#Dataset\"/>\n")
                    .append("    <dct:type rdf:resource=\"http://purl.org/dc/dcmitype/")
                    .append(dcmiType())
                    .append("\"/>\n");
            for (JsonNode c : people("creators")) dcatAgent(b, "dct:creator", c, "    ");
            b.append("    <dct:title>").append(x(title())).append("</dct:title>\n");
            b.append("    <dct:publisher>\n      <foaf:Agent>\n        <foaf:name>")
                    .append(x(publisher()))
                    .append("</foaf:name>\n      </foaf:Agent>\n    </dct:publisher>\n");
            b.append("    <dct:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#gYear\">")
                    .append(year())
                    .append("</dct:issued>\n");
            for (String s : subjects())
                b.append("    <dcat:keyword>").append(x(s)).append("</dcat:keyword>\n");
            for (JsonNode c : people("contributors")) dcatAgent(b, "dct:contributor", c, "    ");
            for (JsonNode c : people("contributors"))
                if (c.at("/role/id").asText().equals("projectleader")) {
                    b.append("    <prov:wasGeneratedBy>\n      <foaf:Project>\n        <rdf:type"
                            + " rdf:resource=\"http://www.w3.org/ns/prov#Activity\"/>\n");
                    dcatAgent(b, "citedcat:projectLeader", c, "        ");
                    b.append("      </foaf:Project>\n    </prov:wasGeneratedBy>\n");
                }
            b.append("    <dct:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">")
                    .append(date())
                    .append("</dct:issued>\n");
            String updated = json.path("updated").asText("");
            if (updated.length() >= 10)
                b.append("    <dct:modified rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">")
                        .append(updated, 0, 10)
                        .append("</dct:modified>\n");
            for (JsonNode l : md().path("languages"))
                b.append("    <dct:language rdf:resource=\"http://publications.europa.eu/resource/authority/language/")
                        .append(l.path("id").asText().toUpperCase(Locale.ROOT))
                        .append("\"/>\n");
            b.append("    <owl:sameAs rdf:resource=\"").append(x(html())).append("\"/>\n");
            b.append("    <adms:identifier>\n      <adms:Identifier>\n        <skos:notation"
                            + " rdf:datatype=\"http://www.w3.org/2001/XMLSchema#anyURI\">")
                    .append(x(html()))
                    .append("</skos:notation>\n        <adms:schemeAgency>URL</adms:schemeAgency>\n"
                            + "      </adms:Identifier>\n    </adms:identifier>\n");
            if (!oai().isEmpty())
                b.append("    <adms:identifier>\n      <adms:Identifier>\n        <skos:notation>")
                        .append(x(oai()))
                        .append("</skos:notation>\n        <adms:schemeAgency>oai</adms:schemeAgency>\n"
                                + "      </adms:Identifier>\n    </adms:identifier>\n");
            if (!version().isEmpty())
                b.append("    <owl:versionInfo>").append(x(version())).append("</owl:versionInfo>\n");
            if (!rawDescription().isEmpty())
                b.append("    <dct:description>").append(x(description())).append("</dct:description>\n");
            for (JsonNode d : md().path("additional_descriptions"))
                b.append("    <dct:description>")
                        .append(x(d.path("description").asText().replaceAll("<[^>]+>", "")))
                        .append("</dct:description>\n");
            // the real writes one licence distribution, empty when the record has no licence
            String right = md().at("/rights/0/id").asText("");
            b.append("    <dcat:distribution>\n      <dcat:Distribution");
            if (right.startsWith("cc-"))
                b.append(">\n        <dct:license rdf:resource=\"")
                        .append(ccUrl(right))
                        .append("\"/>\n      </dcat:Distribution>\n");
            else b.append("/>\n");
            b.append("    </dcat:distribution>\n");
            json.at("/files/entries")
                    .properties()
                    .forEach(e -> b.append(
                                    "    <dcat:distribution>\n      <dcat:Distribution>\n        <dcat:downloadURL rdf:resource=\"")
                            .append(x(html() + "/files/" + e.getKey()))
                            .append("\"/>\n        <dcat:mediaType>")
                            .append(x(e.getValue().path("mimetype").asText()))
                            .append("</dcat:mediaType>\n        <dcat:byteSize>")
                            .append(e.getValue().path("size").asLong())
                            .append("</dcat:byteSize>\n      </dcat:Distribution>\n    </dcat:distribution>\n"));
            return b.append("  </rdf:Description>\n</rdf:RDF>\n").toString();
        }

        /** The DCMI type of the DataCite general type (an assumption beyond Dataset and Text, measured). */
        private String dcmiType() {
            return switch (prop("datacite_general", "Text")) {
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

        private void dcatAgent(StringBuilder b, String element, JsonNode c, String in) {
            boolean org = c.at("/person_or_org/type").asText().equals("organizational");
            b.append(in).append('<').append(element).append(">\n").append(in).append("  <rdf:Description");
            if (orcid(c) != null)
                b.append(" rdf:about=\"https://orcid.org/").append(x(orcid(c))).append('"');
            b.append(">\n")
                    .append(in)
                    .append("    <rdf:type rdf:resource=\"http://xmlns.com/foaf/0.1/")
                    .append(org ? "Organization" : "Person")
                    .append("\"/>\n")
                    .append(in)
                    .append("    <foaf:name>")
                    .append(x(name(c)))
                    .append("</foaf:name>\n");
            if (c.at("/person_or_org/given_name").isTextual())
                b.append(in).append("    <foaf:givenName>").append(x(given(c))).append("</foaf:givenName>\n");
            if (c.at("/person_or_org/family_name").isTextual())
                b.append(in)
                        .append("    <foaf:familyName>")
                        .append(x(family(c)))
                        .append("</foaf:familyName>\n");
            for (String a : affiliations(c))
                b.append(in)
                        .append("    <org:memberOf>\n")
                        .append(in)
                        .append("      <foaf:Organization>\n")
                        .append(in)
                        .append("        <foaf:name>")
                        .append(x(a))
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

        /**
         * flask-resources' CSVSerializer (header_separator "."): the full type flattens the whole record JSON (list
         * items by index, columns sorted, Python's True/False); the simple one has v13's ten fixed columns, a list's
         * values joined by newlines. Rows end in CRLF, cells quoted only when they must be (Python's csv module).
         */
        String csv(boolean full) {
            Map<String, String> cells = new java.util.TreeMap<>();
            if (full) flatten(json, "", cells);
            else
                for (String column : SIMPLE_CSV) {
                    List<String> values = new ArrayList<>();
                    collect(json, List.of(column.split("\\.")), 0, values);
                    cells.put(column, String.join("\n", values));
                }
            List<String> header = full ? new ArrayList<>(cells.keySet()) : SIMPLE_CSV;
            return String.join(",", header.stream().map(Rec::csvCell).toList()) + "\r\n"
                    + String.join(
                            ",", header.stream().map(h -> csvCell(cells.get(h))).toList()) + "\r\n";
        }

        private static void flatten(JsonNode node, String path, Map<String, String> out) {
            if (node.isObject())
                node.properties()
                        .forEach(
                                e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
            else if (node.isArray()) for (int i = 0; i < node.size(); i++) flatten(node.get(i), path + "." + i, out);
            else out.put(path, scalar(node));
        }

        /** The values at a dotted path, through lists (as flask-resources' simple CSV reads them). */
        private static void collect(JsonNode node, List<String> path, int i, List<String> out) {
            if (node.isArray()) {
                for (JsonNode n : node) collect(n, path, i, out);
                return;
            }
            if (i == path.size()) {
                if (!node.isMissingNode() && !node.isContainerNode()) out.add(scalar(node));
                return;
            }
            collect(node.path(path.get(i)), path, i + 1, out);
        }

        private static String scalar(JsonNode n) {
            if (n.isNull() || n.isMissingNode()) return "";
            if (n.isBoolean()) return n.asBoolean() ? "True" : "False";
            if (n.isFloatingPointNumber()) return Double.toString(n.asDouble());
            return n.asText();
        }

        private static String csvCell(String v) {
            if (v == null) return "";
            return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\""
                    : v;
        }

        /**
         * The signposting linkset as v13 writes it: the landing page (authors' ORCIDs, every serialization, its files,
         * licence, types), then one set per file (its collection) and one for the API record (what it describes).
         */
        JsonNode linkset() {
            ObjectNode o = JSON.createObjectNode();
            ArrayNode sets = o.putArray("linkset");
            ObjectNode link = sets.addObject().put("anchor", html());
            ArrayNode authors = JSON.createArrayNode();
            for (JsonNode c : people("creators"))
                if (orcid(c) != null) authors.addObject().put("href", "https://orcid.org/" + orcid(c));
            if (!authors.isEmpty()) link.set("author", authors);
            ArrayNode describedby = link.putArray("describedby");
            for (String t : TYPES.stream().sorted().toList())
                if (!t.equals("application/linkset+json"))
                    describedby.addObject().put("href", api()).put("type", t);
            ArrayNode items = JSON.createArrayNode();
            json.at("/files/entries")
                    .properties()
                    .forEach(e -> items.addObject()
                            .put("href", html() + "/files/" + e.getKey())
                            .put("type", e.getValue().path("mimetype").asText()));
            if (!items.isEmpty()) link.set("item", items);
            String right = md().at("/rights/0/id").asText("");
            if (right.startsWith("cc-")) link.putArray("license").addObject().put("href", ccUrl(right));
            ArrayNode types = link.putArray("type");
            types.addObject().put("href", prop("schema.org", "https://schema.org/CreativeWork"));
            types.addObject().put("href", "https://schema.org/AboutPage");
            json.at("/files/entries")
                    .properties()
                    .forEach(e -> sets.addObject()
                            .put("anchor", html() + "/files/" + e.getKey())
                            .putArray("collection")
                            .addObject()
                            .put("href", html())
                            .put("type", "text/html"));
            sets.addObject()
                    .put("anchor", api())
                    .putArray("describes")
                    .addObject()
                    .put("href", html())
                    .put("type", "text/html");
            return o;
        }

        /**
         * The Data Package (v2) as v13's DataPackageSchema writes it: description, version, keywords and licenses only
         * when present; resources are the record's files; contributors the creators then the contributors by role.
         */
        JsonNode datapackage() {
            ObjectNode o = JSON.createObjectNode()
                    .put("$schema", "https://datapackage.org/profiles/2.0/datapackage.json")
                    .put("name", id())
                    .put("title", title());
            if (!rawDescription().isEmpty()) o.put("description", description());
            if (!version().isEmpty()) o.put("version", version());
            o.put("created", json.path("created").asText()).put("homepage", html());
            if (!subjects().isEmpty()) {
                ArrayNode keywords = o.putArray("keywords");
                subjects().forEach(keywords::add);
            }
            ArrayNode resources = o.putArray("resources");
            json.at("/files/entries").properties().forEach(e -> {
                JsonNode f = e.getValue();
                resources
                        .addObject()
                        .put("name", e.getKey())
                        .put("path", html() + "/files/" + e.getKey())
                        .put("format", f.path("ext").asText())
                        .put("mimetype", f.path("mimetype").asText())
                        .put("bytes", f.path("size").asLong())
                        .put("hash", f.path("checksum").asText());
            });
            if (!md().path("rights").isEmpty()) {
                ArrayNode licenses = o.putArray("licenses");
                for (JsonNode r : md().path("rights")) {
                    String id = r.path("id").asText("");
                    ObjectNode l = licenses.addObject().put("name", id);
                    if (id.startsWith("cc-")) l.put("path", ccUrl(id)).put("title", ccTitle(id));
                }
            }
            ArrayNode contributors = o.putArray("contributors");
            for (String field : List.of("creators", "contributors"))
                for (JsonNode c : people(field)) {
                    ObjectNode p = contributors.addObject().put("title", name(c));
                    if (c.at("/person_or_org/given_name").isTextual()) p.put("givenName", given(c));
                    if (c.at("/person_or_org/family_name").isTextual()) p.put("familyName", family(c));
                    p.putArray("roles")
                            .add(
                                    field.equals("creators")
                                            ? "creator"
                                            : c.at("/role/id").asText("other"));
                    List<String> affs = affiliations(c);
                    if (!affs.isEmpty()) p.put("organization", affs.get(0));
                }
            return o;
        }

        /**
         * CFF 1.2.0 as v13's CFFSchema writes it (YAML, keys sorted): authors are the creators then the
         * contributors; license the rights' ids ([] when none); type only for software and datasets.
         */
        String cff() {
            StringBuilder b = new StringBuilder();
            if (!rawDescription().isEmpty())
                b.append("abstract: ").append(yaml(description())).append("\n");
            b.append("authors:\n");
            for (String field : List.of("creators", "contributors"))
                for (JsonNode c : people(field)) {
                    List<String> lines = new ArrayList<>();
                    List<String> affs = affiliations(c);
                    if (c.at("/person_or_org/type").asText().equals("organizational")) {
                        lines.add("name: " + yaml(name(c)));
                    } else {
                        if (!affs.isEmpty()) lines.add("affiliation: " + yaml(affs.get(0)));
                        if (c.at("/person_or_org/family_name").isTextual())
                            lines.add("family-names: " + yaml(family(c)));
                        if (c.at("/person_or_org/given_name").isTextual()) lines.add("given-names: " + yaml(given(c)));
                        if (orcid(c) != null) lines.add("orcid: " + yaml(orcid(c)));
                    }
                    b.append("- ").append(String.join("\n  ", lines)).append("\n");
                }
            b.append("cff-version: 1.2.0\ndate-released: '").append(date()).append("'\n");
            List<String> subjects = subjects();
            if (!subjects.isEmpty()) {
                b.append("keywords:\n");
                for (String s : subjects) b.append("- ").append(yaml(s)).append("\n");
            }
            List<String> licenses = new ArrayList<>();
            md().path("rights").forEach(r -> {
                if (r.path("id").isTextual()) licenses.add(r.path("id").asText());
            });
            if (licenses.isEmpty()) b.append("license: []\n");
            else {
                b.append("license:\n");
                for (String l : licenses) b.append("- ").append(yaml(l)).append("\n");
            }
            String type = typeId().equals("software") || typeId().equals("dataset") ? typeId() : null;
            b.append("message: If you use this ")
                    .append(type == null ? "work" : type)
                    .append(", please cite it using the metadata from this file.\n");
            b.append("title: ").append(yaml(title())).append("\n");
            if (type != null) b.append("type: ").append(type).append("\n");
            if (!version().isEmpty())
                b.append("version: ").append(yaml(version())).append("\n");
            return b.toString();
        }

        /** PyYAML's plain style where it would use it (letters, digits, spaces and punctuation it allows). */
        private static String yaml(String s) {
            boolean scalarLike = s.matches("[0-9.+-]+|[0-9]{4}-[0-9]{2}-[0-9]{2}.*")
                    || s.matches("(?i)(yes|no|true|false|null|on|off|y|n|~)");
            if (s.matches("[A-Za-z0-9][A-Za-z0-9 ,.()/_-]*") && !s.endsWith(" ") && !scalarLike) return s;
            return "'" + s.replace("'", "''") + "'";
        }

        /**
         * The API JSON plus the "ui" block the landing page and the search app read, with v13's UIJSONSerializer
         * keys: description_stripped, contributors, languages, rights, additional_descriptions and dates only when the
         * record has them; version "v1" when it has none (measured 2026-12-05).
         */
        JsonNode uiJson() {
            ObjectNode o = json.deepCopy();
            ObjectNode ui = o.putObject("ui");
            ui.put("publication_date_l10n_medium", l10n(date(), MEDIUM_DATE))
                    .put("publication_date_l10n_long", l10n(date(), LONG_DATE))
                    .put("created_date_l10n_long", l10n(json.path("created").asText(), LONG_DATE))
                    .put("updated_date_l10n_long", l10n(json.path("updated").asText(), LONG_DATE));
            ui.putObject("resource_type").put("id", typeId()).put("title_l10n", typeTitle());
            ObjectNode creators = ui.putObject("creators");
            creators.set("creators", uiPeople("creators", creators.putArray("affiliations")));
            if (!people("contributors").isEmpty()) {
                ObjectNode contributors = ui.putObject("contributors");
                contributors.set("contributors", uiPeople("contributors", contributors.putArray("affiliations")));
            }
            if (!rawDescription().isEmpty()) ui.put("description_stripped", description());
            if (!md().path("languages").isEmpty()) {
                ArrayNode languages = ui.putArray("languages");
                for (JsonNode l : md().path("languages")) {
                    String id = l.path("id").asText();
                    languages.addObject().put("id", id).put("title_l10n", LANGUAGES.getOrDefault(id, id));
                }
            }
            if (!md().path("rights").isEmpty()) {
                ArrayNode rights = ui.putArray("rights");
                for (JsonNode r : md().path("rights")) {
                    String id = r.path("id").asText("");
                    ObjectNode right = rights.addObject()
                            .put("id", id)
                            .put(
                                    "title_l10n",
                                    id.startsWith("cc-")
                                            ? ccTitle(id)
                                            : r.at("/title/en").asText(id))
                            .put("description_l10n", "")
                            .put("icon", id.replaceAll("-[0-9.]+$", "") + "-icon");
                    if (id.startsWith("cc-"))
                        right.putObject("props").put("url", ccUrl(id)).put("scheme", "spdx");
                }
            }
            if (!md().path("additional_descriptions").isEmpty()) {
                ArrayNode more = ui.putArray("additional_descriptions");
                for (JsonNode d : md().path("additional_descriptions")) {
                    String t = d.at("/type/id").asText("other");
                    more.addObject()
                            .put("description", d.path("description").asText())
                            .putObject("type")
                            .put("id", t)
                            .put("title_l10n", Character.toUpperCase(t.charAt(0)) + t.substring(1));
                }
            }
            if (!md().path("dates").isEmpty()) {
                ArrayNode dates = ui.putArray("dates");
                for (JsonNode d : md().path("dates")) {
                    String t = d.at("/type/id").asText("other");
                    dates.addObject()
                            .put("date", d.path("date").asText())
                            .putObject("type")
                            .put("id", t)
                            .put(
                                    "title_l10n",
                                    d.at("/type/title/en").asText(Character.toUpperCase(t.charAt(0)) + t.substring(1)));
                }
            }
            ui.put("version", version().isEmpty() ? "v1" : version());
            ui.set("access_status", accessStatus());
            ui.putObject("custom_fields");
            ui.put("is_draft", false);
            return o;
        }

        /** People as the UI lists them: each with [n, name] per affiliation, numbered across the list. */
        private ArrayNode uiPeople(String field, ArrayNode affiliations) {
            ArrayNode list = JSON.createArrayNode();
            int n = 1;
            for (JsonNode c : people(field)) {
                ObjectNode p = c.deepCopy();
                if (c.has("affiliations")) {
                    ArrayNode own = p.putArray("affiliations");
                    for (String a : affiliations(c)) {
                        own.addArray().add(n).add(a);
                        affiliations.addArray().add(n).add(a).add(JSON.nullNode());
                        n++;
                    }
                }
                list.add(p);
            }
            return list;
        }

        /** v13's access status block: its title, description, icon and message class per status. */
        private ObjectNode accessStatus() {
            String id = json.at("/access/status").asText("open");
            String until = json.at("/access/embargo/until").asText("");
            String untilL10n = until.isEmpty() ? null : l10n(until, LONG_DATE);
            ObjectNode a = JSON.createObjectNode().put("id", id);
            return switch (id) {
                case "embargoed" ->
                    a.put("title_l10n", "Embargoed")
                            .put("description_l10n", "The files will be made publicly available on " + untilL10n + ".")
                            .put("icon", "outline clock")
                            .put("embargo_date_l10n", untilL10n)
                            .put("message_class", "warning");
                case "restricted" ->
                    a.put("title_l10n", "Restricted")
                            .put(
                                    "description_l10n",
                                    "The record is publicly accessible, but files are restricted to users with access.")
                            .put("icon", "ban")
                            .putNull("embargo_date_l10n")
                            .put("message_class", "negative");
                case "metadata-only" ->
                    a.put("title_l10n", "Metadata-only")
                            .put("description_l10n", "No files are available for this record.")
                            .put("icon", "tag")
                            .putNull("embargo_date_l10n")
                            .put("message_class", "");
                default ->
                    a.put("title_l10n", "Open")
                            .put("description_l10n", "The record and files are publicly accessible.")
                            .put("icon", "unlock")
                            .putNull("embargo_date_l10n")
                            .put("message_class", "");
            };
        }
    }

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MEDIUM_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    /** An ISO date (or timestamp) as babel formats it in English; anything else (EDTF) as it is. */
    static String l10n(String date, DateTimeFormatter format) {
        try {
            return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date)
                    .format(format);
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    /** MARC relator codes of the contributor roles (v13's MARCXML schema). */
    private static final Map<String, String> RELATORS = Map.of(
            "contactperson", "prc",
            "datacollector", "com",
            "datacurator", "cur",
            "datamanager", "dtm",
            "editor", "edt",
            "projectleader", "pdr",
            "researcher", "res",
            "supervisor", "dgs",
            "other", "oth");

    /** The simple CSV's columns (v13's app config). */
    private static final List<String> SIMPLE_CSV = List.of(
            "id",
            "created",
            "pids.doi.identifier",
            "metadata.title",
            "metadata.description",
            "metadata.resource_type.title.en",
            "metadata.publication_date",
            "metadata.creators.person_or_org.type",
            "metadata.creators.person_or_org.name",
            "metadata.rights.id");

    /** Column names of simulator/resource_type_props.csv (v13's resource type vocabulary props). */
    private static final List<String> PROP_NAMES =
            List.of("id", "csl", "datacite_general", "datacite_type", "schema.org", "eurepo", "openaire_type");

    private static final Map<String, String[]> PROPS = loadProps();

    private static Map<String, String[]> loadProps() {
        Map<String, String[]> out = new HashMap<>();
        for (CSVRecord rec : CsvResource.read("simulator/resource_type_props.csv")) {
            String[] row = new String[PROP_NAMES.size()];
            for (int i = 0; i < row.length; i++) row[i] = rec.get(PROP_NAMES.get(i));
            out.put(row[0], row);
        }
        return out;
    }

    /** pycountry's names of the ISO 639-3 languages the generated data uses. */
    private static final Map<String, String> LANGUAGES = Map.of(
            "eng",
            "English",
            "deu",
            "German",
            "fra",
            "French",
            "spa",
            "Spanish",
            "ita",
            "Italian",
            "nor",
            "Norwegian",
            "tur",
            "Turkish",
            "ara",
            "Arabic",
            "por",
            "Portuguese",
            "nld",
            "Dutch");

    /** DataCite 4 contributor types; a role id matching one case-insensitively maps to it. */
    private static final List<String> CONTRIBUTOR_TYPES = List.of(
            "ContactPerson",
            "DataCollector",
            "DataCurator",
            "DataManager",
            "Distributor",
            "Editor",
            "HostingInstitution",
            "Producer",
            "ProjectLeader",
            "ProjectManager",
            "ProjectMember",
            "RegistrationAgency",
            "RegistrationAuthority",
            "RelatedPerson",
            "Researcher",
            "ResearchGroup",
            "RightsHolder",
            "Sponsor",
            "Supervisor",
            "WorkPackageLeader",
            "Other");

    /** invenio-rdm-records' convert_size: base 1024, two decimals as Python's round and str print them. */
    static String convertSize(long bytes) {
        if (bytes == 0) return "0B";
        String[] names = {"B", "KB", "MB", "GB", "TB", "PB"};
        int i = (int) Math.floor(Math.log(bytes) / Math.log(1024));
        double s = Math.round(bytes / Math.pow(1024, i) * 100) / 100.0;
        return Double.toString(s) + " " + names[i];
    }

    private static ObjectNode sortKeys(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        ObjectNode sorted = JSON.createObjectNode();
        for (String n : names) sorted.set(n, o.get(n));
        o.removeAll();
        o.setAll(sorted);
        return o;
    }

    private static final String DCAT_HEAD = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns:adms=\"http://www.w3.org/ns/adms#\" xmlns:bibo=\"http://purl.org/ontology/bibo/\""
            + " xmlns:citedcat=\"https://w3id.org/citedcat-ap/\" xmlns:dct=\"http://purl.org/dc/terms/\""
            + " xmlns:dctype=\"http://purl.org/dc/dcmitype/\" xmlns:dcat=\"http://www.w3.org/ns/dcat#\""
            + " xmlns:foaf=\"http://xmlns.com/foaf/0.1/\" xmlns:gsp=\"http://www.opengis.net/ont/geosparql#\""
            + " xmlns:locn=\"http://www.w3.org/ns/locn#\" xmlns:org=\"http://www.w3.org/ns/org#\""
            + " xmlns:owl=\"http://www.w3.org/2002/07/owl#\" xmlns:prov=\"http://www.w3.org/ns/prov#\""
            + " xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\""
            + " xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\""
            + " xmlns:vcard=\"http://www.w3.org/2006/vcard/ns#\" xmlns:wdrs=\"http://www.w3.org/2007/05/powder-s#\">\n";

    private static final String XML_HEAD = "<?xml version='1.0' encoding='utf-8'?>\n";

    private static String x(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

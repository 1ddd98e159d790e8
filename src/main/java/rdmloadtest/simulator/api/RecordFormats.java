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
import rdmloadtest.simulator.formats.BibTex;
import rdmloadtest.simulator.formats.Citation;
import rdmloadtest.simulator.formats.Csl;
import rdmloadtest.simulator.formats.Csv;
import rdmloadtest.simulator.formats.DataCiteJson;
import rdmloadtest.simulator.formats.DataCiteXml;
import rdmloadtest.simulator.formats.DataPackage;
import rdmloadtest.simulator.formats.Dcat;
import rdmloadtest.simulator.formats.DublinCore;
import rdmloadtest.simulator.formats.GeoJson;
import rdmloadtest.simulator.formats.Linkset;
import rdmloadtest.simulator.formats.MarcXml;
import rdmloadtest.simulator.formats.RecordItem;
import rdmloadtest.simulator.formats.SchemaOrg;
import rdmloadtest.simulator.formats.UiJson;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Reply;

/**
 * Content negotiation of GET /api/records/{id} and of the searches, as v13 and v14 offer it (the order of their 406
 * message): JSON (default), the UI's JSON, schema.org JSON-LD, DataCite JSON and XML, Dublin Core, MARCXML, CSL JSON, a
 * formatted citation (text/x-bibliography with a style), BibTeX, DCAT, GeoJSON, CSV, the signposting linkset and the
 * Data Package. Which type an Accept header gets and its answer; each serialization is a class of formats/.
 */
public final class RecordFormats {
    public static final String JSON_TYPE = "application/json";
    public static final String UI_JSON = "application/vnd.inveniordm.v1+json";
    public static final String DATAPACKAGE =
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

    /** What the linkset says the API record is described by: every type but the linkset's own, sorted. */
    private static final List<String> DESCRIBED_BY = TYPES.stream()
            .sorted()
            .filter(t -> !t.equals("application/linkset+json"))
            .toList();

    /**
     * The record in {@code type} as InvenioRDM {@code version} serializes it; {@code json} is its API JSON,
     * {@code style} the citation's.
     */
    public static Reply serialize(String type, ObjectNode json, String site, String style, String version) {
        RecordItem r = new RecordItem(json, site);
        return switch (type) {
            case "application/ld+json" -> json(type, SchemaOrg.of(r));
            case "application/vnd.citationstyles.csl+json" -> json(type, Csl.of(r));
            case "application/vnd.datacite.datacite+json" -> json(type, DataCiteJson.of(r, version));
            case "application/vnd.datacite.datacite+xml" -> text(type, DataCiteXml.of(r));
            case "application/x-dc+xml" -> text(type, DublinCore.of(r));
            case "application/marcxml+xml" -> text(type, MarcXml.of(r));
            case "application/x-bibtex" -> text(type, BibTex.of(r));
            case "application/dcat+xml" -> text(type, Dcat.of(r));
            case "text/x-bibliography" -> {
                if (style != null && MISSING_STYLES.contains(style))
                    throw new ApiError(400, "Citation string style not found.");
                yield text("text/plain", Citation.of(r, style));
            }
            case "application/vnd.geo+json" -> json(type, GeoJson.of());
            case "application/vnd.inveniordm.v1.full+csv" -> text(type, Csv.full(r));
            case "application/vnd.inveniordm.v1.simple+csv" -> text(type, Csv.simple(r));
            case "application/linkset+json" -> json(type, Linkset.of(r, DESCRIBED_BY));
            case DATAPACKAGE -> json("application/ld+json", DataPackage.of(r));
            case UI_JSON -> json(type, UiJson.of(r));
            default -> Reply.json(200, json);
        };
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
            if (hits.get(i) instanceof ObjectNode hit) hits.set(i, UiJson.of(new RecordItem(hit, site)));
        }
        return json(UI_JSON, body);
    }

    /** A JSON serialization's answer in its media type. */
    public static Reply json(String type, JsonNode body) {
        try {
            return Reply.bytes(200, type, JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text serialization's answer in its media type. */
    public static Reply text(String type, String body) {
        return Reply.bytes(200, type, body.getBytes(StandardCharsets.UTF_8));
    }
}

package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rdmloadtest.simulator.vocabularies.ResourceTypeProps;

/**
 * One published record as the serializers read it: its API JSON (what the records service's RecordItem hands
 * invenio-rdm-records' serializers) and the site it is served from. Read-only: every serialization builds its own
 * output from it.
 */
public final class RecordItem {
    private final ObjectNode json;
    private final String site;

    public RecordItem(ObjectNode json, String site) {
        this.json = json;
        this.site = site;
    }

    /** The API JSON itself (not to be changed). */
    ObjectNode json() {
        return json;
    }

    JsonNode metadata() {
        return json.path("metadata");
    }

    String id() {
        return json.path("id").asText();
    }

    String created() {
        return json.path("created").asText();
    }

    String updated() {
        return json.path("updated").asText("");
    }

    String title() {
        return metadata().path("title").asText();
    }

    /** The EDTF publication date as given ("2024-05-01", "2024", "2020/2021"). */
    String publicationDate() {
        return metadata().path("publication_date").asText();
    }

    String publicationYear() {
        String date = publicationDate();
        return date.length() >= 4 ? date.substring(0, 4) : date;
    }

    String publisher() {
        return metadata().path("publisher").asText("InvenioRDM");
    }

    /** The version, "" when the record has none. */
    String version() {
        return metadata().path("version").asText("");
    }

    /** The description as entered (HTML), "" when none. */
    String description() {
        return metadata().path("description").asText("");
    }

    /** The description without its HTML tags (the UI's description_stripped). */
    String descriptionStripped() {
        return stripTags(description());
    }

    static String stripTags(String html) {
        return html.replaceAll("<[^>]+>", "");
    }

    String resourceTypeId() {
        return metadata().at("/resource_type/id").asText("other");
    }

    String resourceTypeTitle() {
        return metadata().at("/resource_type/title/en").asText(resourceTypeId());
    }

    /** A prop of the record's resource type in the vocabulary (schema.org, csl, datacite_general, ...). */
    String resourceTypeProp(String name, String fallback) {
        return ResourceTypeProps.get(resourceTypeId(), name, fallback);
    }

    /** The first language's id (ISO 639-3), "" when none. */
    String firstLanguage() {
        return metadata().at("/languages/0/id").asText("");
    }

    /** The landing page's URL (links.self_html). */
    String selfHtml() {
        return site + "/records/" + id();
    }

    /** The API record's URL (links.self). */
    String self() {
        return site + "/api/records/" + id();
    }

    /** The OAI-PMH identifier, "" when none. */
    String oaiId() {
        return json.at("/pids/oai/identifier").asText("");
    }

    List<Creatibutor> creators() {
        return creatibutors("creators");
    }

    List<Creatibutor> contributors() {
        return creatibutors("contributors");
    }

    private List<Creatibutor> creatibutors(String field) {
        List<Creatibutor> out = new ArrayList<>();
        metadata().path(field).forEach(c -> out.add(new Creatibutor(c)));
        return out;
    }

    /** The subjects' and keywords' texts. */
    List<String> subjects() {
        List<String> out = new ArrayList<>();
        metadata().path("subjects").forEach(s -> out.add(s.path("subject").asText()));
        return out;
    }

    /** The file entries by key. */
    Iterable<Map.Entry<String, JsonNode>> fileEntries() {
        return json.at("/files/entries").properties();
    }

    long totalBytes() {
        return json.at("/files/total_bytes").asLong(0);
    }

    /** The access status: open, embargoed, restricted or metadata-only. */
    String accessStatus() {
        return json.at("/access/status").asText("open");
    }

    /** The access right in the info:eu-repo vocabulary (open, embargoed, restricted, metadata-only). */
    String euRepoAccessRight() {
        return "info:eu-repo/semantics/" + accessStatus() + "Access";
    }
}

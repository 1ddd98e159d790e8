package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The UI serialization (application/vnd.inveniordm.v1+json): the API JSON plus the "ui" block the landing page and the
 * search app read, with v13's UIJSONSerializer keys: description_stripped, contributors, languages, rights,
 * additional_descriptions and dates only when the record has them; version "v1" when it has none (measured
 * 2026-12-05).
 */
public final class UiJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MEDIUM_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private UiJson() {}

    public static ObjectNode of(RecordItem r) {
        JsonNode md = r.metadata();
        ObjectNode o = r.json().deepCopy();
        ObjectNode ui = o.putObject("ui");
        ui.put("publication_date_l10n_medium", l10n(r.publicationDate(), MEDIUM_DATE))
                .put("publication_date_l10n_long", l10n(r.publicationDate(), LONG_DATE))
                .put("created_date_l10n_long", l10n(r.created(), LONG_DATE))
                .put("updated_date_l10n_long", l10n(r.json().path("updated").asText(), LONG_DATE));
        ui.putObject("resource_type").put("id", r.resourceTypeId()).put("title_l10n", r.resourceTypeTitle());
        ObjectNode creators = ui.putObject("creators");
        creators.set("creators", people(r.creators(), creators.putArray("affiliations")));
        if (!r.contributors().isEmpty()) {
            ObjectNode contributors = ui.putObject("contributors");
            contributors.set("contributors", people(r.contributors(), contributors.putArray("affiliations")));
        }
        if (!r.description().isEmpty()) ui.put("description_stripped", r.descriptionStripped());
        if (!md.path("languages").isEmpty()) {
            ArrayNode languages = ui.putArray("languages");
            for (JsonNode l : md.path("languages")) {
                String id = l.path("id").asText();
                String name = Languages.name(id);
                languages.addObject().put("id", id).put("title_l10n", name == null ? id : name);
            }
        }
        if (!md.path("rights").isEmpty()) {
            ArrayNode rights = ui.putArray("rights");
            for (JsonNode right : md.path("rights")) {
                String id = right.path("id").asText("");
                ObjectNode entry = rights.addObject()
                        .put("id", id)
                        .put(
                                "title_l10n",
                                Rights.isCreativeCommons(id)
                                        ? Rights.ccTitle(id)
                                        : right.at("/title/en").asText(id))
                        .put("description_l10n", "")
                        .put("icon", id.replaceAll("-[0-9.]+$", "") + "-icon");
                if (Rights.isCreativeCommons(id))
                    entry.putObject("props").put("url", Rights.ccUrl(id)).put("scheme", "spdx");
            }
        }
        if (!md.path("additional_descriptions").isEmpty()) {
            ArrayNode more = ui.putArray("additional_descriptions");
            for (JsonNode d : md.path("additional_descriptions")) {
                String t = d.at("/type/id").asText("other");
                more.addObject()
                        .put("description", d.path("description").asText())
                        .putObject("type")
                        .put("id", t)
                        .put("title_l10n", capitalized(t));
            }
        }
        if (!md.path("dates").isEmpty()) {
            ArrayNode dates = ui.putArray("dates");
            for (JsonNode d : md.path("dates")) {
                String t = d.at("/type/id").asText("other");
                dates.addObject()
                        .put("date", d.path("date").asText())
                        .putObject("type")
                        .put("id", t)
                        .put("title_l10n", d.at("/type/title/en").asText(capitalized(t)));
            }
        }
        ui.put("version", r.version().isEmpty() ? "v1" : r.version());
        ui.set("access_status", accessStatus(r));
        ui.putObject("custom_fields");
        ui.put("is_draft", false);
        return o;
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** People as the UI lists them: each with [n, name] per affiliation, numbered across the list. */
    private static ArrayNode people(Iterable<Creatibutor> people, ArrayNode affiliations) {
        ArrayNode list = F.arrayNode();
        int n = 1;
        for (Creatibutor c : people) {
            ObjectNode p = c.json().deepCopy();
            if (c.json().has("affiliations")) {
                ArrayNode own = p.putArray("affiliations");
                for (String a : c.affiliations()) {
                    own.addArray().add(n).add(a);
                    affiliations.addArray().add(n).add(a).add(F.nullNode());
                    n++;
                }
            }
            list.add(p);
        }
        return list;
    }

    /** v13's access status block: its title, description, icon and message class per status. */
    private static ObjectNode accessStatus(RecordItem r) {
        String id = r.accessStatus();
        String until = r.json().at("/access/embargo/until").asText("");
        String untilL10n = until.isEmpty() ? null : l10n(until, LONG_DATE);
        ObjectNode a = F.objectNode().put("id", id);
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

    /** An ISO date (or timestamp) as babel formats it in English; anything else (EDTF) as it is. */
    private static String l10n(String date, DateTimeFormatter format) {
        try {
            return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date)
                    .format(format);
        } catch (DateTimeParseException e) {
            return date;
        }
    }
}

package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.StoredFile;
import rdmloadtest.simulator.vocabularies.Vocabularies;

/**
 * The publish-time checks of InvenioRDM's MetadataSchema and draft components: required fields, vocabulary
 * ids, creators, dates, access and files. Drafts are saved anyway; these errors are echoed, and block publish.
 */
public final class DraftValidator {
    public record FieldError(String field, String message) {}

    private static final Pattern EDTF = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?");
    private static final Pattern ORCID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final String REQUIRED = "Missing data for required field.";

    private final Vocabularies vocabularies;

    public DraftValidator(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public List<FieldError> metadataErrors(RecordDoc d) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode m = d.metadata;
        JsonNode rt = m.get("resource_type");
        if (rt == null) errors.add(new FieldError("metadata.resource_type", REQUIRED));
        else if (vocabularies.resourceType(rt.path("id").asText()).isEmpty()) {
            errors.add(new FieldError(
                    "metadata.resource_type", "Invalid value " + rt.path("id").asText() + "."));
        }
        JsonNode title = m.get("title");
        if (title == null) errors.add(new FieldError("metadata.title", REQUIRED));
        else if (title.asText().strip().length() < 3) {
            errors.add(new FieldError("metadata.title", "Shorter than minimum length 3."));
        }
        JsonNode date = m.get("publication_date");
        if (date == null) errors.add(new FieldError("metadata.publication_date", REQUIRED));
        else if (!EDTF.matcher(date.asText()).matches()) {
            errors.add(new FieldError("metadata.publication_date", "Please provide a valid date or interval."));
        }
        JsonNode creators = m.get("creators");
        if (creators == null || !creators.isArray() || creators.isEmpty()) {
            errors.add(new FieldError("metadata.creators", REQUIRED));
        } else {
            checkPeople(creators, "metadata.creators", errors);
        }
        JsonNode contributors = m.get("contributors");
        if (contributors != null && contributors.isArray()) checkPeople(contributors, "metadata.contributors", errors);
        checkAccess(d, errors);
        return errors;
    }

    private static void checkPeople(JsonNode people, String field, List<FieldError> errors) {
        for (int i = 0; i < people.size(); i++) {
            JsonNode p = people.get(i).path("person_or_org");
            String at = field + "." + i + ".person_or_org";
            String type = p.path("type").asText("");
            if (type.equals("personal")) {
                if (p.path("family_name").asText("").isBlank()) {
                    errors.add(new FieldError(at + ".family_name", "Family name must be filled."));
                }
            } else if (type.equals("organizational")) {
                if (p.path("name").asText("").isBlank())
                    errors.add(new FieldError(at + ".name", "Name cannot be blank."));
            } else {
                errors.add(
                        new FieldError(at + ".type", "Invalid value. Choose one of ['organizational', 'personal']."));
            }
            JsonNode ids = p.path("identifiers");
            for (int j = 0; j < ids.size(); j++) {
                JsonNode id = ids.get(j);
                if ("orcid".equals(id.path("scheme").asText())
                        && !validOrcid(id.path("identifier").asText())) {
                    errors.add(new FieldError(at + ".identifiers." + j + ".identifier", "Invalid ORCID identifier."));
                }
            }
        }
    }

    private static void checkAccess(RecordDoc d, List<FieldError> errors) {
        for (String k : List.of("record", "files")) {
            String v = d.access.path(k).asText("public");
            if (!v.equals("public") && !v.equals("restricted")) {
                errors.add(new FieldError("access." + k, "Must be one of: public, restricted."));
            }
        }
        JsonNode e = d.access.path("embargo");
        if (e.path("active").asBoolean(false)) {
            String until = e.path("until").asText("");
            if (until.isEmpty() || until.compareTo(LocalDate.now().toString()) <= 0) {
                errors.add(new FieldError("access.embargo.until", "Embargo end date must be in the future."));
            }
        }
    }

    /** Files that block a publish: enabled without files, or a file not committed yet. */
    public List<FieldError> fileErrors(RecordDoc d) {
        if (!d.filesEnabled) return List.of();
        if (d.files.isEmpty()) {
            return List.of(new FieldError(
                    "files.enabled",
                    "Missing uploaded files. To disable files for this record" + " please mark it as metadata-only."));
        }
        for (StoredFile f : d.files.values()) {
            if (!f.committed) {
                return List.of(
                        new FieldError("files", "One or more files have not completed their transfer, please wait."));
            }
        }
        return List.of();
    }

    /** ORCID: ISO 7064 11-2 check digit, as idutils checks it. */
    public static boolean validOrcid(String s) {
        if (s == null || !ORCID.matcher(s).matches()) return false;
        String digits = s.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) total = (total + (digits.charAt(i) - '0')) * 2;
        int check = (12 - total % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return digits.charAt(15) == expected;
    }

    public static ArrayNode toJson(List<FieldError> errors) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (FieldError e : errors)
            a.addObject().put("field", e.field()).putArray("messages").add(e.message());
        return a;
    }
}

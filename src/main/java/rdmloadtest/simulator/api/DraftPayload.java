package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.simulator.api.DraftValidator.FieldError;
import rdmloadtest.simulator.store.RecordDoc;

/** Applies a create/update body to a draft: partial data is kept, unknown top-level keys are dropped silently. */
final class DraftPayload {
    private DraftPayload() {}

    static List<FieldError> apply(JsonNode body, RecordDoc d) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(new FieldError("_schema", "Invalid input type."));
            return errors;
        }
        d.metadata = body.path("metadata").isObject()
                ? ((ObjectNode) body.get("metadata")).deepCopy()
                : d.metadata.objectNode();
        ObjectNode access =
                body.path("access").isObject() ? ((ObjectNode) body.get("access")).deepCopy() : d.access.objectNode();
        access.remove("status");
        if (!access.has("record")) access.put("record", "public");
        if (!access.has("files")) access.put("files", "public");
        d.access = access;
        d.customFields = body.path("custom_fields").isObject()
                ? ((ObjectNode) body.get("custom_fields")).deepCopy()
                : d.customFields.objectNode();
        if (!d.editOfPublished)
            d.filesEnabled = body.path("files").path("enabled").asBoolean(true);
        return errors;
    }
}

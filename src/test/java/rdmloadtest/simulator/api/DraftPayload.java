package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import rdmloadtest.simulator.api.DraftValidator.FieldError;
import rdmloadtest.simulator.store.RecordDoc;

/** Applies a create/update body to a draft: partial data is kept, unknown keys are dropped and reported. */
final class DraftPayload {
  private static final Set<String> READ_ONLY = Set.of("id", "created", "updated", "links", "revision_id",
      "is_published", "is_draft", "status", "versions", "expires_at", "stats", "deletion_status", "errors",
      "parent", "pids", "media_files", "tombstone");

  private DraftPayload() {}

  static List<FieldError> apply(JsonNode body, RecordDoc d) {
    List<FieldError> errors = new ArrayList<>();
    if (!body.isObject()) {
      errors.add(new FieldError("_schema", "Invalid input type."));
      return errors;
    }
    body.fieldNames().forEachRemaining(k -> {
      if (!READ_ONLY.contains(k) && !Set.of("metadata", "access", "files", "custom_fields").contains(k)) {
        errors.add(new FieldError(k, "Unknown field."));
      }
    });
    d.metadata = body.path("metadata").isObject() ? ((ObjectNode) body.get("metadata")).deepCopy()
        : d.metadata.objectNode();
    ObjectNode access = body.path("access").isObject() ? ((ObjectNode) body.get("access")).deepCopy()
        : d.access.objectNode();
    access.remove("status");
    if (!access.has("record")) access.put("record", "public");
    if (!access.has("files")) access.put("files", "public");
    d.access = access;
    d.customFields = body.path("custom_fields").isObject() ? ((ObjectNode) body.get("custom_fields")).deepCopy()
        : d.customFields.objectNode();
    if (!d.editOfPublished) d.filesEnabled = body.path("files").path("enabled").asBoolean(true);
    return errors;
  }
}

package rdmloadtest.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The deposit payload ({@code POST /api/records}, {@code PUT /api/records/{id}/draft}) for a generated record:
 * its metadata as is, its access without the computed {@code status} (§11: do not send a disagreeing value),
 * and {@code files.enabled}; ids, pids, parent and versions are minted by the target.
 */
public final class Draft {

    private Draft() {}

    public static ObjectNode payload(JsonNode record) {
        ObjectNode draft = JsonNodeFactory.instance.objectNode();
        draft.set("metadata", record.get("metadata").deepCopy());
        ObjectNode access = draft.putObject("access");
        access.set("record", record.at("/access/record"));
        access.set("files", record.at("/access/files"));
        JsonNode embargo = record.at("/access/embargo");
        if (embargo.path("active").asBoolean(false)) {
            access.set("embargo", embargo.deepCopy());
        }
        draft.putObject("files").put("enabled", record.at("/files/enabled").asBoolean(true));
        draft.putObject("custom_fields");
        return draft;
    }
}

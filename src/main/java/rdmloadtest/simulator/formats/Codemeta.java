package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** CodeMeta JSON-LD, the landing page's "codemeta" export: schema.org's schema with CodeMeta's context. */
public final class Codemeta {
    private Codemeta() {}

    /**
     * The CodeMeta of a record, or empty for a record under an active embargo: v13's CodemetaSchema then hands the
     * access.embargo dict to edtf's parser and answers 500 (an upstream bug).
     */
    public static Optional<JsonNode> of(RecordItem r) {
        if (r.json().at("/access/embargo/active").asBoolean(false)) return Optional.empty();
        return Optional.of(SchemaOrg.build(r, true));
    }
}

package rdmloadtest.simulator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PythonJsonTest {
    @Test
    void writesAsPythonsJsonDumpsDefaults() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", 400)
                .put("label", "Données \"brutes\"\n")
                .putArray("list")
                .add(1)
                .add("x");
        o.putNull("none");
        assertEquals(
                "{\"status\": 400, \"label\": \"Donn\\u00e9es \\\"brutes\\\"\\n\", \"list\": [1, \"x\"], \"none\": null}",
                new String(PythonJson.bytes(o), StandardCharsets.US_ASCII));
    }
}

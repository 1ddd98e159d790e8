package rdmloadtest.simulator.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PyJsonTest {
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
                new String(PyJson.dumps(o), StandardCharsets.US_ASCII));
    }

    @Test
    void writesPagesJsonSortedAndSafeInsideHtml() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("title", "<b>Données</b> & 'x'").put("a", 1);
        assertEquals(
                "{\"a\": 1, \"title\": \"\\u003cb\\u003eDonnées\\u003c/b\\u003e \\u0026 \\u0027x\\u0027\"}",
                PyJson.forHtml(o));
    }
}

package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as InvenioRDM's Python writes it: json.dumps' ", " and ": " separators on one line. flask-resources' answers
 * (IIIF: info.json 318 B, the two-image manifest 2131 B, the 400 errors 85 and 151 B) keep the insertion order and
 * escape non-ASCII as \\uXXXX; pages (Jinja's tojson) sort the keys and escape &lt; &gt; &amp; and the quote; exports
 * are pretty-printed with two spaces.
 */
public final class PyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PyJson() {}

    /** json.dumps with its defaults, as flask-resources' JSONSerializer sends it. */
    public static byte[] dumps(JsonNode node) {
        return write(node, true).getBytes(StandardCharsets.US_ASCII);
    }

    /** For a single-quoted HTML attribute (data-record='...') or a script element, as Jinja's tojson writes it. */
    public static String forHtml(JsonNode node) {
        return write(sorted(node), false)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027");
    }

    /** Flask's json response with indent=2 and sorted keys (the export/json page). */
    public static String pretty(JsonNode node) {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(p).writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String write(JsonNode node, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, node, asciiOnly);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode n, boolean asciiOnly) {
        if (n.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) sb.append(", ");
                first = false;
                string(sb, e.getKey(), asciiOnly);
                sb.append(": ");
                write(sb, e.getValue(), asciiOnly);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) sb.append(", ");
                write(sb, n.get(i), asciiOnly);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            string(sb, n.asText(), asciiOnly);
        } else {
            sb.append(n.toString());
        }
    }

    private static void string(StringBuilder sb, String s, boolean asciiOnly) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7E)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** A copy with every object's keys in order (sort_keys=True). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String n : names) out.set(n, sorted(node.get(n)));
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return node;
    }
}

package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * flask-resources' CSVSerializer (header_separator "."), in two variants: the full one
 * (application/vnd.inveniordm.v1.full+csv) flattens the whole record JSON (list items by index, columns sorted,
 * Python's True/False); the simple one (application/vnd.inveniordm.v1.simple+csv) has v13's ten fixed columns, a
 * list's values joined by newlines. Rows end in CRLF, cells quoted only when they must be (Python's csv module).
 */
public final class Csv {
    /** The simple CSV's columns (v13's app config). */
    private static final List<String> SIMPLE_COLUMNS = List.of(
            "id",
            "created",
            "pids.doi.identifier",
            "metadata.title",
            "metadata.description",
            "metadata.resource_type.title.en",
            "metadata.publication_date",
            "metadata.creators.person_or_org.type",
            "metadata.creators.person_or_org.name",
            "metadata.rights.id");

    private Csv() {}

    public static String full(RecordItem r) {
        Map<String, String> cells = new TreeMap<>();
        flatten(r.json(), "", cells);
        return table(new ArrayList<>(cells.keySet()), cells);
    }

    public static String simple(RecordItem r) {
        Map<String, String> cells = new TreeMap<>();
        for (String column : SIMPLE_COLUMNS) {
            List<String> values = new ArrayList<>();
            collect(r.json(), List.of(column.split("\\.")), 0, values);
            cells.put(column, String.join("\n", values));
        }
        return table(SIMPLE_COLUMNS, cells);
    }

    private static String table(List<String> header, Map<String, String> cells) {
        return String.join(",", header.stream().map(Csv::cell).toList()) + "\r\n"
                + String.join(",", header.stream().map(h -> cell(cells.get(h))).toList()) + "\r\n";
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject())
            node.properties()
                    .forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        else if (node.isArray()) for (int i = 0; i < node.size(); i++) flatten(node.get(i), path + "." + i, out);
        else out.put(path, scalar(node));
    }

    /** The values at a dotted path, through lists (as flask-resources' simple CSV reads them). */
    private static void collect(JsonNode node, List<String> path, int i, List<String> out) {
        if (node.isArray()) {
            for (JsonNode n : node) collect(n, path, i, out);
            return;
        }
        if (i == path.size()) {
            if (!node.isMissingNode() && !node.isContainerNode()) out.add(scalar(node));
            return;
        }
        collect(node.path(path.get(i)), path, i + 1, out);
    }

    private static String scalar(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) return "";
        if (n.isBoolean()) return n.asBoolean() ? "True" : "False";
        if (n.isFloatingPointNumber()) return Double.toString(n.asDouble());
        return n.asText();
    }

    private static String cell(String v) {
        if (v == null) return "";
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}

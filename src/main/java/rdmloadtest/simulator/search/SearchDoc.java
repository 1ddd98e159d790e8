package rdmloadtest.simulator.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A record as the search index sees it: every JSON path with its values, tokenised for matching. */
public final class SearchDoc {
    private final Map<String, List<List<String>>> fields = new HashMap<>();

    public SearchDoc(JsonNode record) {
        flatten("", record);
    }

    private void flatten(String path, JsonNode n) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("links"))
                    flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue());
            });
        } else if (n.isArray()) {
            for (JsonNode c : n) flatten(path, c);
        } else if (!n.isNull()) {
            fields.computeIfAbsent(path, k -> new ArrayList<>()).add(tokens(n.asText()));
        }
    }

    /** OpenSearch's standard analyser, roughly: lower case, split on anything that is not a letter or digit. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!t.isEmpty()) out.add(t);
        return out;
    }

    /** Values of a field; a field name also matches its sub-fields (metadata.creators → ...person_or_org.name). */
    List<List<String>> values(String field) {
        if (field == null) {
            List<List<String>> all = new ArrayList<>();
            fields.forEach((k, v) -> {
                if (k.startsWith("metadata.") || k.equals("id")) all.addAll(v);
            });
            return all;
        }
        List<List<String>> exact = fields.get(field);
        if (exact != null) return exact;
        List<List<String>> out = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (k.startsWith(field + ".")) out.addAll(v);
        });
        return out;
    }
}

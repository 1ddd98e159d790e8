package rdmloadtest.simulator.vocabularies;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The props of v13's resource type vocabulary (simulator/resource_type_props.csv, copied from the vocabulary fixture):
 * what each type is called in CSL, DataCite, schema.org, info:eu-repo and OpenAIRE.
 */
public final class ResourceTypeProps {
    /** The file's columns. */
    private static final List<String> NAMES =
            List.of("id", "csl", "datacite_general", "datacite_type", "schema.org", "eurepo", "openaire_type");

    private static final Map<String, String[]> PROPS = load();

    private ResourceTypeProps() {}

    /** The prop {@code name} of resource type {@code typeId}, or {@code fallback} when the type has none. */
    public static String get(String typeId, String name, String fallback) {
        String[] p = PROPS.get(typeId);
        return p == null || p[NAMES.indexOf(name)].isEmpty() ? fallback : p[NAMES.indexOf(name)];
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> out = new HashMap<>();
        for (CSVRecord rec : CsvResource.read("simulator/resource_type_props.csv")) {
            String[] row = new String[NAMES.size()];
            for (int i = 0; i < row.length; i++) row[i] = rec.get(NAMES.get(i));
            out.put(row[0], row);
        }
        return out;
    }
}

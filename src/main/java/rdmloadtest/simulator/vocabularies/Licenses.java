package rdmloadtest.simulator.vocabularies;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** The licenses of InvenioRDM's licenses vocabulary that the landing page describes (simulator/licenses.csv). */
public final class Licenses {
    /** One license: its English title and description, and where to read it. */
    public record License(String id, String title, String description, String link) {}

    private static final Map<String, License> LICENSES = load();

    private Licenses() {}

    public static Optional<License> get(String id) {
        return Optional.ofNullable(LICENSES.get(id));
    }

    private static Map<String, License> load() {
        Map<String, License> out = new HashMap<>();
        for (CSVRecord rec : CsvResource.read("simulator/licenses.csv"))
            out.put(
                    rec.get("id"),
                    new License(rec.get("id"), rec.get("title_en"), rec.get("description_en"), rec.get("link")));
        return out;
    }
}

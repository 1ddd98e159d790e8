package rdmloadtest.simulator.vocabularies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** The resource types of InvenioRDM's default vocabulary for one major version (v13 or v14). */
public final class Vocabularies {
    public record ResourceType(String id, String type, String subtype, String titleEn) {}

    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();

    public Vocabularies(String version) {
        for (CSVRecord rec : CsvResource.read("simulator/resource_types.csv")) {
            if (!List.of(rec.get("versions").split(" ")).contains(version)) continue;
            resourceTypes.put(
                    rec.get("id"),
                    new ResourceType(rec.get("id"), rec.get("type"), rec.get("subtype"), rec.get("title_en")));
        }
    }

    public Optional<ResourceType> resourceType(String id) {
        return Optional.ofNullable(resourceTypes.get(id));
    }
}

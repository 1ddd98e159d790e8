package rdmloadtest.simulator.api;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The resource types of InvenioRDM's default vocabulary for one major version (v13 or v14). */
public final class Vocabularies {
    public record ResourceType(String id, String type, String subtype, String titleEn) {}

    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();

    public Vocabularies(String version) {
        try (Reader r = new InputStreamReader(
                Vocabularies.class.getClassLoader().getResourceAsStream("simulator/resource_types.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                if (!List.of(rec.get("versions").split(" ")).contains(version)) continue;
                resourceTypes.put(
                        rec.get("id"),
                        new ResourceType(rec.get("id"), rec.get("type"), rec.get("subtype"), rec.get("title_en")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read simulator/resource_types.csv", e);
        }
    }

    public Optional<ResourceType> resourceType(String id) {
        return Optional.ofNullable(resourceTypes.get(id));
    }
}

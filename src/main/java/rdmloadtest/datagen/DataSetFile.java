package rdmloadtest.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.feeders.JsonLines;

/** A file of a generated data set, as its records.jsonl lists it: what checksums and the file tree are written for. */
record DataSetFile(String recordId, String key, long size) {

    /** Every file of the data set in {@code dir}, in the order of its records.jsonl. */
    static List<DataSetFile> listed(Path dir) throws IOException {
        List<DataSetFile> files = new ArrayList<>();
        try (JsonLines lines = new JsonLines(dir.resolve("records.jsonl"))) {
            while (lines.hasNext()) {
                JsonNode r = lines.next();
                r.path("files")
                        .path("entries")
                        .fields()
                        .forEachRemaining(e -> files.add(new DataSetFile(
                                r.path("id").asText(),
                                e.getKey(),
                                e.getValue().path("size").asLong())));
            }
        }
        return files;
    }
}

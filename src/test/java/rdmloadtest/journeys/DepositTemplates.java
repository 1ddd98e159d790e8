package rdmloadtest.journeys;

import static rdmloadtest.api.SessionKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import rdmloadtest.feeders.DataFileException;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.run.LoadTestConfig;

/**
 * Deposits modelled on the generated records: their metadata (which a real InvenioRDM accepts), access and
 * file names and sizes (capped), plus the run's marker keyword and a fresh title. Loops over records.jsonl.
 */
final class DepositTemplates implements Iterator<Map<String, Object>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final LoadTestConfig cfg;
    private final AtomicLong counter = new AtomicLong();
    private JsonLines lines;

    DepositTemplates(Path file, LoadTestConfig cfg) {
        this.file = file;
        this.cfg = cfg;
        this.lines = new JsonLines(file);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized Map<String, Object> next() {
        // Each injector deposits from its own slice of the templates, so no two make the same record.
        int reopened = 0;
        while (true) {
            if (!lines.hasNext()) {
                lines.close();
                if (++reopened > 1) {
                    throw new DataFileException(
                            file,
                            lines.line(),
                            "no record for injector " + cfg.shard().index() + " of "
                                    + cfg.shard().count() + " (fewer records than injectors)");
                }
                lines = new JsonLines(file);
            }
            JsonNode record = lines.next();
            if (cfg.shard().owns(lines.line())) return deposit(record, cfg, counter.incrementAndGet());
        }
    }

    static Map<String, Object> deposit(JsonNode record, LoadTestConfig cfg, long n) {
        ObjectNode payload = JSON.createObjectNode();
        ObjectNode metadata = ((ObjectNode) record.path("metadata")).deepCopy();
        metadata.put(
                "title",
                metadata.path("title").asText("Untitled") + " (load test " + cfg.runId() + " #"
                        + cfg.shard().index() + "-" + n + ")");
        ArrayNode subjects =
                metadata.has("subjects") && metadata.get("subjects").isArray()
                        ? (ArrayNode) metadata.get("subjects")
                        : metadata.putArray("subjects");
        subjects.addObject().put("subject", cfg.marker());
        payload.set(METADATA, metadata);
        ObjectNode access = ((ObjectNode) record.path("access")).deepCopy();
        access.remove(STATUS);
        payload.set(ACCESS, access);
        boolean filesEnabled = record.path("files").path("enabled").asBoolean(true);
        payload.putObject("files").put("enabled", filesEnabled);
        payload.putObject("custom_fields");
        List<Map<String, Object>> files = new ArrayList<>();
        if (filesEnabled) {
            record.path("files").path("entries").fields().forEachRemaining(e -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("key", e.getKey());
                f.put(
                        "size",
                        Math.min(
                                e.getValue().path("size").asLong(1),
                                cfg.traffic().depositors().maxUploadBytes()));
                files.add(f);
            });
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("draftJson", payload.toString());
        row.put("uploadFiles", files);
        row.put(
                "contentSeed",
                cfg.runId() + "/" + cfg.shard().index() + "/"
                        + record.path("id").asText() + "/" + n);
        return row;
    }
}

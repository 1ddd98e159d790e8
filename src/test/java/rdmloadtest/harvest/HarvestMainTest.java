package rdmloadtest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.datagen.RecordIds;
import rdmloadtest.feeders.CsvRows;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.invenio.InvenioTarget;

class HarvestMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOTAL = 30_000;

    @TempDir
    Path out;

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private String baseUrl;

    /** A fake /api/records with TOTAL hits per sort order that, like InvenioRDM, answers 400 past the window. */
    @BeforeEach
    void startServer() throws IOException {
        RecordIds ids = new RecordIds(1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/records", exchange -> {
            Map<String, String> q = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], kv[1]);
            }
            requests.add(q);
            int size = Integer.parseInt(q.get("size"));
            int page = Integer.parseInt(q.get("page"));
            int status = (page - 1) * size < 10_000 ? 200 : 400;
            ObjectNode body = JSON.createObjectNode();
            body.putObject("hits").put("total", TOTAL);
            ArrayNode hits = body.withObject("hits").putArray("hits");
            int offset = "oldest".equals(q.get("sort")) ? TOTAL / 2 : 0;
            for (int i = (page - 1) * size; i < Math.min(page * size, 10_000); i++) {
                ObjectNode hit = hits.addObject();
                hit.put("id", ids.record((i + offset) % TOTAL));
                hit.putObject("parent").put("id", ids.parent((i + offset) % TOTAL));
                hit.putObject("access").put("record", "public").put("status", "open");
                ObjectNode m = hit.putObject("metadata");
                m.put("title", "Ocean temperature record " + i);
                m.putObject("resource_type").put("id", "dataset");
                hit.putObject("files")
                        .put("count", 1)
                        .putObject("entries")
                        .putObject("data.csv")
                        .put("key", "data.csv")
                        .put("size", 10)
                        .put("mimetype", "text/csv");
            }
            body.putObject("aggregations")
                    .putObject("access_status")
                    .putArray("buckets")
                    .addObject()
                    .put("key", "open");
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void harvest(long maxRecords) throws Exception {
        new HarvestMain(
                        InvenioTarget.from(new Settings(ConfigSource.ofMap(Map.of("invenio.baseUrl", baseUrl))), null),
                        out,
                        1000,
                        maxRecords,
                        1000)
                .run();
    }

    private List<String> harvestedIds() {
        List<String> ids = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(out, FeederFile.RECORDS)) {
            rows.forEachRemaining(r -> ids.add((String) r.get("id")));
        }
        return ids;
    }

    @Test
    void harvestStaysInsideTheResultWindowAndVariesSortsToReachMore() throws Exception {
        harvest(25_000);
        for (Map<String, String> q : requests) {
            assertTrue(Integer.parseInt(q.get("page")) * Integer.parseInt(q.get("size")) <= 10_000, q.toString());
        }
        List<String> ids = harvestedIds();
        assertTrue(ids.size() > 10_000, "more than one window: " + ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertTrue(Files.readString(FeederFile.FILES.in(out), StandardCharsets.UTF_8)
                .contains(",data.csv,10,text/csv"));
        assertTrue(Files.readString(FeederFile.SEARCH_QUERIES.in(out)).contains("term,"));
    }

    @Test
    void aSecondRunResumesFromTheCheckpointWithoutRefetchingDonePages() throws Exception {
        harvest(3000);
        List<String> first = harvestedIds();
        int requestsBefore = requests.size();
        harvest(6000);
        List<String> second = harvestedIds();
        assertEquals(3000, first.size());
        assertEquals(6000, second.size());
        assertEquals(first, second.subList(0, 3000));
        List<Map<String, String>> resumed = requests.subList(requestsBefore, requests.size());
        assertEquals("4", resumed.get(0).get("page"), "continues after the last checkpointed page");
    }
}

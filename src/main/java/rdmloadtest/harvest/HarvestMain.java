package rdmloadtest.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVPrinter;
import rdmloadtest.cli.Command;
import rdmloadtest.cli.Progress;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Folders;
import rdmloadtest.datagen.AccessMix;
import rdmloadtest.datagen.FeederOutput;
import rdmloadtest.datagen.QueryTerms;
import rdmloadtest.datagen.ShapeSummary;
import rdmloadtest.feeders.DataFileException;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.feeders.JsonLines;
import rdmloadtest.invenio.InvenioClient;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.InvenioTarget;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.run.RunMarker;

/**
 * Reads ids, file keys and search terms from a real InvenioRDM's {@code GET /api/records} into the same feeder files
 * the generator writes, so a load test can run against existing content, and the repository's shape without its
 * content ({@code <out>/shape.json}, a {@link ShapeSummary}) for datagen to mirror ({@code -Ddatagen.shape}).
 *
 * <pre>
 * [INVENIO_TOKEN=...] mvn -q exec:java@harvest -Dinvenio.baseUrl=https://inveniordm.example.org [-Dharvest.out=data/harvested] [-Dharvest.rate=2]
 *     [-Dharvest.pageSize=100] [-Dharvest.maxRecords=20000] [-Dinvenio.insecureTls=true]
 * </pre>
 *
 * <p>Search only serves the first 10 000 hits of a query (page*size ≤ 10 000), so it walks several slices: sorts
 * mostviewed (first, so rank order approximates popularity), newest and oldest, then newest/oldest within each
 * access_status and resource_type facet value. Polite: at most {@code harvest.rate} requests a second, honours
 * 429 Retry-After. Resumable: {@code <out>/harvest/checkpoint.json} records finished slices and the next page;
 * rerun the same command to continue. Reads only (GET), so any target is allowed.
 */
public final class HarvestMain {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int WINDOW = 10_000;

    private final InvenioTarget target;
    private final InvenioClient client;
    private final Path out;
    private final Path work;
    private final int pageSize;
    private final long maxRecords;
    /** Records seen so far, for the progress line (another thread). */
    private final AtomicLong harvested = new AtomicLong();
    /** The records the target shows anonymous searches (the first slice's total), -1 until known. */
    private volatile long visibleTotal = -1;

    private ObjectNode checkpoint;
    private final Set<String> seen = new HashSet<>();

    HarvestMain(InvenioTarget target, Path out, int pageSize, long maxRecords, double rate) {
        this.target = target;
        this.out = out;
        this.work = out.resolve("harvest");
        this.pageSize = pageSize;
        this.maxRecords = maxRecords;
        this.client = target.client()
                .paced(rate)
                .retrying(InvenioClient.Retry.PATIENT, why -> System.out.println("harvest: " + why + ", retrying"));
    }

    public static void main(String[] args) {
        Command.main("harvest", s -> {
            String token = Environment.get(InvenioTarget.TOKEN_VARIABLE);
            InvenioTarget target = InvenioTarget.from(s, token);
            Folders.writable(HarvestKeys.OUT.name(), Path.of(s.get(HarvestKeys.OUT)));
            System.out.println("harvest: target: "
                    + Preflight.of(
                            s,
                            target.baseUrl,
                            s.get(InvenioKeys.INVENIO_VERSION),
                            InvenioTarget.TOKEN_VARIABLE,
                            target.hasToken() ? List.of(token) : List.of()));
            try {
                new HarvestMain(
                                target,
                                Path.of(s.get(HarvestKeys.OUT)),
                                s.get(HarvestKeys.PAGE_SIZE),
                                s.get(HarvestKeys.MAX_RECORDS),
                                s.get(HarvestKeys.RATE))
                        .run();
            } catch (IOException | UncheckedIOException e) {
                System.err.println(
                        "rdm-loadtest: harvest: " + e.getMessage() + " (rerun to resume from the checkpoint)");
                return Command.FAILED;
            }
            return Command.OK;
        });
    }

    void run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path hits = work.resolve("hits.jsonl");
        loadCheckpoint(hits);
        System.out.printf("harvest: %s -> %s, %d records so far%n", target.baseUrl, out, seen.size());
        harvested.set(seen.size());
        Progress progress = Progress.start(
                "harvest",
                "records",
                () -> visibleTotal < 0 ? -1 : Math.min(maxRecords, visibleTotal),
                harvested::get,
                seen.size());
        try (BufferedWriter hitsOut = Files.newBufferedWriter(
                hits, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String slice : slices()) {
                if (seen.size() >= maxRecords) {
                    break;
                }
                if (doneSlices().contains(slice)) {
                    continue;
                }
                harvestSlice(slice, hitsOut);
            }
        }
        if (target.hasToken() && !checkpoint.path("depositor_done").asBoolean()) {
            harvestOwnRecords();
        }
        progress.close();
        writeFeeders(hits);
        System.out.printf("harvest: wrote %s/feeders and %s/shape.json from %d records%n", out, out, seen.size());
    }

    /** The query slices, mostviewed first; facet slices use the values the first answer's aggregations showed. */
    private List<String> slices() {
        List<String> slices = new ArrayList<>(List.of("sort=mostviewed", "sort=newest", "sort=oldest"));
        for (String facet : List.of("access_status", "resource_type")) {
            for (JsonNode value : checkpoint.withObject("facets").withArray(facet)) {
                if (value.asText().contains("::")) {
                    continue;
                }
                for (String sort : List.of("newest", "oldest")) {
                    slices.add("sort=" + sort + "&" + facet + "="
                            + URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
                }
            }
        }
        return slices;
    }

    private Set<String> doneSlices() {
        Set<String> done = new HashSet<>();
        checkpoint.withArray("done_slices").forEach(n -> done.add(n.asText()));
        return done;
    }

    private void harvestSlice(String slice, BufferedWriter hitsOut) throws IOException, InterruptedException {
        int lastPage = WINDOW / pageSize;
        int page = slice.equals(checkpoint.path("current_slice").asText())
                ? checkpoint.path("next_page").asInt(1)
                : 1;
        boolean finished = page > lastPage;
        for (; page <= lastPage && !finished && seen.size() < maxRecords; page++) {
            JsonNode body = get("/api/records?" + slice + "&size=" + pageSize + "&page=" + page);
            collectFacets(body.path("aggregations"));
            JsonNode list = body.at("/hits/hits");
            long lines = checkpoint.path("hits_lines").asLong();
            for (JsonNode hit : list) {
                if (seen.size() < maxRecords && seen.add(hit.path("id").asText())) {
                    harvested.incrementAndGet();
                    hitsOut.write(JSON.writeValueAsString(compact(hit)));
                    hitsOut.write('\n');
                    lines++;
                }
            }
            hitsOut.flush();
            long total = body.at("/hits/total").asLong();
            if (slice.equals("sort=mostviewed")) visibleTotal = total;
            finished = list.size() < pageSize || (long) page * pageSize >= Math.min(total, WINDOW);
            checkpoint.put("hits_lines", lines);
            checkpoint.put("current_slice", slice);
            checkpoint.put("next_page", page + 1);
            saveCheckpoint();
        }
        if (finished || page > lastPage) {
            checkpoint.withArray("done_slices").add(slice);
            checkpoint.remove("current_slice");
            checkpoint.remove("next_page");
            saveCheckpoint();
            System.out.printf("harvest: slice %s done, %d records%n", slice, seen.size());
        }
    }

    /** What the feeders need from a search hit, so hits.jsonl stays small. */
    private static ObjectNode compact(JsonNode hit) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", hit.path("id").asText());
        c.put("parent_id", hit.at("/parent/id").asText());
        c.put("access_status", hit.at("/access/status").asText());
        c.put("record_access", hit.at("/access/record").asText("public"));
        c.put("resource_type", hit.at("/metadata/resource_type/id").asText());
        c.put("title", hit.at("/metadata/title").asText());
        ArrayNode names = c.putArray("creators");
        hit.at("/metadata/creators").forEach(cr -> {
            if ("personal".equals(cr.at("/person_or_org/type").asText())) {
                names.add(cr.at("/person_or_org/name").asText());
            }
        });
        ArrayNode subjects = c.putArray("subjects");
        // Our own marker subjects (seed, load-test runs) are not content: no query is drawn from them.
        hit.at("/metadata/subjects").forEach(s -> {
            if (!RunMarker.isMarker(s.path("subject").asText()))
                subjects.add(s.path("subject").asText());
        });
        ArrayNode files = c.putArray("files");
        JsonNode entries = hit.at("/files/entries");
        // Record JSON keys entries by file name (an object); forEach walks its values either way.
        entries.forEach(e -> {
            ObjectNode f = files.addObject();
            f.put("key", e.path("key").asText());
            f.put("size", e.path("size").asLong());
            f.put("mimetype", e.path("mimetype").asText("application/octet-stream"));
        });
        c.put("file_count", hit.at("/files/count").asInt(files.size()));
        // What the shape summary counts: a hit is the latest version, so its index is the parent's version count.
        c.put(
                "description_words",
                ShapeSummary.wordCount(hit.at("/metadata/description").asText("")));
        c.put("versions", hit.at("/versions/index").asInt(1));
        // Count and entries are there only for who may read the files: others' restricted files are not counted.
        c.put(
                "files_shown",
                hit.at("/files/enabled").asBoolean(true) && hit.at("/files").has("count"));
        c.put("communities", hit.at("/parent/communities/ids").size());
        return c;
    }

    private void collectFacets(JsonNode aggregations) {
        ObjectNode facets = checkpoint.withObject("facets");
        for (String facet : List.of("access_status", "resource_type", "file_type")) {
            TreeSet<String> values = new TreeSet<>();
            facets.withArray(facet).forEach(v -> values.add(v.asText()));
            for (JsonNode bucket : aggregations.at("/" + facet + "/buckets")) {
                String key = bucket.path("key").asText();
                values.add(key);
                for (JsonNode inner : bucket.at("/inner/buckets")) {
                    values.add(key + "::" + inner.path("key").asText());
                }
            }
            ArrayNode array = facets.putArray(facet);
            values.forEach(array::add);
        }
    }

    /** With a token: the token user's published records, as depositor "1", for edit/new-version journeys. */
    private void harvestOwnRecords() throws IOException, InterruptedException {
        ArrayNode own = checkpoint.putArray("depositor_ids");
        for (int page = 1; page <= WINDOW / pageSize; page++) {
            JsonNode body = get("/api/user/records?is_published=true&sort=newest&size=" + pageSize + "&page=" + page);
            JsonNode list = body.at("/hits/hits");
            for (JsonNode hit : list) {
                if (hit.path("is_published").asBoolean()
                        && hit.at("/versions/is_latest").asBoolean(true)) {
                    own.add(hit.path("id").asText());
                }
            }
            if (list.size() < pageSize) {
                break;
            }
        }
        checkpoint.put("depositor_done", true);
        saveCheckpoint();
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return client.getJson(pathAndQuery);
    }

    private void loadCheckpoint(Path hits) throws IOException {
        Path file = work.resolve("checkpoint.json");
        if (!Files.exists(file)) {
            checkpoint = JSON.createObjectNode();
            Files.deleteIfExists(hits);
            return;
        }
        try {
            checkpoint = (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            throw new DataFileException(file, 1, "malformed checkpoint: " + e.getMessage(), e);
        }
        // Keep only hits the checkpoint vouches for: a crash between append and checkpoint leaves extra lines.
        long keep = checkpoint.path("hits_lines").asLong();
        List<String> kept = new ArrayList<>();
        if (Files.exists(hits)) {
            try (var lines = Files.lines(hits, StandardCharsets.UTF_8)) {
                lines.limit(keep).forEach(kept::add);
            }
        }
        Files.write(hits, kept, StandardCharsets.UTF_8);
        for (String line : kept) {
            seen.add(JSON.readTree(line).path("id").asText());
        }
    }

    private void saveCheckpoint() throws IOException {
        Path file = work.resolve("checkpoint.json");
        Path temp = work.resolve("checkpoint.json.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), checkpoint);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Feeder files in the generator's format; ranks follow first appearance (mostviewed slice first). And the shape
     * summary of every hit, the restricted ones a token shows included.
     */
    private void writeFeeders(Path hits) throws IOException {
        Path feeders = out.resolve("feeders");
        Files.createDirectories(feeders);
        QueryTerms terms = new QueryTerms(42);
        ShapeSummary.Tally shape = new ShapeSummary.Tally();
        long visible = 0;
        try (JsonLines lines = new JsonLines(hits);
                CSVPrinter records = printer(FeederFile.RECORDS);
                CSVPrinter files = printer(FeederFile.FILES)) {
            int rank = 0;
            while (lines.hasNext()) {
                JsonNode h = lines.next();
                addToShape(shape, h);
                if (!"public".equals(h.path("record_access").asText())) {
                    continue;
                }
                visible++;
                records.printRecord(
                        ++rank,
                        h.path("id").asText(),
                        h.path("parent_id").asText(),
                        h.path("access_status").asText(),
                        h.path("file_count").asInt(),
                        h.path("resource_type").asText());
                if ("open".equals(h.path("access_status").asText())) {
                    for (JsonNode f : h.path("files")) {
                        files.printRecord(
                                h.path("id").asText(),
                                f.path("key").asText(),
                                f.path("size").asLong(),
                                f.path("mimetype").asText());
                    }
                }
                terms.offerTitle(h.path("title").asText());
                h.path("creators").forEach(n -> terms.offerCreatorName(n.asText()));
                h.path("subjects").forEach(s -> terms.offerSubject(s.asText()));
            }
        }
        shape.summary().write(out.resolve("shape.json"));
        try (CSVPrinter queries = printer(FeederFile.SEARCH_QUERIES)) {
            for (String[] q : terms.queries((int) Math.max(50, Math.min(2000, visible)))) {
                queries.printRecord((Object[]) q);
            }
        }
        try (CSVPrinter facets = printer(FeederFile.FACETS)) {
            for (String facet : List.of("access_status", "resource_type", "file_type")) {
                for (JsonNode v : checkpoint.withObject("facets").withArray(facet)) {
                    facets.printRecord(facet, v.asText());
                }
            }
        }
        try (CSVPrinter depositor = printer(FeederFile.DEPOSITOR_RECORDS)) {
            for (JsonNode id : checkpoint.withArray("depositor_ids")) {
                depositor.printRecord("1", id.asText());
            }
        }
    }

    private static void addToShape(ShapeSummary.Tally shape, JsonNode hit) {
        long[] sizes = new long[hit.path("files").size()];
        for (int i = 0; i < sizes.length; i++)
            sizes[i] = hit.path("files").get(i).path("size").asLong();
        shape.add(
                hit.path("description_words").asInt(),
                hit.path("versions").asInt(1),
                hit.path("files_shown").asBoolean(),
                hit.path("file_count").asInt(),
                sizes,
                AccessMix.Kind.of(
                        hit.path("record_access").asText(),
                        hit.path("access_status").asText()),
                hit.path("communities").asInt());
    }

    private CSVPrinter printer(FeederFile kind) throws IOException {
        CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(kind.in(out), StandardCharsets.UTF_8), FeederOutput.CSV);
        p.printRecord((Object[]) kind.header());
        return p;
    }
}

package rdmloadtest.invenio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the target held when a run started: capacity depends on it (a search over 300 records costs more than over
 * 45), so every run summary and capacity report records it. Read with anonymous searches only (what the public sees),
 * so it is safe against any target.
 *
 * @param records published records (latest versions) a search finds
 * @param versions every version of them
 * @param filesEstimate records × the mean files per record of the sample
 * @param sampled records in the sample the means come from (the newest)
 * @param meanRecordBytes mean size of a record as the search serializes it
 * @param pageSize the page size the search journey asks for; meanHitsPerPage what its queries' first pages held
 * @param feederRecords records the run's feeders name (null: unknown)
 * @param productionRecords the production size the operator gave (data.productionRecords; null: not given)
 * @param warnings when the target holds far fewer records than the feeders or production
 */
public record Dataset(
        String probedAt,
        long records,
        long versions,
        long filesEstimate,
        int sampled,
        double meanFilesPerRecord,
        double meanRecordBytes,
        int pageSize,
        double meanHitsPerPage,
        int queriesSampled,
        Long feederRecords,
        Long productionRecords,
        List<String> warnings) {

    /** The file a run folder keeps it in. */
    public static final String FILE = "dataset.json";

    /** Far fewer: below this share of what the feeders name or production holds. */
    static final double FAR_FEWER = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int SAMPLE = 25;

    /**
     * @param queries some of the search journey's queries (the first few are sent)
     * @throws IOException when the target does not answer its record search
     */
    public static Dataset probe(
            HttpClient http, String siteUrl, List<String> queries, int pageSize, Long feederRecords, Long production)
            throws IOException, InterruptedException {
        String site = siteUrl.replaceAll("/+$", "");
        JsonNode newest = get(http, site + "/api/records?size=" + SAMPLE + "&sort=newest");
        long records = newest.at("/hits/total").asLong();
        long versions = get(http, site + "/api/records?size=1&allversions=true")
                .at("/hits/total")
                .asLong();
        double bytes = 0, files = 0;
        int n = 0;
        for (JsonNode hit : newest.at("/hits/hits")) {
            bytes += JSON.writeValueAsBytes(hit).length;
            files += fileCount(hit.path("files"));
            n++;
        }
        double hits = 0;
        int q = 0;
        for (String query : queries.subList(0, Math.min(5, queries.size()))) {
            hits += get(
                            http,
                            site + "/api/records?size=" + pageSize + "&q="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8))
                    .at("/hits/hits")
                    .size();
            q++;
        }
        double filesPerRecord = n == 0 ? 0 : files / n;
        List<String> warnings = new ArrayList<>();
        if (feederRecords != null && records < FAR_FEWER * feederRecords)
            warnings.add(String.format(
                    Locale.ROOT,
                    "the target holds %d records, the feeders name %d: most ids will not be found, and searches cost"
                            + " less than they will with the full data (seed it: mvn -q exec:java@seed)",
                    records,
                    feederRecords));
        if (production != null && records < FAR_FEWER * production)
            warnings.add(String.format(
                    Locale.ROOT,
                    "the target holds %d records, production %d (data.productionRecords): capacity measured on less"
                            + " data overstates what production sustains; seed it to production's volume before sizing",
                    records,
                    production));
        return new Dataset(
                Instant.now().toString(),
                records,
                versions,
                Math.round(records * filesPerRecord),
                n,
                filesPerRecord,
                n == 0 ? 0 : bytes / n,
                pageSize,
                q == 0 ? Double.NaN : hits / q,
                q,
                feederRecords,
                production,
                List.copyOf(warnings));
    }

    private static int fileCount(JsonNode files) {
        if (files.path("count").isNumber()) return files.path("count").asInt();
        return files.path("entries").size();
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = InvenioHttp.getJson(http, url, null, TIMEOUT);
        if (r.statusCode() != 200) throw new IOException("GET " + url + " answered " + r.statusCode());
        return JSON.readTree(r.body());
    }

    /** The console's line. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "dataset: %d records (%d versions), about %d files (%.1f per record), mean record %.1f KB, %.1f hits"
                        + " per search page of %d",
                records,
                versions,
                filesEstimate,
                meanFilesPerRecord,
                meanRecordBytes / 1000,
                meanHitsPerPage,
                pageSize);
    }

    /** A summary's section. */
    public String markdown() {
        StringBuilder b = new StringBuilder("\n## Dataset (what the target held at the start)\n\n")
                .append("| Records | Versions | Files (est.) | Files per record | Mean record (bytes) | Hits per search"
                        + " page |\n|---:|---:|---:|---:|---:|---:|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %.2f | %.0f | %.1f of %d |%n",
                        records,
                        versions,
                        filesEstimate,
                        meanFilesPerRecord,
                        meanRecordBytes,
                        meanHitsPerPage,
                        pageSize));
        b.append(String.format(
                Locale.ROOT,
                "%nAnonymous searches at %s; means over the %d newest records and %d of the search journey's queries.%n",
                probedAt,
                sampled,
                queriesSampled));
        for (String w : warnings) b.append("\n**Warning:** ").append(w).append('\n');
        return b.toString();
    }

    public void write(Path file) throws IOException {
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    public static Dataset read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Dataset.class);
    }
}

package rdmloadtest.datagen;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import rdmloadtest.cli.Progress;

/** Writes a data set: records.jsonl, communities.jsonl and feeders/*.csv, streaming, a parent at a time. */
public final class Generator {

    /** What a run produced. */
    public record Summary(
            long records, long parents, long files, long visibleRecords, long downloadableFiles, double seconds) {
        public double recordsPerSecond() {
            return records / Math.max(seconds, 1e-9);
        }
    }

    /** Lines are separated by our own '\n', not Jackson's default root separator (a space). */
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator("");

    private Generator() {}

    /** @param progress true: a progress line (k of n, rate, ETA) every few seconds on the console */
    public static Summary run(DatagenSettings settings, boolean progress) throws IOException {
        long start = System.nanoTime();
        Path dir = settings.out();
        Files.createDirectories(dir);
        List<GeneratedCommunity> communities = GeneratedCommunities.create(settings.seed());
        writeCommunities(dir.resolve("communities.jsonl"), communities);

        RecordFactory factory = new RecordFactory(
                settings.seed(),
                settings.records(),
                settings.owners(),
                settings.shape(),
                settings.shape().fileSizes().forCap(settings.maxFileSize()),
                communities);
        long records = 0;
        long parents = 0;
        long files = 0;
        AtomicLong written = new AtomicLong();
        Progress line = progress ? Progress.start("datagen", "records", settings.records(), written::get, 0) : null;
        FeederOutput feeders = new FeederOutput(dir, settings.seed());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("records.jsonl")), 1 << 20);
                JsonGenerator json = jsonLines(out)) {
            while (records < settings.records()) {
                int maxVersions = (int) Math.min(settings.shape().versions().max(), settings.records() - records);
                for (Record r : factory.parent(parents, records, maxVersions)) {
                    InvenioJsonWriter.write(json, r);
                    json.writeRaw('\n');
                    feeders.add(r);
                    files += r.files().size();
                    records++;
                }
                written.set(records);
                parents++;
            }
        } finally {
            if (line != null) line.close();
        }
        feeders.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Summary(records, parents, files, feeders.visibleRecords(), feeders.downloadableFiles(), seconds);
    }

    private static JsonGenerator jsonLines(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private static void writeCommunities(Path file, List<GeneratedCommunity> communities) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                JsonGenerator json = jsonLines(out)) {
            for (GeneratedCommunity c : communities) {
                InvenioJsonWriter.write(json, c);
                json.writeRaw('\n');
            }
        }
    }
}

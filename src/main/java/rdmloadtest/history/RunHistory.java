package rdmloadtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every run's summary and every capacity result, kept as one JSON file each in a folder (no server): the memory that
 * baselines and trends are made of. Files are named {@code <UTC time>-<kind>-<fingerprint id>.json}, so a folder
 * listing reads as a log and the newest sort last.
 */
public final class RunHistory {
    public static final String SCHEMA = "rdm-loadtest/history-entry/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A run ("run") or a capacity search ("capacity"), with what judged it. */
    public record Entry(
            String schema,
            String kind,
            String at,
            Fingerprint fingerprint,
            String fingerprintId,
            boolean passed,
            boolean valid,
            String source,
            JsonNode result) {

        /** A run that can stand for normal behaviour: its gate passed on valid measurements. */
        public boolean good() {
            return passed && valid;
        }
    }

    private final Path dir;

    public RunHistory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Keeps one result; {@code source} is where it was read from (a run folder, a report). */
    public Path record(
            String kind, Instant at, Fingerprint fp, boolean passed, boolean valid, String source, JsonNode result) {
        Entry e = new Entry(SCHEMA, kind, at.toString(), fp, fp.id(), passed, valid, source, result);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_TIME.format(at) + "-" + kind + "-" + fp.id() + ".json");
            Path tmp = Files.createTempFile(dir, ".entry", ".tmp");
            JSON.writeValue(tmp.toFile(), e);
            return Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("history " + dir + ": cannot write an entry", ex);
        }
    }

    /** Every entry of a kind, oldest first. A file that is not an entry is skipped with a line on stderr. */
    public List<Entry> all(String kind) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> isEntryFile(p, kind))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList()) {
                try {
                    Entry e = JSON.readValue(f.toFile(), Entry.class);
                    if (SCHEMA.equals(e.schema()) && kind.equals(e.kind())) out.add(e);
                } catch (IOException ex) {
                    System.err.println("history: skipping " + f + " ("
                            + ex.getMessage().lines().findFirst().orElse("") + ")");
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("history " + dir + ": cannot list it", ex);
        }
        return out;
    }

    /** The last {@code n} good entries comparable with {@code fp}, oldest first. */
    public List<Entry> lastGood(String kind, Fingerprint fp, int n) {
        List<Entry> good = all(kind).stream()
                .filter(Entry::good)
                .filter(e -> e.fingerprint().comparableWith(fp))
                .toList();
        return good.subList(Math.max(0, good.size() - n), good.size());
    }

    private static boolean isEntryFile(Path p, String kind) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") && name.contains("-" + kind + "-");
    }
}

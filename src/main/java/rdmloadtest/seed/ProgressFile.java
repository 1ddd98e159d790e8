package rdmloadtest.seed;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import rdmloadtest.datagen.RecordIds;
import rdmloadtest.feeders.DataFileException;

/**
 * The seeding's progress ({@code source_id,new_id,state}), one line flushed per state change before the next step, so
 * a rerun knows where each source record was: the last line of a source record wins (older files have no state:
 * published).
 */
final class ProgressFile implements Closeable {
    static final String HEADER = "source_id,new_id,state";
    static final String PUBLISHED = "published";
    static final String DRAFT = "draft";
    static final String DELETED = "deleted";
    /** Written before a draft is created: a crash before its id came back leaves a draft to find by its identity. */
    static final String CREATING = "creating";

    final Path path;
    /** Per source record: the new id of its published record. */
    final Map<String, String> done = new ConcurrentHashMap<>();
    /** Per source record started and not finished by an earlier run: its draft's id, or CREATING. */
    final Map<String, String> started = new ConcurrentHashMap<>();
    /** When an earlier run last wrote it (null: no earlier run). */
    final FileTime lastWritten;

    private final BufferedWriter out;

    ProgressFile(Path path) throws IOException {
        this.path = path;
        this.lastWritten = Files.exists(path) ? Files.getLastModifiedTime(path) : null;
        read();
        out = Files.newBufferedWriter(
                path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (Files.size(path) == 0) write(HEADER);
    }

    private void read() throws IOException {
        if (!Files.exists(path)) return;
        long line = 0;
        for (String text : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            line++;
            if (line == 1 && (text.equals(HEADER) || text.equals("source_id,new_id"))) continue;
            String[] parts = text.split(",");
            String state = parts.length == 3 ? parts[2] : PUBLISHED;
            if (parts.length < 2
                    || parts.length > 3
                    || !RecordIds.isValid(parts[0])
                    || !List.of(DRAFT, PUBLISHED, DELETED, CREATING).contains(state)) {
                throw new DataFileException(
                        path,
                        line,
                        "expected " + HEADER + " with a state of creating, draft, published or deleted, got '" + text
                                + "'");
            }
            switch (state) {
                case PUBLISHED -> {
                    done.put(parts[0], parts[1]);
                    started.remove(parts[0]);
                }
                case DRAFT -> started.put(parts[0], parts[1]);
                case CREATING -> started.put(parts[0], CREATING);
                default -> started.remove(parts[0]);
            }
        }
    }

    /** The draft id an earlier run wrote for this source record, if it got that far. */
    Optional<String> draftOf(String source) {
        String known = started.get(source);
        return known == null || known.equals(CREATING) ? Optional.empty() : Optional.of(known);
    }

    synchronized void remember(String source, String id, String state) throws IOException {
        write(source + "," + id + "," + state);
    }

    private void write(String line) throws IOException {
        out.write(line + "\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

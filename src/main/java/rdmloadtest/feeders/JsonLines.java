package rdmloadtest.feeders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** One pass over a JSON Lines file ({@code records.jsonl}, {@code communities.jsonl}), an object a line. */
public final class JsonLines implements Iterator<JsonNode>, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedReader reader;
    private String pending;
    private long line;

    public JsonLines(Path file) {
        this.file = file;
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DataFileException.whole(file, "file not found", e);
        } catch (IOException e) {
            throw DataFileException.whole(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The line the last returned object came from (1-based). */
    public long line() {
        return line;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            try {
                pending = reader.readLine();
            } catch (IOException e) {
                throw new DataFileException(file, line + 1, "cannot read: " + e.getMessage(), e);
            }
        }
        return pending != null;
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more lines");
        }
        String text = pending;
        pending = null;
        line++;
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new DataFileException(file, line, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DataFileException(file, line, "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

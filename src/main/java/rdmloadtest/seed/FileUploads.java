package rdmloadtest.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import rdmloadtest.datagen.FileContent;
import rdmloadtest.invenio.InvenioClient;
import rdmloadtest.invenio.UnexpectedAnswer;

/**
 * A generated record's files into its draft: the three-step upload of each file not yet committed (keys the draft
 * already holds are not created again). A file at or above the body limit goes through the multipart transfer (v13+,
 * parts under the limit) when the target offers it, and is capped to one byte under the limit (and listed) when it
 * does not: never refused by the target with 413.
 */
final class FileUploads implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path cappedFile;
    final AtomicLong capped = new AtomicLong();
    final AtomicLong multipart = new AtomicLong();

    private final InvenioClient client;
    private final long maxUpload;
    private final Transition.Listener listener;
    /** Until the target refuses one: files at or above the limit go through the multipart transfer. */
    private volatile boolean multipartOffered = true;

    private BufferedWriter cappedOut;

    FileUploads(InvenioClient client, long maxUpload, Path cappedFile, Transition.Listener listener) {
        this.client = client;
        this.maxUpload = maxUpload;
        this.cappedFile = cappedFile;
        this.listener = listener;
    }

    void upload(JsonNode record, String id) throws IOException, InterruptedException {
        JsonNode entries = record.at("/files/entries");
        if (!record.at("/files/enabled").asBoolean() || entries.isEmpty()) return;
        String source = record.get("id").asText();
        Map<String, JsonNode> present = new HashMap<>();
        for (JsonNode e : client.draftFiles(id)) present.put(e.path("key").asText(), e);
        ArrayNode init = JSON.createArrayNode();
        for (JsonNode e : entries) {
            String key = e.get("key").asText();
            if (present.containsKey(key)) continue;
            ObjectNode item = init.addObject().put("key", key);
            long size = e.get("size").asLong();
            if (size >= maxUpload && multipartOffered) {
                long part = partSize();
                item.put("size", size);
                item.putObject("transfer")
                        .put("type", "M")
                        .put("parts", (size + part - 1) / part)
                        .put("part_size", part);
            }
        }
        if (!init.isEmpty()) {
            for (JsonNode e : initialise(id, init)) present.put(e.path("key").asText(), e);
            listener.reached(Transition.FILES_INITIALISED, source);
        }
        for (JsonNode e : entries) {
            String key = e.get("key").asText();
            JsonNode entry = present.get(key);
            if (entry != null && "completed".equals(entry.path("status").asText())) continue;
            long size = e.get("size").asLong();
            if (entry != null
                    && "M".equals(entry.at("/transfer/type").asText())
                    && entry.at("/links/parts").isArray()) {
                uploadParts(source, key, size, entry);
                multipart.incrementAndGet();
            } else {
                // InvenioRDM refuses a body of MAX_CONTENT_LENGTH bytes or more (measured on v14: 104857600 -> 413).
                long sent = Math.min(size, maxUpload - 1);
                if (sent < size) cap(source, key, size);
                client.uploadContent(id, key, sent, () -> FileContent.open(source, key, sent));
            }
            listener.reached(Transition.CONTENT_UPLOADED, source);
            client.commitFile(id, key);
            listener.reached(Transition.FILE_COMMITTED, source);
        }
    }

    /** The init; a target without multipart transfer (400 on one) gets plain entries, capped, from then on. */
    private JsonNode initialise(String id, ArrayNode init) throws IOException, InterruptedException {
        try {
            return client.initFiles(id, init);
        } catch (UnexpectedAnswer e) {
            if (e.status() != 400 || !JSON.writeValueAsString(init).contains("\"M\"")) throw e;
            multipartOffered = false;
            System.out.println("seed: " + client.site() + " refused a multipart transfer (400): files at or above "
                    + maxUpload + " bytes are capped");
            for (JsonNode item : init) {
                ((ObjectNode) item).remove("transfer");
                ((ObjectNode) item).remove("size");
            }
            return client.initFiles(id, init);
        }
    }

    /** Every part to the URL the target gave it, each the file's bytes at its offset (a retry generates them again). */
    private void uploadParts(String source, String key, long size, JsonNode entry)
            throws IOException, InterruptedException {
        long part = entry.at("/transfer/part_size").asLong();
        for (JsonNode p : entry.at("/links/parts")) {
            long offset = (p.path("part").asInt() - 1) * part;
            long length = Math.min(part, size - offset);
            client.uploadPart(
                    p.path("url").asText(), length, () -> slice(FileContent.open(source, key, size), offset, length));
        }
    }

    /** Parts of at most 64 MiB and always under the body limit. */
    private long partSize() {
        return Math.min(maxUpload - 1, 64L << 20);
    }

    /** {@code length} bytes of {@code in} from {@code offset} (FileContent skips in O(1)). */
    static InputStream slice(InputStream in, long offset, long length) {
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
    }

    private synchronized void cap(String source, String key, long size) throws IOException {
        capped.incrementAndGet();
        if (cappedOut == null) {
            boolean fresh = !Files.exists(cappedFile) || Files.size(cappedFile) == 0;
            cappedOut = Files.newBufferedWriter(
                    cappedFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fresh) cappedOut.write("source_id,key,size,uploaded_size\n");
        }
        cappedOut.write(source + "," + key + "," + size + "," + (maxUpload - 1) + "\n");
        cappedOut.flush();
    }

    long cappedTo() {
        return maxUpload - 1;
    }

    @Override
    public synchronized void close() throws IOException {
        if (cappedOut != null) cappedOut.close();
    }
}

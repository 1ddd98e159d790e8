package rdmloadtest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A draft ledger on disk: one JSON line per draft opened or closed, written and flushed as the run goes, so that a
 * run killed with kill -9 (or out of memory, or an evicted pod) still says which drafts it left. A line names the
 * depositor by the position of its token in INVENIO_TOKENS, never by the token.
 */
public final class LedgerFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A draft still open on a site, and which depositor's token may delete it. */
    public record OpenDraft(String site, String draftId, int tokenIndex, Path ledger) {}

    private final BufferedWriter out;
    private final String site;

    private LedgerFile(Path file, String site) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.site = site;
    }

    /** The ledger of one run (and injector) against one site: {@code <dir>/<run id>-injector-<i>.jsonl}. */
    public static LedgerFile open(Path dir, String runId, int injector, String site) {
        try {
            return new LedgerFile(dir.resolve(runId + "-injector-" + injector + ".jsonl"), site);
        } catch (IOException e) {
            throw new UncheckedIOException("draft ledger in " + dir + ": cannot write it", e);
        }
    }

    /** An existing ledger file, to append to (cleanup marks what it deleted). */
    public static LedgerFile reopen(Path file, String site) throws IOException {
        return new LedgerFile(file, site);
    }

    public synchronized void opened(String draftId, int tokenIndex) {
        write(Map.of("event", "opened", "site", site, "draft", draftId, "token", tokenIndex));
    }

    public synchronized void closed(String draftId) {
        write(Map.of("event", "closed", "site", site, "draft", draftId));
    }

    private void write(Map<String, Object> line) {
        Map<String, Object> m = new LinkedHashMap<>(line);
        m.put("at", Instant.now().toString());
        try {
            out.write(JSON.writeValueAsString(m));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("draft ledger: cannot write", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** The runs that kept a ledger in {@code dir} for {@code site} (from the file names: {@code <run id>-injector-<i>}). */
    public static Set<String> runIds(Path dir, String site) throws IOException {
        Set<String> runs = new TreeSet<>();
        if (!Files.isDirectory(dir)) return runs;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                String name = f.getFileName().toString();
                int cut = name.lastIndexOf("-injector-");
                if (cut > 0
                        && Files.readString(f, StandardCharsets.UTF_8)
                                .contains("\"site\":" + JSON.writeValueAsString(site)))
                    runs.add(name.substring(0, cut));
            }
        }
        return runs;
    }

    /** Every draft the ledgers in {@code dir} list as opened and never closed on {@code site}. */
    public static List<OpenDraft> openDrafts(Path dir, String site) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        Map<String, OpenDraft> open = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) continue;
                    JsonNode n;
                    try {
                        n = JSON.readTree(line);
                    } catch (IOException e) {
                        continue; // the last line of a killed run may be cut short
                    }
                    if (!site.equals(n.path("site").asText())) continue;
                    String id = n.path("draft").asText();
                    if (n.path("event").asText().equals("opened")) {
                        open.put(id, new OpenDraft(site, id, n.path("token").asInt(), f));
                    } else {
                        open.remove(id);
                    }
                }
            }
        }
        return List.copyOf(open.values());
    }
}

package rdmloadtest.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rdmloadtest.config.ConfigException;

/**
 * A repository's shape without its content: counts and percentiles of what drives an InvenioRDM's cost, one latest
 * record per parent. {@code harvest} writes it from a real repository ({@code shape.json}), datagen generates from
 * it ({@code -Ddatagen.shape=FILE}); the format is in data/README.md, "Corpus shape".
 */
public record ShapeSummary(
        long records,
        Quantity descriptionWords,
        Quantity versionsPerRecord,
        Quantity filesPerRecord,
        Quantity fileBytes,
        Quantity communitiesPerRecord,
        Map<AccessMix.Kind, Double> accessPercent) {

    public static final String FORMAT = "rdm-loadtest shape 1";

    /** The percentiles written and read, as (name, fraction); p0 and p100 are min and max. */
    public static final List<Map.Entry<String, Double>> PERCENTILES = List.of(
            Map.entry("p1", 0.01),
            Map.entry("p5", 0.05),
            Map.entry("p10", 0.10),
            Map.entry("p25", 0.25),
            Map.entry("p50", 0.50),
            Map.entry("p75", 0.75),
            Map.entry("p90", 0.90),
            Map.entry("p95", 0.95),
            Map.entry("p99", 0.99),
            Map.entry("p99.9", 0.999));

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One quantity: how many values, their min, mean, max and {@link #PERCENTILES} (nearest rank), and for a count
     * (versions, files, communities) how many records had each value.
     */
    public record Quantity(
            long count, long min, double mean, long max, double[] percentiles, Map<Long, Long> histogram) {

        /** The value at fraction {@code q} of {@link #PERCENTILES} by name, e.g. "p95". */
        public double percentile(String name) {
            for (int i = 0; i < PERCENTILES.size(); i++) {
                if (PERCENTILES.get(i).getKey().equals(name)) return percentiles[i];
            }
            throw new IllegalArgumentException("no percentile " + name);
        }

        static Quantity of(long[] values, int n, boolean withHistogram) {
            long[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            double[] p = new double[PERCENTILES.size()];
            double sum = 0;
            for (long v : sorted) sum += v;
            for (int i = 0; i < p.length; i++) {
                p[i] = n == 0 ? 0 : sorted[nearestRank(PERCENTILES.get(i).getValue(), n)];
            }
            Map<Long, Long> histogram = null;
            if (withHistogram) {
                histogram = new TreeMap<>();
                for (long v : sorted) histogram.merge(v, 1L, Long::sum);
            }
            return new Quantity(
                    n, n == 0 ? 0 : sorted[0], n == 0 ? 0 : sum / n, n == 0 ? 0 : sorted[n - 1], p, histogram);
        }
    }

    /** Index (0-based) of the nearest-rank q-quantile among n sorted values. */
    static int nearestRank(double q, int n) {
        return (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    }

    /** Adds one latest record at a time, from a harvest's search hits or a generated records.jsonl. */
    public static final class Tally {
        private long records;
        private final Values words = new Values();
        private final Values versions = new Values();
        private final Values files = new Values();
        private final Values bytes = new Values();
        private final Values communities = new Values();
        private final Map<AccessMix.Kind, Long> access = new LinkedHashMap<>();

        /**
         * One latest record, as InvenioRDM's record JSON gives it (a search hit or a records.jsonl line): its
         * description's words, {@code versions.index}, files when enabled and shown (InvenioRDM shows {@code count}
         * and entries only to who may read the files), access and parent communities.
         */
        public void addRecord(JsonNode r) {
            JsonNode entries = r.at("/files/entries");
            long[] sizes = new long[entries.size()];
            int i = 0;
            for (JsonNode e : entries) sizes[i++] = e.path("size").asLong();
            add(
                    wordCount(r.at("/metadata/description").asText("")),
                    r.at("/versions/index").asInt(1),
                    r.at("/files/enabled").asBoolean(true) && r.at("/files").has("count"),
                    r.at("/files/count").asInt(sizes.length),
                    sizes,
                    AccessMix.Kind.of(
                            r.at("/access/record").asText("public"),
                            r.at("/access/status").asText()),
                    r.at("/parent/communities/ids").size());
        }

        /** One latest record; its files count only if {@code filesShown}: enabled and readable by who asked. */
        public void add(
                int descriptionWords,
                int versionIndex,
                boolean filesShown,
                int fileCount,
                long[] fileSizes,
                AccessMix.Kind kind,
                int communityCount) {
            records++;
            words.add(descriptionWords);
            versions.add(Math.max(1, versionIndex));
            if (filesShown) {
                files.add(fileCount);
                for (long size : fileSizes) bytes.add(size);
            }
            communities.add(communityCount);
            access.merge(kind, 1L, Long::sum);
        }

        public ShapeSummary summary() {
            Map<AccessMix.Kind, Double> percent = new LinkedHashMap<>();
            for (AccessMix.Kind k : AccessMix.Kind.values()) {
                percent.put(k, records == 0 ? 0 : 100.0 * access.getOrDefault(k, 0L) / records);
            }
            return new ShapeSummary(
                    records,
                    words.quantity(false),
                    versions.quantity(true),
                    files.quantity(true),
                    bytes.quantity(false),
                    communities.quantity(true),
                    Collections.unmodifiableMap(percent));
        }
    }

    /** Words of a description as a reader sees them: HTML tags and entities left out, split on white space. */
    public static int wordCount(String description) {
        String text = description.replaceAll("<[^>]*>", " ").replaceAll("&[#\\w]+;", " ");
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }

    /** A growable array of longs: a harvest holds a few hundred thousand, a 1M-record set a few million. */
    private static final class Values {
        private long[] values = new long[1024];
        private int n;

        void add(long v) {
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            values[n++] = v;
        }

        Quantity quantity(boolean withHistogram) {
            return Quantity.of(values, n, withHistogram);
        }
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("records", records);
        put(root, "description_words", descriptionWords);
        put(root, "versions_per_record", versionsPerRecord);
        put(root, "files_per_record", filesPerRecord);
        put(root, "file_bytes", fileBytes);
        put(root, "communities_per_record", communitiesPerRecord);
        ObjectNode access = root.putObject("access_percent");
        accessPercent.forEach((k, v) -> access.put(k.id(), Math.round(v * 1000) / 1000.0));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void put(ObjectNode root, String name, Quantity q) {
        ObjectNode o = root.putObject(name);
        o.put("count", q.count());
        o.put("min", q.min());
        o.put("mean", Math.round(q.mean() * 1000) / 1000.0);
        o.put("max", q.max());
        ObjectNode p = o.putObject("percentiles");
        for (int i = 0; i < PERCENTILES.size(); i++) p.put(PERCENTILES.get(i).getKey(), (long) q.percentiles()[i]);
        if (q.histogram() != null) {
            ObjectNode h = o.putObject("histogram");
            q.histogram().forEach((v, c) -> h.put(Long.toString(v), c));
        }
    }

    /**
     * Reads a summary, or fails in one line naming the key, the file and what was expected.
     *
     * @param key the key that named the file, for the message
     */
    public static ShapeSummary read(String key, Path file) {
        String where = key + "='" + file + "'";
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            String why = Files.exists(file)
                    ? "not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")"
                    : "no such file";
            throw new ConfigException(where + ": " + why + "; expected a shape summary (harvest's shape.json)");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ConfigException(
                    where + ": format is not '" + FORMAT + "'; expected a shape summary (harvest's shape.json)");
        }
        Reader r = new Reader(where, root);
        long records = r.positive(root, "records");
        Map<AccessMix.Kind, Double> access = new LinkedHashMap<>();
        double sum = 0;
        for (AccessMix.Kind k : AccessMix.Kind.values()) {
            double v = r.number(root.path("access_percent").path(k.id()), "access_percent." + k.id(), 0, 100);
            access.put(k, v);
            sum += v;
        }
        if (Math.abs(sum - 100) > 0.1) {
            throw new ConfigException(where + ": access_percent sums to " + sum + "; expected 100");
        }
        return new ShapeSummary(
                records,
                r.quantity(root, "description_words", false),
                r.quantity(root, "versions_per_record", true),
                r.quantity(root, "files_per_record", true),
                r.quantity(root, "file_bytes", false),
                r.quantity(root, "communities_per_record", true),
                Collections.unmodifiableMap(access));
    }

    /** Field reads that name the file and the field of a bad value. */
    private record Reader(String where, JsonNode root) {
        private ConfigException bad(String field, String expected) {
            return new ConfigException(where + ": " + field + ": expected " + expected);
        }

        double number(JsonNode n, String field, double min, double max) {
            if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
                throw bad(field, "a number from " + (long) min + " to " + (long) max);
            }
            return n.asDouble();
        }

        long positive(JsonNode parent, String field) {
            JsonNode n = parent.path(field);
            if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 1) {
                throw bad(field, "an integer of at least 1");
            }
            return n.asLong();
        }

        Quantity quantity(JsonNode root, String name, boolean withHistogram) {
            JsonNode o = root.path(name);
            if (!o.isObject()) throw bad(name, "an object with count, min, mean, max and percentiles");
            long count = o.path("count").asLong(-1);
            if (!o.path("count").isIntegralNumber() || count < 0) throw bad(name + ".count", "an integer ≥ 0");
            long min = nonNegative(o, name, "min");
            long max = nonNegative(o, name, "max");
            if (max < min) throw bad(name + ".max", "at least min (" + min + ")");
            double[] p = new double[PERCENTILES.size()];
            double previous = min;
            for (int i = 0; i < p.length; i++) {
                String field = PERCENTILES.get(i).getKey();
                JsonNode v = o.path("percentiles").path(field);
                if (!v.isNumber() || v.asDouble() < previous || v.asDouble() > max) {
                    throw bad(
                            name + ".percentiles." + field,
                            "a number from " + (long) previous + " (the percentile before) to max (" + max + ")");
                }
                p[i] = v.asDouble();
                previous = p[i];
            }
            Map<Long, Long> histogram = null;
            if (withHistogram) {
                histogram = new TreeMap<>();
                JsonNode h = o.path("histogram");
                if (!h.isObject() || (count > 0 && h.isEmpty())) {
                    throw bad(name + ".histogram", "an object of value: number of records, e.g. {\"1\": 840}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    long value;
                    try {
                        value = Long.parseLong(e.getKey());
                    } catch (NumberFormatException x) {
                        value = -1;
                    }
                    if (value < 0
                            || !e.getValue().isIntegralNumber()
                            || e.getValue().asLong() < 0) {
                        throw bad(name + ".histogram." + e.getKey(), "a count ≥ 0 under a value ≥ 0");
                    }
                    histogram.put(value, e.getValue().asLong());
                }
            }
            return new Quantity(count, min, o.path("mean").asDouble(), max, p, histogram);
        }

        private long nonNegative(JsonNode o, String name, String field) {
            JsonNode n = o.path(field);
            if (!n.isIntegralNumber() || n.asLong() < 0) throw bad(name + "." + field, "an integer ≥ 0");
            return n.asLong();
        }
    }
}

package rdmloadtest.simulator.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Urls;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.vocabularies.Vocabularies;

/**
 * One search over a set of records, with InvenioRDM's contract: q, sort (validated), page/size within the
 * 10 000 window, facets as post-filters (aggregations ignore them), exact total, links with prev/next.
 */
public final class Searcher {
    public static final int MAX_WINDOW = 10_000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> ACCESS_LABELS = Map.of(
            "open", "Open", "embargoed", "Embargoed", "restricted", "Restricted", "metadata-only", "Metadata-only");

    /** What a searched endpoint allows and defaults to. */
    public record Options(List<String> facets, String defaultSortNoQuery) {}

    public record Hit(RecordDoc doc, SearchDoc index) {}

    private final Vocabularies vocabularies;
    private final String version;

    public Searcher(Vocabularies vocabularies, String version) {
        this.vocabularies = vocabularies;
        this.version = version;
    }

    public List<String> sortOptions() {
        List<String> s = new ArrayList<>(List.of(
                "bestmatch",
                "newest",
                "oldest",
                "updated-desc",
                "updated-asc",
                "version",
                "mostviewed",
                "mostdownloaded"));
        if (version.equals("14")) s.addAll(List.of("newestactivity", "oldestactivity"));
        return s;
    }

    public ObjectNode search(
            Call call, List<Hit> candidates, Options opts, String selfPath, Function<RecordDoc, ObjectNode> render) {
        int page = positiveInt(call, "page", 1);
        int size = positiveInt(call, "size", 25);
        if ((long) (page - 1) * size >= MAX_WINDOW) throw new ApiError(400, "Invalid querystring parameters.");
        String q = call.first("q").orElse("");
        String sort = call.first("sort").orElse(q.isBlank() ? opts.defaultSortNoQuery() : "bestmatch");
        if (!sortOptions().contains(sort)) {
            throw ApiError.validation("_schema", "Invalid sort option '" + sort + "'.");
        }
        if (sort.equals("bestmatch") && q.isBlank()) sort = opts.defaultSortNoQuery();

        Query query = Query.parse(q);
        List<Scored> matched = new ArrayList<>();
        for (Hit h : candidates) {
            double s = query.score(h.index());
            if (s > 0) matched.add(new Scored(h.doc(), s));
        }
        // v14 adds the publication_date facet to every record search (records, community records, user records)
        if (version.equals("14")
                && opts.facets().contains("access_status")
                && !opts.facets().contains("publication_date")) {
            List<String> facets = new ArrayList<>(opts.facets());
            facets.add("publication_date");
            opts = new Options(facets, opts.defaultSortNoQuery());
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : opts.facets()) if (!call.all(f).isEmpty()) filters.put(f, call.all(f));
        List<Scored> filtered =
                matched.stream().filter(s -> passes(s.doc, filters)).collect(Collectors.toList());
        filtered.sort(comparator(sort));

        int from = Math.min((page - 1) * size, filtered.size());
        int to = Math.min(Math.min(page * size, MAX_WINDOW), filtered.size());
        ObjectNode out = F.objectNode();
        ObjectNode hits = out.putObject("hits");
        ArrayNode arr = hits.putArray("hits");
        for (Scored s : filtered.subList(from, to)) arr.add(render.apply(s.doc));
        hits.put("total", filtered.size());
        // an endpoint without facets (versions) has no aggregations key at all
        if (!opts.facets().isEmpty()) out.set("aggregations", aggregations(matched, opts, filters));
        out.put("sortBy", sort);
        out.put("page", page);
        ObjectNode links = out.putObject("links");
        String base = call.api() + selfPath;
        links.put("self", link(base, call, page, size, sort, opts));
        if (page > 1) links.put("prev", link(base, call, page - 1, size, sort, opts));
        if ((long) page * size < filtered.size()) links.put("next", link(base, call, page + 1, size, sort, opts));
        return out;
    }

    private record Scored(RecordDoc doc, double score) {}

    private static int positiveInt(Call call, String name, int def) {
        String v = call.first(name).orElse(null);
        if (v == null) return def;
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.validation(name, "Not a valid integer.");
        }
        if (n < 1) throw ApiError.validation(name, "Must be greater than or equal to 1.");
        return n;
    }

    private boolean passes(RecordDoc d, Map<String, List<String>> filters) {
        for (var e : filters.entrySet()) {
            boolean any = false;
            for (String v : e.getValue()) any |= facetMatches(d, e.getKey(), v);
            if (!any) return false;
        }
        return true;
    }

    private boolean facetMatches(RecordDoc d, String facet, String value) {
        return switch (facet) {
            case "access_status" -> d.accessStatus().equals(value);
            case "resource_type" -> {
                String id = d.metadata.path("resource_type").path("id").asText("");
                var rt = vocabularies.resourceType(id);
                if (rt.isEmpty()) yield false;
                String[] parts = value.split("::", 2);
                yield rt.get().type().equals(parts[0])
                        && (parts.length == 1 || rt.get().subtype().equals(parts[1]));
            }
            case "file_type" -> d.files.values().stream().anyMatch(f -> value.equalsIgnoreCase(f.ext()));
            case "is_published" -> String.valueOf(!d.draft || d.editOfPublished).equals(value);
            case "publication_date" ->
                inDateRange(d.metadata.path("publication_date").asText(""), value);
            default -> true;
        };
    }

    /** v14's DateFacet: "2014-08..2020-03", either end optional; compared on the date prefix. */
    private static boolean inDateRange(String date, String range) {
        String[] ends = range.split("\\.\\.", -1);
        if (date.isEmpty()) return false;
        String from = ends[0];
        String to = ends.length > 1 ? ends[1] : ends[0];
        String d = date.length() > 10 ? date.substring(0, 10) : date;
        return (from.isEmpty() || d.compareTo(from) >= 0)
                && (to.isEmpty()
                        || d.substring(0, Math.min(d.length(), to.length())).compareTo(to) <= 0);
    }

    private static Comparator<Scored> comparator(String sort) {
        Comparator<Scored> created = Comparator.comparing(s -> s.doc.created);
        Comparator<Scored> updated = Comparator.comparing(s -> s.doc.updated);
        Comparator<Scored> tie = Comparator.comparing(s -> s.doc.id);
        return switch (sort) {
            case "bestmatch" ->
                Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(created.reversed());
            case "oldest" -> created.thenComparing(tie);
            case "updated-desc", "newestactivity" -> updated.reversed().thenComparing(tie);
            case "updated-asc", "oldestactivity" -> updated.thenComparing(tie);
            case "version" ->
                Comparator.comparingInt((Scored s) -> -s.doc.versionIndex).thenComparing(tie);
            case "mostviewed" -> created.reversed().thenComparing(tie); // API views are never counted: all 0
            case "mostdownloaded" ->
                Comparator.comparingLong((Scored s) -> -s.doc.downloads).thenComparing(tie);
            default -> created.reversed().thenComparing(tie);
        };
    }

    private ObjectNode aggregations(List<Scored> matched, Options opts, Map<String, List<String>> filters) {
        ObjectNode aggs = F.objectNode();
        if (opts.facets().contains("access_status")) {
            Map<String, Long> counts = count(matched, s -> List.of(s.doc.accessStatus()));
            aggs.set("access_status", facet("Access status", counts, filters.get("access_status"), ACCESS_LABELS::get));
        }
        if (opts.facets().contains("is_published")) {
            Map<String, Long> counts =
                    count(matched, s -> List.of(String.valueOf(!s.doc.draft || s.doc.editOfPublished)));
            aggs.set(
                    "is_published",
                    facet(
                            "Status",
                            counts,
                            filters.get("is_published"),
                            k -> k.equals("true") ? "Published" : "Unpublished"));
        }
        if (opts.facets().contains("resource_type")) aggs.set("resource_type", resourceTypes(matched, filters));
        if (opts.facets().contains("file_type")) {
            Map<String, Long> counts = count(
                    matched,
                    s -> s.doc.files.values().stream()
                            .map(f -> f.ext())
                            .filter(x -> x != null)
                            .distinct()
                            .toList());
            aggs.set("file_type", facet("File type", counts, filters.get("file_type"), k -> k.toUpperCase()));
        }
        if (opts.facets().contains("publication_date")) aggs.set("publication_date", years(matched, filters));
        return aggs;
    }

    /** v14's DateFacet: one bucket per year from the first to the last, empty years included, oldest first. */
    private static ObjectNode years(List<Scored> matched, Map<String, List<String>> filters) {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (Scored s : matched) {
            String d = s.doc.metadata.path("publication_date").asText("");
            if (d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit)) {
                counts.merge(Integer.parseInt(d.substring(0, 4)), 1L, Long::sum);
            }
        }
        ObjectNode agg = F.objectNode();
        ArrayNode buckets = agg.putArray("buckets");
        if (!counts.isEmpty()) {
            List<String> ranges = filters.getOrDefault("publication_date", List.of());
            for (int y = counts.firstKey(); y <= counts.lastKey(); y++) {
                String year = String.valueOf(y);
                boolean selected = ranges.stream().anyMatch(r -> inDateRange(year, r));
                buckets.add(bucket(year, counts.getOrDefault(y, 0L), year, selected));
            }
        }
        agg.put("label", "Publication date");
        return agg;
    }

    private ObjectNode resourceTypes(List<Scored> matched, Map<String, List<String>> filters) {
        Map<String, Long> types = new TreeMap<>();
        Map<String, Map<String, Long>> subtypes = new TreeMap<>();
        for (Scored s : matched) {
            var rt = vocabularies.resourceType(
                    s.doc.metadata.path("resource_type").path("id").asText(""));
            if (rt.isEmpty()) continue;
            types.merge(rt.get().type(), 1L, Long::sum);
            var inner = subtypes.computeIfAbsent(rt.get().type(), k -> new TreeMap<>());
            if (!rt.get().subtype().isEmpty()) inner.merge(rt.get().subtype(), 1L, Long::sum);
        }
        List<String> selected = filters.getOrDefault("resource_type", List.of());
        ObjectNode agg = F.objectNode();
        ArrayNode buckets = agg.putArray("buckets");
        for (var e : sortedByCount(types)) {
            ObjectNode b = bucket(
                    e.getKey(),
                    e.getValue(),
                    vocabularies
                            .resourceType(e.getKey())
                            .map(Vocabularies.ResourceType::titleEn)
                            .orElse(e.getKey()),
                    selected.contains(e.getKey()));
            ArrayNode inner = b.putObject("inner").putArray("buckets");
            for (var s : sortedByCount(subtypes.get(e.getKey()))) {
                inner.add(bucket(
                        s.getKey(),
                        s.getValue(),
                        vocabularies
                                .resourceType(s.getKey())
                                .map(Vocabularies.ResourceType::titleEn)
                                .orElse(s.getKey()),
                        selected.contains(e.getKey() + "::" + s.getKey())));
            }
            buckets.add(b);
        }
        agg.put("label", "Resource types");
        return agg;
    }

    private static Map<String, Long> count(List<Scored> matched, Function<Scored, List<String>> keys) {
        Map<String, Long> m = new TreeMap<>();
        for (Scored s : matched) for (String k : keys.apply(s)) m.merge(k, 1L, Long::sum);
        return m;
    }

    private static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> m) {
        return m.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private static ObjectNode facet(
            String label, Map<String, Long> counts, List<String> selected, Function<String, String> bucketLabel) {
        ObjectNode agg = F.objectNode();
        ArrayNode buckets = agg.putArray("buckets");
        for (var e : sortedByCount(counts)) {
            buckets.add(bucket(
                    e.getKey(),
                    e.getValue(),
                    bucketLabel.apply(e.getKey()),
                    selected != null && selected.contains(e.getKey())));
        }
        agg.put("label", label);
        return agg;
    }

    private static ObjectNode bucket(String key, long count, String label, boolean selected) {
        return F.objectNode()
                .put("key", key)
                .put("doc_count", count)
                .put("label", label)
                .put("is_selected", selected);
    }

    /** Pagination links carry the known arguments and facets, never unknown parameters. */
    private static String link(String base, Call call, int page, int size, String sort, Options opts) {
        TreeMap<String, List<String>> args = new TreeMap<>();
        args.put("page", List.of(String.valueOf(page)));
        args.put("size", List.of(String.valueOf(size)));
        args.put("sort", List.of(sort));
        call.first("q").ifPresent(q -> args.put("q", List.of(q)));
        call.first("allversions").ifPresent(v -> args.put("allversions", List.of(v)));
        for (String f : opts.facets()) if (!call.all(f).isEmpty()) args.put(f, call.all(f));
        StringBuilder sb = new StringBuilder(base).append('?');
        args.forEach((k, vs) ->
                vs.forEach(v -> sb.append(k).append('=').append(Urls.quote(v)).append('&')));
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}

package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.search.Searcher;
import rdmloadtest.simulator.store.Community;
import rdmloadtest.simulator.store.Repository;

/** /api/communities, one community by id or slug, and a community's records (same contract as /api/records). */
public final class CommunitiesApi {
    private static final Searcher.Options COMMUNITY_RECORDS =
            new Searcher.Options(List.of("access_status", "resource_type", "file_type"), "newest");

    private final Repository repo;
    private final RecordJson json;
    private final Index index;
    private final Searcher searcher;
    private final boolean v14;

    public CommunitiesApi(Repository repo, RecordJson json, Index index, Searcher searcher, String version) {
        this.v14 = version.equals("14");
        this.repo = repo;
        this.json = json;
        this.index = index;
        this.searcher = searcher;
    }

    public void routes(Router r) {
        r.add("GET", "/api/communities", EndpointClass.COMMUNITIES, this::list);
        r.add("GET", "/api/communities/featured", EndpointClass.COMMUNITIES, this::featured);
        r.add("GET", "/api/communities/{id}", EndpointClass.COMMUNITIES, this::read);
        r.add("GET", "/api/communities/{id}/records", EndpointClass.SEARCH, this::records);
    }

    Reply list(Call c) {
        int page = Integer.parseInt(c.first("page").orElse("1"));
        int size = Integer.parseInt(c.first("size").orElse("25"));
        String q = c.first("q").orElse("").toLowerCase();
        String sort = c.first("sort").orElse(q.isBlank() ? "newest" : "bestmatch");
        if (!List.of("bestmatch", "newest", "oldest", "updated-desc", "updated-asc")
                .contains(sort)) {
            throw ApiError.validation("_schema", "Invalid sort option '" + sort + "'.");
        }
        List<Community> all = repo.read(() -> repo.communities().stream()
                .filter(x -> q.isBlank() || x.json().toString().toLowerCase().contains(q))
                .sorted(Comparator.comparing(
                                (Community x) -> x.json().path("created").asText())
                        .reversed())
                .toList());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = hitsPage(out, all, page, size, c);
        out.set("aggregations", aggregations(all));
        out.put("sortBy", sort);
        boolean ui = c.header("accept")
                .filter(a -> a.contains(RecordFormats.UI_JSON))
                .isPresent();
        // The UI serialization (the communities page's search app) has no "page", and a "ui" block per hit.
        if (!ui) out.put("page", page);
        ObjectNode links = out.putObject("links");
        links.put("self", c.api() + "/communities?page=" + page + "&size=" + size + "&sort=" + sort);
        if (page > 1)
            links.put("prev", c.api() + "/communities?page=" + (page - 1) + "&size=" + size + "&sort=" + sort);
        if ((long) page * size < all.size()) {
            links.put("next", c.api() + "/communities?page=" + (page + 1) + "&size=" + size + "&sort=" + sort);
        }
        if (!ui) return Reply.json(200, out);
        for (JsonNode hit : arr) ((ObjectNode) hit).set("ui", uiBlock(hit));
        return Reply.bytes(200, RecordFormats.UI_JSON, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A community hit's "ui" block as invenio-communities' UI serializer writes it for an anonymous visitor. */
    private static ObjectNode uiBlock(JsonNode hit) {
        ObjectNode ui = JsonNodeFactory.instance.objectNode();
        String type = hit.path("metadata").path("type").path("id").asText("");
        if (!type.isEmpty())
            ui.putObject("type")
                    .put("id", type)
                    .put("title_l10n", Character.toUpperCase(type.charAt(0)) + type.substring(1));
        ui.putArray("organizations");
        ui.putObject("custom_fields");
        ui.putObject("permissions")
                .put("can_include_directly", false)
                .put("can_update", false)
                .put("can_submit_record", false);
        return ui;
    }

    /**
     * The front page's carousel: communities an administrator featured (invenio-communities' featured search, newest
     * feature first, the list's hit shape and facets, sorted "featured"). Seeded communities carry "featured": true in their JSON to
     * be featured; the shipped data features none, as a fresh instance.
     */
    Reply featured(Call c) {
        int size = Integer.parseInt(c.first("size").orElse("25"));
        int page = Integer.parseInt(c.first("page").orElse("1"));
        List<Community> all = repo.read(() -> repo.communities().stream()
                .filter(x -> x.json().path("featured").asBoolean(false))
                .toList());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        hitsPage(out, all, page, size, c);
        out.set("aggregations", aggregations(all));
        out.put("sortBy", "featured");
        out.put("page", page);
        out.putObject("links")
                .put("self", c.api() + "/communities/featured?page=" + page + "&size=" + size + "&sort=featured");
        return Reply.json(200, out);
    }

    /** The page's hits and the total into {@code out}; returns the hits. */
    private ArrayNode hitsPage(ObjectNode out, List<Community> all, int page, int size, Call c) {
        ObjectNode hits = out.putObject("hits");
        ArrayNode arr = hits.putArray("hits");
        all.stream().skip((long) (page - 1) * size).limit(size).forEach(x -> arr.add(render(x, c)));
        hits.put("total", all.size());
        return arr;
    }

    /** The communities search's facets: type and visibility. */
    private static ObjectNode aggregations(List<Community> all) {
        ObjectNode aggs = JsonNodeFactory.instance.objectNode();
        aggs.set(
                "type",
                facet(
                        "Type",
                        all,
                        x -> x.json().path("metadata").path("type").path("id").asText("")));
        aggs.set(
                "visibility",
                facet(
                        "Visibility",
                        all,
                        x -> x.json().path("access").path("visibility").asText("public")));
        return aggs;
    }

    /** A terms facet of the communities search: buckets by count, labelled like InvenioRDM's (title case). */
    private static ObjectNode facet(String label, List<Community> all, Function<Community, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        for (Community x : all) counts.merge(key.apply(x), 1L, Long::sum);
        ObjectNode agg = JsonNodeFactory.instance.objectNode();
        ArrayNode buckets = agg.putArray("buckets");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> buckets.addObject()
                        .put("key", e.getKey())
                        .put("doc_count", e.getValue())
                        .put(
                                "label",
                                e.getKey().isEmpty()
                                        ? ""
                                        : Character.toUpperCase(e.getKey().charAt(0))
                                                + e.getKey().substring(1))
                        .put("is_selected", false));
        agg.put("label", label);
        return agg;
    }

    Reply read(Call c) {
        Community x = repo.read(() -> repo.community(c.param("id")).orElseThrow(ApiError::notFound));
        return Reply.json(200, render(x, c))
                .header("ETag", "\"" + x.json().path("revision_id").asInt(1) + "\"");
    }

    Reply records(Call c) {
        return repo.read(() -> {
            Community x = repo.community(c.param("id")).orElseThrow(ApiError::notFound);
            return RecordFormats.search(
                    c.header("accept"),
                    searcher.search(
                            c,
                            index.records(c.identity, false, x.id()),
                            COMMUNITY_RECORDS,
                            "/communities/" + x.id() + "/records",
                            d -> json.record(d, c.api(), c.identity, RecordsApi.host(c), RecordJson.View.HIT)),
                    c.siteUrl);
        });
    }

    /** The community JSON of invenio-communities v20/v28: links, access policies, deletion status, children. */
    private ObjectNode render(Community x, Call c) {
        ObjectNode src = x.json();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String self = c.api() + "/communities/" + x.id();
        String html = c.siteUrl + "/communities/" + x.slug();
        o.put("id", x.id());
        o.set("created", src.path("created"));
        o.set("updated", src.path("updated"));
        o.putObject("links")
                .put("self", self)
                .put("self_html", html + "/")
                .put("settings_html", html + "/settings")
                .put("logo", self + "/logo")
                .put("rename", self + "/rename")
                .put("members", self + "/members")
                .put("public_members", self + "/members/public")
                .put("invitations", self + "/invitations")
                .put("requests", self + "/requests")
                .put("records", self + "/records");
        if (v14) ((ObjectNode) o.get("links")).put("collection_trees", self + "/collections/trees");
        ((ObjectNode) o.get("links")).put("membership_requests", self + "/membership-requests");
        o.put("revision_id", src.path("revision_id").asInt(1));
        o.put("slug", x.slug());
        o.set("metadata", src.path("metadata").deepCopy());
        JsonNode a = src.path("access");
        o.putObject("access")
                .put("visibility", a.path("visibility").asText("public"))
                .put("members_visibility", a.path("members_visibility").asText("public"))
                .put("member_policy", a.path("member_policy").asText("open"))
                .put(
                        "record_submission_policy",
                        a.path("record_submission_policy")
                                .asText(a.path("record_policy").asText("open")))
                .put("review_policy", a.path("review_policy").asText("open"));
        o.set(
                "custom_fields",
                src.has("custom_fields") ? src.get("custom_fields").deepCopy() : JsonNodeFactory.instance.objectNode());
        o.putObject("deletion_status").put("is_deleted", false).put("status", "P");
        o.putObject("children").put("allow", false);
        return o;
    }
}

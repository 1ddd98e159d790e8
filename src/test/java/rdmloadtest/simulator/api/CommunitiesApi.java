package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
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
      new Searcher.Options(List.of("access_status", "resource_type", "file_type"), "newest", false);

  private final Repository repo;
  private final RecordJson json;
  private final Index index;
  private final Searcher searcher;

  public CommunitiesApi(Repository repo, RecordJson json, Index index, Searcher searcher) {
    this.repo = repo;
    this.json = json;
    this.index = index;
    this.searcher = searcher;
  }

  public void routes(Router r) {
    r.add("GET", "/api/communities", EndpointClass.COMMUNITIES, this::list);
    r.add("GET", "/api/communities/{id}", EndpointClass.COMMUNITIES, this::read);
    r.add("GET", "/api/communities/{id}/records", EndpointClass.SEARCH, this::records);
  }

  Reply list(Call c) {
    int page = Integer.parseInt(c.first("page").orElse("1"));
    int size = Integer.parseInt(c.first("size").orElse("10"));
    String q = c.first("q").orElse("").toLowerCase();
    String sort = c.first("sort").orElse(q.isBlank() ? "newest" : "bestmatch");
    if (!List.of("bestmatch", "newest", "oldest", "updated-desc", "updated-asc").contains(sort)) {
      throw ApiError.validation("_schema", "Invalid sort option '" + sort + "'.");
    }
    List<Community> all = repo.read(() -> repo.communities().stream()
        .filter(x -> q.isBlank() || x.json().toString().toLowerCase().contains(q))
        .sorted(Comparator.comparing((Community x) -> x.json().path("created").asText()).reversed())
        .toList());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode hits = out.putObject("hits");
    ArrayNode arr = hits.putArray("hits");
    all.stream().skip((long) (page - 1) * size).limit(size).forEach(x -> arr.add(render(x, c)));
    hits.put("total", all.size());
    out.putObject("aggregations");
    out.put("sortBy", sort);
    ObjectNode links = out.putObject("links");
    links.put("self", c.api() + "/communities?page=" + page + "&size=" + size + "&sort=" + sort);
    if ((long) page * size < all.size()) {
      links.put("next", c.api() + "/communities?page=" + (page + 1) + "&size=" + size + "&sort=" + sort);
    }
    return Reply.json(200, out);
  }

  Reply read(Call c) {
    Community x = repo.read(() -> repo.community(c.param("id")).orElseThrow(ApiError::notFound));
    return Reply.json(200, render(x, c)).header("ETag", "\"" + x.json().path("revision_id").asInt(1) + "\"");
  }

  Reply records(Call c) {
    return repo.read(() -> {
      Community x = repo.community(c.param("id")).orElseThrow(ApiError::notFound);
      return Reply.json(200, searcher.search(c, index.records(c.identity, false, x.id()), COMMUNITY_RECORDS,
          "/communities/" + x.id() + "/records", d -> json.record(d, c.api(), c.identity, RecordsApi.host(c))));
    });
  }

  private static ObjectNode render(Community x, Call c) {
    ObjectNode o = x.json().deepCopy();
    String self = c.api() + "/communities/" + x.id();
    o.putObject("links").put("self", self).put("self_html", c.siteUrl + "/communities/" + x.slug())
        .put("logo", self + "/logo").put("records", self + "/records").put("members", self + "/members");
    return o;
  }
}

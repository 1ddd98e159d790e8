package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Set;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.search.Searcher;
import rdmloadtest.simulator.store.Repository;

/** The user dashboard (/api/user/records) and the statistics query endpoint, disabled by default. */
public final class UserApi {
    private static final Searcher.Options USER_RECORDS = new Searcher.Options(
            List.of("access_status", "is_published", "resource_type", "file_type"), "updated-desc");
    private static final Set<String> STATS =
            Set.of("record-view", "record-view-all-versions", "record-download", "record-download-all-versions");

    private final Repository repo;
    private final RecordJson json;
    private final Index index;
    private final Searcher searcher;

    public UserApi(Repository repo, RecordJson json, Index index, Searcher searcher) {
        this.repo = repo;
        this.json = json;
        this.index = index;
        this.searcher = searcher;
    }

    public void routes(Router r) {
        r.add("GET", "/api/user/records", EndpointClass.SEARCH, this::userRecords);
        r.add("POST", "/api/stats", EndpointClass.RECORD, this::stats);
    }

    Reply userRecords(Call c) {
        RecordsApi.requireUser(c);
        return repo.read(() -> RecordFormats.search(
                c.header("accept"),
                searcher.search(
                        c,
                        index.userRecords(c.identity),
                        USER_RECORDS,
                        "/user/records",
                        d -> json.record(d, c.api(), c.identity, RecordsApi.host(c), RecordJson.View.HIT)),
                c.siteUrl));
    }

    /** can_query_stats = Disable(): {} answers {}, a real statistic 401/403, an unknown one 400. */
    Reply stats(Call c) {
        JsonNode body = c.jsonBody();
        if (!body.isObject() || body.isEmpty()) return Reply.json(200, JsonNodeFactory.instance.objectNode());
        for (JsonNode q : body) {
            if (!STATS.contains(q.path("stat").asText())) {
                throw new ApiError(400, "Unknown statistic '" + q.path("stat").asText() + "'.");
            }
        }
        throw c.identity.authenticated()
                ? ApiError.forbidden()
                : new ApiError(
                        401, "The server could not verify" + " that you are authorized to access the URL requested.");
    }
}

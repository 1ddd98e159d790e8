package rdmloadtest.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.feeders.CsvFeeder;
import rdmloadtest.feeders.FeederFile;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.slo.RequestNames;

/**
 * Benchmark baseline: the same endpoints as the default mix's readers, same weights, with Gatling's
 * plainest requests (no checks beyond the status, no link following, no per-session logic).
 */
public class BareEndpointsSimulation extends Simulation {
    {
        Settings settings = new Settings(ConfigSource.fromProcess());
        String base = settings.find(InvenioKeys.BASE_URL)
                .orElseThrow(
                        () -> new ConfigException(
                                "invenio.baseUrl: no value; expected the target of the benchmark (scripts/bench-injector.sh sets it)"))
                .toString();
        int users = settings.get(BenchKeys.USERS);
        Duration d = settings.get(BenchKeys.DURATION);
        ScenarioBuilder bare = scenario("Bare readers")
                .feed(csv("data/default/feeders/records.csv").circular())
                // The same download cap as the mix (traffic.download.maxMB, 50 MB), or big files would dominate.
                .feed(new CsvFeeder(
                        Path.of("data/default"),
                        FeederFile.FILES,
                        row -> ((Number) row.get("size")).longValue() <= 50_000_000L))
                .feed(csv("data/default/feeders/search_queries.csv").circular())
                .randomSwitch()
                .on(
                        percent(45)
                                .then(exec(http(RequestNames.SEARCH_RECORDS)
                                        .get("/api/records")
                                        .queryParam("q", "#{q}"))),
                        percent(35).then(exec(http(RequestNames.VIEW_RECORD).get("/api/records/#{id}"))),
                        percent(15)
                                .then(exec(http(RequestNames.DOWNLOAD_FILE)
                                        .get("/api/records/#{record_id}/files/#{key}/content"))),
                        percent(5).then(exec(http(RequestNames.LIST_COMMUNITIES).get("/api/communities"))));
        setUp(bare.injectClosed(constantConcurrentUsers(users).during(d)))
                .protocols(http.baseUrl(base).shareConnections())
                .maxDuration(d.plusSeconds(10));
    }
}

package rdmloadtest.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Benchmark baseline: the same endpoints as the default mix's readers, same weights, with Gatling's
 * plainest requests (no checks beyond the status, no link following, no per-session logic).
 */
public class BareEndpointsSimulation extends Simulation {
  {
    String base = System.getProperty("invenio.baseUrl");
    int users = Integer.getInteger("bench.users", 50);
    Duration d = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    ScenarioBuilder bare = scenario("Bare readers")
        .feed(csv("data/default/feeders/records.csv").circular())
        .feed(csv("data/default/feeders/files.csv").circular())
        .feed(csv("data/default/feeders/search_queries.csv").circular())
        .randomSwitch().on(
            percent(45).then(exec(http("Search records").get("/api/records").queryParam("q", "#{q}"))),
            percent(35).then(exec(http("View record").get("/api/records/#{id}"))),
            percent(15).then(exec(http("Download file").get("/api/records/#{record_id}/files/#{key}/content"))),
            percent(5).then(exec(http("List communities").get("/api/communities"))));
    setUp(bare.injectClosed(constantConcurrentUsers(users).during(d)))
        .protocols(http.baseUrl(base).shareConnections()).maxDuration(d.plusSeconds(10));
  }
}

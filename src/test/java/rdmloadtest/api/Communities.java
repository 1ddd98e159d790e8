package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Communities and their records. */
public final class Communities {
  private Communities() {}

  public static final HttpRequestActionBuilder LIST = http("List communities")
      .get("/api/communities")
      .check(status().is(200))
      .check(jsonPath("$.hits.hits[*].links.self").findRandom().optional().saveAs("communityLink"));

  public static final HttpRequestActionBuilder VIEW = http("View community")
      .get("#{communityLink}")
      .check(status().is(200))
      .check(jsonPath("$.links.records").saveAs("communityRecordsLink"));

  public static final HttpRequestActionBuilder RECORDS = http("Search community records")
      .get("#{communityRecordsLink}")
      .check(status().is(200))
      .check(jsonPath("$.hits.hits[*].id").findAll().optional().saveAs("hitIds"));
}

package rdmloadtest.api;

import rdmloadtest.slo.RequestNames;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Reading published records: search, record, versions, redirects. Names read like a user's action. */
public final class Records {
  private Records() {}

  /** GET /api/records with the session's "searchParams" map; saves hit ids and the next-page link. */
  public static final HttpRequestActionBuilder SEARCH = http(RequestNames.SEARCH_RECORDS)
      .get("/api/records")
      .queryParamMap("#{searchParams}")
      .check(status().is(200))
      .check(jsonPath("$.hits.total").ofInt().saveAs("hitsTotal"))
      .check(jsonPath("$.hits.hits[*].id").findAll().optional().saveAs("hitIds"))
      .check(jsonPath("$.links.next").optional().saveAs("nextLink"));

  /** Follows the links.next that the previous page returned (the user clicks "next"). */
  public static final HttpRequestActionBuilder SEARCH_NEXT_PAGE = http(RequestNames.SEARCH_RECORDS)
      .get("#{pageLink}")
      .check(status().is(200))
      .check(jsonPath("$.hits.hits[*].id").findAll().optional().saveAs("hitIds"))
      .check(jsonPath("$.links.next").optional().saveAs("nextLink"));

  /** GET /api/records/{id}: saves the links to versions, latest, files and archive. */
  public static final HttpRequestActionBuilder VIEW = http(RequestNames.VIEW_RECORD)
      .get("/api/records/#{recordId}")
      .check(status().is(200))
      .check(jsonPath("$.id").isEL("#{recordId}"))
      .check(header("ETag").exists())
      .check(jsonPath("$.links.versions").saveAs("versionsLink"))
      .check(jsonPath("$.links.latest").saveAs("latestLink"))
      .check(jsonPath("$.links.archive").optional().saveAs("archiveLink"))
      .check(jsonPath("$.files.total_bytes").ofLong().optional().saveAs("filesTotalBytes"))
      .check(jsonPath("$.files.entries.*.links.content").findAll().optional().saveAs("contentLinks"))
      .check(jsonPath("$.files.entries.*.size").ofLong().findAll().optional().saveAs("contentSizes"));

  public static final HttpRequestActionBuilder LIST_VERSIONS = http(RequestNames.LIST_VERSIONS)
      .get("#{versionsLink}")
      .check(status().is(200))
      .check(jsonPath("$.hits.total").ofInt().gte(1));

  /** /versions/latest answers 301 with a Location; the redirect is checked, not followed. */
  public static final HttpRequestActionBuilder RESOLVE_LATEST = http(RequestNames.RESOLVE_LATEST)
      .get("#{latestLink}")
      .disableFollowRedirect()
      .check(status().is(301))
      .check(header("Location").exists());

  /** The parent (concept) id redirects (302) to the latest version. */
  public static final HttpRequestActionBuilder RESOLVE_PARENT = http(RequestNames.RESOLVE_PARENT)
      .get("/api/records/#{parentId}")
      .disableFollowRedirect()
      .check(status().is(302))
      .check(header("Location").exists());
}

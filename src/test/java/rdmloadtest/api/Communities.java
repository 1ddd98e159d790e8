package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/** Communities and their records. */
public final class Communities {
    private Communities() {}

    public static final HttpRequestActionBuilder LIST = http(RequestNames.LIST_COMMUNITIES)
            .get("/api/communities")
            .check(status().is(200))
            .check(jsonPath("$.hits.hits[*].links.self").findRandom().optional().saveAs(COMMUNITY_LINK));

    public static final HttpRequestActionBuilder VIEW = http(RequestNames.VIEW_COMMUNITY)
            .get(el(COMMUNITY_LINK))
            .check(status().is(200))
            .check(jsonPath("$.links.records").saveAs(COMMUNITY_RECORDS_LINK));

    public static final HttpRequestActionBuilder RECORDS = http(RequestNames.SEARCH_COMMUNITY_RECORDS)
            .get(el(COMMUNITY_RECORDS_LINK))
            .check(status().is(200))
            .check(jsonPath("$.hits.hits[*].id").findAll().optional().saveAs(HIT_IDS));
}

package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/** Communities and their records. */
public final class Communities {
    private Communities() {}

    private static final JsonFields LINKS = JsonFields.of("hits.hits[*].links.self", "links.records");

    public static final HttpRequestActionBuilder LIST = http(RequestNames.LIST_COMMUNITIES)
            .get("/api/communities")
            .check(status().is(200))
            .check(LINKS.any("hits.hits[*].links.self").optional().saveAs(COMMUNITY_LINK));

    public static final HttpRequestActionBuilder VIEW = http(RequestNames.VIEW_COMMUNITY)
            .get(el(COMMUNITY_LINK))
            .check(status().is(200))
            .check(LINKS.string("links.records").saveAs(COMMUNITY_RECORDS_LINK));

    public static final HttpRequestActionBuilder RECORDS = http(RequestNames.SEARCH_COMMUNITY_RECORDS)
            .get(el(COMMUNITY_RECORDS_LINK))
            .check(status().is(200))
            .check(Records.HITS.all("hits.hits[*].id").optional().saveAs(HIT_IDS));
}

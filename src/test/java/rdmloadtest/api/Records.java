package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/** Reading published records: search, record, versions, redirects. Names read like a user's action. */
public final class Records {
    private Records() {}

    /** What a client reads of a page of hits: the total, each hit's id, the next page's link. */
    static final JsonFields HITS = JsonFields.of("hits.total", "hits.hits[*].id", "links.next");

    /** GET /api/records with the session's "searchParams" map; saves hit ids and the next-page link. */
    public static final HttpRequestActionBuilder SEARCH = http(RequestNames.SEARCH_RECORDS)
            .get("/api/records")
            .queryParamMap(el(SEARCH_PARAMS))
            .check(status().is(200))
            .check(HITS.integer("hits.total").saveAs(HITS_TOTAL))
            .check(HITS.all("hits.hits[*].id").optional().saveAs(HIT_IDS))
            .check(HITS.string("links.next").optional().saveAs(NEXT_LINK));

    /**
     * A depositor's search for the record just published, as its owner (who sees it whatever its access): saves how
     * many hits; a light query (one id, one hit) so that polling adds little load.
     */
    public static final HttpRequestActionBuilder FIND_PUBLISHED = http(RequestNames.FIND_PUBLISHED_RECORD)
            .get("/api/records")
            .queryParam(Q, "id:\"" + el(PUBLISHED_ID) + "\"")
            .queryParam("size", "1")
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(200))
            .check(jsonPath("$.hits.total").ofInt().saveAs(FOUND_TOTAL));

    /** Follows the links.next that the previous page returned (the user clicks "next"). */
    public static final HttpRequestActionBuilder SEARCH_NEXT_PAGE = http(RequestNames.SEARCH_RECORDS)
            .get(el(PAGE_LINK))
            .check(status().is(200))
            .check(HITS.all("hits.hits[*].id").optional().saveAs(HIT_IDS))
            .check(HITS.string("links.next").optional().saveAs(NEXT_LINK));

    private static final JsonFields RECORD = JsonFields.of(
            "id",
            "links.versions",
            "links.latest",
            "links.archive",
            "files.total_bytes",
            "files.entries.*.links.content",
            "files.entries.*.size");

    /** GET /api/records/{id}: saves the links to versions, latest, files and archive. */
    public static final HttpRequestActionBuilder VIEW = http(RequestNames.VIEW_RECORD)
            .get("/api/records/" + el(RECORD_ID))
            .check(status().is(200))
            .check(RECORD.string("id").isEL(el(RECORD_ID)))
            .check(header("ETag").exists())
            .check(RECORD.string("links.versions").saveAs(VERSIONS_LINK))
            .check(RECORD.string("links.latest").saveAs(LATEST_LINK))
            .check(RECORD.string("links.archive").optional().saveAs(ARCHIVE_LINK))
            .check(RECORD.longValue("files.total_bytes").optional().saveAs(FILES_TOTAL_BYTES))
            .check(RECORD.all("files.entries.*.links.content").optional().saveAs(CONTENT_LINKS))
            .check(RECORD.longs("files.entries.*.size").optional().saveAs(CONTENT_SIZES));

    private static final JsonFields VERSIONS = JsonFields.of("hits.total");

    public static final HttpRequestActionBuilder LIST_VERSIONS = http(RequestNames.LIST_VERSIONS)
            .get(el(VERSIONS_LINK))
            .check(status().is(200))
            .check(VERSIONS.integer("hits.total").gte(1));

    /** /versions/latest answers 301 with a Location; the redirect is checked, not followed. */
    public static final HttpRequestActionBuilder RESOLVE_LATEST = http(RequestNames.RESOLVE_LATEST)
            .get(el(LATEST_LINK))
            .disableFollowRedirect()
            .check(status().is(301))
            .check(header("Location").exists());

    /** The parent (concept) id redirects (302) to the latest version. */
    public static final HttpRequestActionBuilder RESOLVE_PARENT = http(RequestNames.RESOLVE_PARENT)
            .get("/api/records/" + el(PARENT_ID))
            .disableFollowRedirect()
            .check(status().is(302))
            .check(header("Location").exists());
}

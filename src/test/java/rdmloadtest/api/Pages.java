package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/**
 * The web UI as an anonymous visitor's browser loads it: the pages InvenioRDM's Flask app renders, and the API calls
 * their JavaScript apps make with the UI serialization (Accept: application/vnd.inveniordm.v1+json). Static files
 * are left out here (a CDN or the web server serves them; {@link #withStaticLinks} when they are wanted).
 */
public final class Pages {
    private Pages() {}

    /** What InvenioRDM's search apps ask for: each hit with its "ui" block (dates, licences, creators formatted). */
    public static final String UI_JSON = "application/vnd.inveniordm.v1+json";

    public static final HttpRequestActionBuilder FRONT_PAGE = http(RequestNames.OPEN_FRONT_PAGE)
            .get("/")
            .check(status().is(200))
            .check(substring("data-fetch-url=\"/api/records?sort=newest").exists());

    /** The front page's "recent uploads" box (its data-fetch-url). */
    public static final HttpRequestActionBuilder RECENT_RECORDS = http(RequestNames.LOAD_RECENT_RECORDS)
            .get("/api/records?sort=newest&size=10")
            .header("Accept", UI_JSON)
            .check(status().is(200))
            .check(header("Content-Type").is(UI_JSON))
            .check(Records.HITS.all("hits.hits[*].id").optional().saveAs(HIT_IDS));

    private static final JsonFields COMMUNITY_HITS = JsonFields.of("hits.total", "hits.hits[*]");

    public static final HttpRequestActionBuilder FEATURED_COMMUNITIES = http(RequestNames.LOAD_FEATURED_COMMUNITIES)
            .get("/api/communities/featured")
            .check(status().is(200))
            .check(COMMUNITY_HITS.integer("hits.total").exists());

    /** The search page: a template; the results come from its search app's call ({@link #SEARCH_APP}). */
    public static final HttpRequestActionBuilder SEARCH_PAGE = http(RequestNames.OPEN_SEARCH_PAGE)
            .get("/search")
            .queryParam("q", el(Q))
            .check(status().is(200))
            .check(substring("data-invenio-search-config=").exists());

    /** The search app's query, with the session's "searchParams" (the same shapes as the API readers'). */
    public static final HttpRequestActionBuilder SEARCH_APP = http(RequestNames.SEARCH_RECORDS_WEB)
            .get("/api/records")
            .queryParamMap(el(SEARCH_PARAMS))
            .header("Accept", UI_JSON)
            .check(status().is(200))
            .check(header("Content-Type").is(UI_JSON))
            .check(Records.HITS.all("hits.hits[*].id").optional().saveAs(HIT_IDS));

    /**
     * The record's landing page: saves the export formats it links, the citation styles its citation box offers, and
     * the previews of the files the visitor may read.
     */
    public static final HttpRequestActionBuilder RECORD_PAGE = http(RequestNames.OPEN_RECORD_PAGE)
            .get("/records/" + el(RECORD_ID))
            .check(status().is(200))
            // The export menu's data-formats: [{"export_url": "/records/{id}/export/json", "name": "JSON"}, ...]
            .check(RecordPageFields.exportFormats().saveAs(EXPORT_FORMATS))
            .check(RecordPageFields.citationStyles().saveAs(CITATION_STYLES))
            .check(RecordPageFields.embargoMarks().saveAs(EMBARGO_MARKS))
            .check(RecordPageFields.defaultStyle().saveAs(CITATION_STYLE))
            .check(RecordPageFields.previewLinks().optional().saveAs(PREVIEW_LINKS));

    /** The citation box: the record formatted by CSL in "citationStyle" (as its React app asks, locale en-US). */
    public static final HttpRequestActionBuilder CITE = http(RequestNames.CITE_RECORD)
            .get("/api/records/" + el(RECORD_ID))
            .queryParam("style", el(CITATION_STYLE))
            .queryParam("locale", "en-US")
            .header("Accept", "text/x-bibliography")
            .check(status().is(200))
            .check(bodyLength().gt(0));

    public static final HttpRequestActionBuilder EXPORT = http(RequestNames.EXPORT_RECORD)
            .get("/records/" + el(RECORD_ID) + "/export/" + el(EXPORT_FORMAT))
            .check(status().is(200))
            .check(bodyLength().gt(0));

    public static final HttpRequestActionBuilder PREVIEW =
            http(RequestNames.PREVIEW_FILE).get(el(PREVIEW_LINK)).check(status().is(200));

    public static final HttpRequestActionBuilder COMMUNITIES_PAGE =
            http(RequestNames.OPEN_COMMUNITIES_PAGE).get("/communities").check(status().is(200));

    /** The communities page's search app: saves one community of its first page. */
    public static final HttpRequestActionBuilder COMMUNITIES_APP = http(RequestNames.SEARCH_COMMUNITIES_WEB)
            .get("/api/communities?q=&sort=newest&page=1&size=10")
            .header("Accept", UI_JSON)
            .check(status().is(200))
            .check(COMMUNITY_HITS.any("hits.hits[*]").optional().saveAs(COMMUNITY_HIT));

    /**
     * The community's records page, where /communities/{slug} ends after two redirects (308, 302: each would be a
     * request of its own name in Gatling's report; they cost the real v13 under 2 ms).
     */
    public static final HttpRequestActionBuilder COMMUNITY_PAGE = http(RequestNames.OPEN_COMMUNITY_PAGE)
            .get("/communities/" + el(COMMUNITY_SLUG) + "/records")
            .check(status().is(200));

    public static final HttpRequestActionBuilder COMMUNITY_RECORDS_APP = http(RequestNames.SEARCH_COMMUNITY_RECORDS_WEB)
            .get("/api/communities/" + el(COMMUNITY_ID) + "/records?q=&sort=newest&page=1&size=10")
            .header("Accept", UI_JSON)
            .check(status().is(200))
            .check(Records.HITS.all("hits.hits[*].id").optional().saveAs(HIT_IDS));

    public static final HttpRequestActionBuilder STATIC_FILE =
            http(RequestNames.LOAD_STATIC_FILE).get(el(STATIC_LINK)).check(status().is(200));

    /** The page's own /static references (JS, CSS, images), saved for a visitor whose browser loads them. */
    public static HttpRequestActionBuilder withStaticLinks(HttpRequestActionBuilder page) {
        return page.check(
                regex("(?:src|href)=\"(/static/[^\"]+)\"").findAll().optional().saveAs(STATIC_LINKS));
    }
}

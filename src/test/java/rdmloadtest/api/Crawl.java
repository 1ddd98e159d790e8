package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Map;
import rdmloadtest.slo.RequestNames;

/**
 * What a crawler asks InvenioRDM, under its own User-Agent (the session's CRAWL_AGENT): robots.txt (invenio-app-rdm's /robots.txt), the sitemap
 * (invenio-sitemap's /sitemap_index_{n}.xml and /sitemap_{n}.xml, application/xml), landing pages and exports.
 */
public final class Crawl {
    private Crawl() {}

    private static final Map<String, String> SITEMAP = Map.of("sm", "http://www.sitemaps.org/schemas/sitemap/0.9");

    /** Any answer below 500 is read (a missing robots.txt allows everything); a server error is the target's failure. */
    public static HttpRequestActionBuilder robotsTxt() {
        return http(RequestNames.READ_ROBOTS_TXT)
                .get("/robots.txt")
                .header("User-Agent", el(CRAWL_AGENT))
                .check(status().lt(500).saveAs(ROBOTS_STATUS))
                .check(bodyString().saveAs(ROBOTS_BODY));
    }

    /** A sitemap index: the sitemaps it lists. */
    public static HttpRequestActionBuilder sitemapIndex() {
        return http(RequestNames.READ_SITEMAP_INDEX)
                .get(el(SITEMAP_PATH))
                .header("User-Agent", el(CRAWL_AGENT))
                .check(status().is(200))
                .check(xpath("//sm:sitemap/sm:loc", SITEMAP).findAll().saveAs(SITEMAP_LINKS));
    }

    /** A sitemap: the pages it lists, in its order (records newest-updated first, then communities). */
    public static HttpRequestActionBuilder sitemap() {
        return http(RequestNames.READ_SITEMAP)
                .get(el(SITEMAP_PATH))
                .header("User-Agent", el(CRAWL_AGENT))
                .check(status().is(200))
                .check(xpath("//sm:url/sm:loc", SITEMAP).findAll().saveAs(PAGE_LINKS));
    }

    /** A record's landing page as a crawler reads it: the exports its menu lists, whether an embargo is on. */
    public static HttpRequestActionBuilder recordPage() {
        return http(RequestNames.CRAWL_RECORD_PAGE)
                .get(el(CRAWL_PATH))
                .header("User-Agent", el(CRAWL_AGENT))
                .check(status().is(200))
                .check(RecordPageFields.exportFormats().saveAs(EXPORT_FORMATS))
                .check(RecordPageFields.embargoMarks().saveAs(EMBARGO_MARKS));
    }

    public static HttpRequestActionBuilder export() {
        return http(RequestNames.CRAWL_RECORD_EXPORT)
                .get(el(EXPORT_PATH))
                .header("User-Agent", el(CRAWL_AGENT))
                .check(status().is(200))
                .check(bodyLength().gt(0));
    }
}

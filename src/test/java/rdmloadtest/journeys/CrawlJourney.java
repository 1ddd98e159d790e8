package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import rdmloadtest.api.Crawl;
import rdmloadtest.run.LoadTestConfig;

/**
 * A crawler: reads robots.txt first and requests nothing it disallows, waits its Crawl-delay between requests, reads
 * the sitemap its Sitemap lines name (an index, then one of its sitemaps), opens landing pages in the sitemap's order
 * from a random place in it, and after each the next formats of its export menu. Without a sitemap it opens records
 * by popularity, as links from elsewhere (DOIs, citations) lead crawlers to them: InvenioRDM's robots.txt disallows
 * /search and /api, and the search page's hits come from /api/records by JavaScript, so a polite crawler finds no
 * records there. Community pages in the sitemap are left out: they redirect twice, and list their records by JavaScript.
 */
public final class CrawlJourney {
    private static final String RECORDS = "/records/";
    /** Offered on every page, but answers 500 for a record under embargo on the real v13 (an upstream bug). */
    private static final String CODEMETA = LandingPageJourney.CODEMETA;

    private CrawlJourney() {}

    /**
     * One crawler session; {@code pauses} false (the smoke profile) leaves out the waits between requests;
     * {@code agentPerSession} adds the session's number to its agent, as invenio.userAgentPerSession does the others'. A session
     * at Crawl-delay 10 s lasts minutes: it leaves when {@code over} says the run's planned end has passed, rather than
     * keep the run going after its load has stopped.
     */
    public static ChainBuilder crawl(
            LoadTestConfig.Crawlers cfg, Feeds feeds, boolean pauses, BooleanSupplier over, boolean agentPerSession) {
        String agent = cfg.userAgent();
        return exec(CrawlJourney::forgetTheLastSession)
                // Its agent, with the session's number when each session names itself (invenio.userAgentPerSession).
                .exec(s -> s.set(CRAWL_AGENT, agentPerSession ? agent + " session/" + s.userId() : agent))
                .exec(Crawl.robotsTxt())
                .exec(s -> readRobots(s, agent, cfg.pause(), pauses))
                .doIfOrElse(s -> s.contains(SITEMAP_PATH))
                .then(politely(Crawl.sitemapIndex(), over)
                        .exec(CrawlJourney::pickASitemap)
                        .doIf(s -> s.contains(SITEMAP_PATH))
                        .then(politely(Crawl.sitemap(), over).exec(s -> pagesInSitemapOrder(s, cfg.pages()))))
                .orElse(repeat(cfg.pages()).on(feed(feeds.popularRecords()).exec(CrawlJourney::addALinkedRecord)))
                .foreach(s -> s.getList(CRAWL_PAGES), CRAWL_PATH)
                .on(exec(s -> s.remove(EXPORT_FORMATS).remove(EMBARGO_MARKS))
                        .exec(politely(Crawl.recordPage(), over))
                        .exec(s -> nextExports(s, cfg.exportsPerPage()))
                        .foreach(s -> s.getList(EXPORT_PATHS), EXPORT_PATH)
                        .on(politely(Crawl.export(), over)));
    }

    /** The site's delay, then the request, unless the run's planned end came meanwhile. */
    private static ChainBuilder politely(HttpRequestActionBuilder request, BooleanSupplier over) {
        return pause(s -> s.<Duration>get(CRAWL_DELAY))
                .exitHereIf(s -> over.getAsBoolean())
                .exec(request);
    }

    private static Session forgetTheLastSession(Session s) {
        return s.remove(ROBOTS_STATUS)
                .remove(ROBOTS_BODY)
                .remove(SITEMAP_PATH)
                .remove(SITEMAP_LINKS)
                .remove(PAGE_LINKS)
                .set(CRAWL_PAGES, List.of())
                .set(EXPORT_PATHS, List.of())
                .set(EXPORT_TURN, 0);
    }

    /** robots.txt unreachable (no status) counts as a server error: nothing is allowed (RFC 9309 2.3.1.4). */
    private static Session readRobots(Session s, String agent, Duration pause, boolean pauses) {
        RobotsTxt robots = RobotsTxt.of(
                s.contains(ROBOTS_STATUS) ? s.getInt(ROBOTS_STATUS) : 599,
                s.contains(ROBOTS_BODY) ? s.getString(ROBOTS_BODY) : null,
                agent);
        Session out = s.set(ROBOTS, robots).set(CRAWL_DELAY, delay(robots, pause, pauses));
        String sitemap = anyAllowed(robots, robots.sitemaps());
        return sitemap == null ? out : out.set(SITEMAP_PATH, sitemap);
    }

    /** Between two requests: robots.txt's Crawl-delay, else the configured pause; none in a smoke run. */
    static Duration delay(RobotsTxt robots, Duration pause, boolean pauses) {
        return pauses ? robots.crawlDelay().orElse(pause) : Duration.ZERO;
    }

    private static Session pickASitemap(Session s) {
        String sitemap = anyAllowed(s.get(ROBOTS), s.contains(SITEMAP_LINKS) ? s.getList(SITEMAP_LINKS) : List.of());
        return sitemap == null ? s.remove(SITEMAP_PATH) : s.set(SITEMAP_PATH, sitemap);
    }

    /** One of these URLs' paths that robots.txt allows, or null. */
    private static String anyAllowed(RobotsTxt robots, List<?> urls) {
        List<String> allowed = new ArrayList<>();
        for (Object url : urls) {
            String path = path(url.toString());
            if (path != null && robots.allows(path)) allowed.add(path);
        }
        return allowed.isEmpty()
                ? null
                : allowed.get(ThreadLocalRandom.current().nextInt(allowed.size()));
    }

    /** Up to {@code pages} record pages the sitemap lists one after another, from a random place in it. */
    private static Session pagesInSitemapOrder(Session s, int pages) {
        List<String> records = new ArrayList<>();
        for (Object url : s.contains(PAGE_LINKS) ? s.getList(PAGE_LINKS) : List.of()) {
            String path = path(url.toString());
            if (path != null && path.startsWith(RECORDS)) records.add(path);
        }
        int from = ThreadLocalRandom.current().nextInt(Math.max(1, records.size() - pages + 1));
        return s.set(
                CRAWL_PAGES, allowedOnly(s.get(ROBOTS), records.subList(from, Math.min(records.size(), from + pages))));
    }

    private static Session addALinkedRecord(Session s) {
        List<String> pages = new ArrayList<>(s.getList(CRAWL_PAGES));
        pages.add(RECORDS + s.getString(ID));
        return s.set(CRAWL_PAGES, allowedOnly(s.get(ROBOTS), pages));
    }

    /** The next formats of the page's export menu, taking turns over the session's pages. */
    private static Session nextExports(Session s, int perPage) {
        List<String> formats = new ArrayList<>();
        if (s.contains(EXPORT_FORMATS))
            for (Object f : s.getList(EXPORT_FORMATS))
                if (!(f.equals(CODEMETA) && s.contains(EMBARGO_MARKS) && s.getInt(EMBARGO_MARKS) > 0)
                        && !formats.contains(f.toString())) formats.add(f.toString());
        List<String> paths = new ArrayList<>();
        int turn = s.getInt(EXPORT_TURN);
        for (int i = 0; i < Math.min(perPage, formats.size()); i++)
            paths.add(s.getString(CRAWL_PATH) + "/export/" + formats.get((turn + i) % formats.size()));
        return s.set(EXPORT_PATHS, allowedOnly(s.get(ROBOTS), paths)).set(EXPORT_TURN, turn + perPage);
    }

    static List<String> allowedOnly(RobotsTxt robots, List<String> paths) {
        return paths.stream().filter(robots::allows).toList();
    }

    /** A URL's path and query (the sitemap's are absolute, on the site's own host), or null when it is none. */
    static String path(String url) {
        try {
            URI u = URI.create(url.trim());
            String path = u.getRawPath();
            if (path == null || path.isEmpty()) return null;
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

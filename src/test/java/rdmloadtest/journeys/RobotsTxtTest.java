package rdmloadtest.journeys;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The crawler reads robots.txt as RFC 9309 says, with Crawl-delay and Sitemap lines. */
class RobotsTxtTest {
    /** invenio-app-rdm 13.1.2's robots.txt, as the real v13 served it (no sitemap built yet). */
    private static final String INVENIO_V13 = "User-agent: *\nDisallow: /search\nDisallow: /api\n"
            + "Disallow: /administration\nDisallow: /account\nDisallow: /uploads\nDisallow: /me\nDisallow: /login\n"
            + "Disallow: /logout\nDisallow: /records/*/preview\nCrawl-delay: 10";

    private static final String AGENT = "Mozilla/5.0 (compatible; rdm-loadtest-crawler/0.1; +bot)";

    @Test
    void invenioRdmsRobotsTxtKeepsCrawlersOnLandingPagesAndExports() {
        RobotsTxt r = RobotsTxt.of(200, INVENIO_V13 + "\nSitemap: https://x.org/sitemap_index_0.xml", AGENT);
        for (String allowed : List.of(
                "/records/abcde-12345", "/records/abcde-12345/export/json", "/sitemap_index_0.xml", "/", "/robots.txt"))
            assertTrue(r.allows(allowed), allowed);
        for (String disallowed : List.of(
                "/search",
                "/search?q=x",
                "/api/records",
                "/me/uploads",
                "/login/",
                "/records/abcde-12345/preview/data.csv",
                "/uploads/new")) assertFalse(r.allows(disallowed), disallowed);
        assertEquals(Optional.of(Duration.ofSeconds(10)), r.crawlDelay());
        assertEquals(List.of("https://x.org/sitemap_index_0.xml"), r.sitemaps());
    }

    @Test
    void theGroupNamingTheAgentWinsOverTheWildcardAndTheLongestRuleDecides() {
        String text = "# test\nUser-agent: *\nDisallow: /\n\nUser-agent: other-bot\nUser-agent: RDM-LOADTEST-CRAWLER\n"
                + "Disallow: /records/*/export/\nAllow: /records/*/export/bibtex$\nCrawl-delay: 0.5\n";
        RobotsTxt r = RobotsTxt.of(200, text, AGENT);
        assertTrue(r.allows("/records/a/export/bibtex"));
        assertFalse(r.allows("/records/a/export/bibtex2"));
        assertFalse(r.allows("/records/a/export/json"));
        assertTrue(r.allows("/records/a"));
        assertEquals(Optional.of(Duration.ofMillis(500)), r.crawlDelay());
        RobotsTxt someoneElse = RobotsTxt.of(200, text, "curl/8.0");
        assertFalse(someoneElse.allows("/records/a"));
        assertEquals(Optional.empty(), someoneElse.crawlDelay());
    }

    @Test
    void aMissingRobotsTxtAllowsEverythingAndAFailedOneNothing() {
        assertTrue(RobotsTxt.of(404, "<html>not found</html>", AGENT).allows("/api/records"));
        assertFalse(RobotsTxt.of(503, "", AGENT).allows("/robots.txt"));
        assertFalse(RobotsTxt.of(503, "", AGENT).allows("/records/a"));
    }

    @Test
    void emptyDisallowAllowsAndDollarAnchorsTheEnd() {
        RobotsTxt r = RobotsTxt.of(200, "User-agent: *\nDisallow:\nDisallow: /*.xml$\n", AGENT);
        assertTrue(r.allows("/records/a"));
        assertFalse(r.allows("/sitemap_0.xml"));
        assertTrue(r.allows("/sitemap_0.xml?page=2"));
    }

    @Test
    void theJourneyWaitsTheCrawlDelayElseItsOwnPauseAndNeverInASmokeRun() {
        RobotsTxt delayed = RobotsTxt.of(200, "User-agent: *\nCrawl-delay: 10", AGENT);
        RobotsTxt none = RobotsTxt.of(200, "User-agent: *\nDisallow: /me", AGENT);
        assertEquals(Duration.ofSeconds(10), CrawlJourney.delay(delayed, Duration.ofSeconds(1), true));
        assertEquals(Duration.ofSeconds(1), CrawlJourney.delay(none, Duration.ofSeconds(1), true));
        assertEquals(Duration.ZERO, CrawlJourney.delay(delayed, Duration.ofSeconds(1), false));
    }

    @Test
    void sitemapLocationsAreRequestedByTheirPathOnTheTarget() {
        assertEquals("/records/abcde-12345", CrawlJourney.path("https://rdm.example.org/records/abcde-12345"));
        assertEquals("/sitemap_0.xml", CrawlJourney.path(" http://127.0.0.1:5000/sitemap_0.xml\n"));
        assertNull(CrawlJourney.path("not a url with spaces"));
    }
}

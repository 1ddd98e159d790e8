package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rdmloadtest.simulator.web.CrawlerPages;

/**
 * robots.txt and the sitemap as InvenioRDM v13 serves them (invenio-app-rdm 13.1.2's robots.txt template,
 * invenio-sitemap 0.3.0's views): paths, content types, public records newest-updated first, then communities.
 */
class CrawlerPagesTest extends AbstractSimulatorTest {
    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    private static List<String> locs(String xml) {
        List<String> out = new ArrayList<>();
        Matcher m = LOC.matcher(xml);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void robotsTxtIsInvenioRdmsTemplateWithOneSitemapLinePerIndexAsHtml() throws Exception {
        try (Sim sim = Sim.start(Fixture.records(30), fast())) {
            Res r = sim.get("/robots.txt");
            assertEquals(200, r.status());
            // Flask's render_template answers text/html whatever the file's name (the real v13 does).
            assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
            assertEquals(CrawlerPages.ROBOTS_TXT + "\nSitemap: " + sim.base + "/sitemap_index_0.xml", r.text());
        }
    }

    @Test
    void theSitemapListsPublicRecordsNewestUpdatedFirstThenCommunitiesInFilesOfMaxEntries() throws Exception {
        List<Fixture.Rec> records = Fixture.records(30);
        try (Sim sim = Sim.start(records, fast("simulator.sitemap.maxEntries", "10"))) {
            List<String> expected = new ArrayList<>(records.stream()
                    .filter(r -> !r.restrictedRecord())
                    .sorted((a, b) -> b.updated().compareTo(a.updated()))
                    .map(r -> sim.base + "/records/" + r.id())
                    .toList());
            int files = (expected.size() + 2 + 9) / 10;
            Res root = sim.get("/sitemap.xml");
            assertEquals(200, root.status());
            assertEquals("application/xml", root.header("Content-Type"));
            List<String> sitemaps = locs(root.text());
            assertEquals(files, sitemaps.size(), root.text());
            assertEquals(root.text(), sim.get("/sitemap_index_0.xml").text());
            assertEquals(404, sim.get("/sitemap_index_1.xml").status());
            List<String> all = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                assertEquals(sim.base + "/sitemap_" + i + ".xml", sitemaps.get(i));
                Res page = sim.get("/sitemap_" + i + ".xml");
                assertEquals("application/xml", page.header("Content-Type"));
                assertTrue(page.text().contains("<urlset"), page.text());
                assertTrue(page.text().contains("<lastmod>"), page.text());
                List<String> urls = locs(page.text());
                assertTrue(urls.size() <= 10, "at most simulator.sitemap.maxEntries: " + urls.size());
                all.addAll(urls);
            }
            assertEquals(404, sim.get("/sitemap_" + files + ".xml").status());
            assertEquals(expected, all.subList(0, expected.size()), "records, newest updated first");
            assertEquals(
                    Set.of(
                            sim.base + "/communities/" + Fixture.COMMUNITY_SLUG,
                            sim.base + "/communities/" + Fixture.EMPTY_COMMUNITY_SLUG),
                    Set.copyOf(all.subList(expected.size(), all.size())),
                    "then the communities");
        }
    }

    @Test
    void withoutASitemapTheRootIs404AndRobotsTxtNamesNone() throws Exception {
        try (Sim sim = Sim.start(Fixture.records(5), fast("simulator.sitemap.maxEntries", "0"))) {
            assertEquals(CrawlerPages.ROBOTS_TXT, sim.get("/robots.txt").text());
            assertEquals(404, sim.get("/sitemap.xml").status());
            assertEquals(404, sim.get("/sitemap_0.xml").status());
        }
    }
}

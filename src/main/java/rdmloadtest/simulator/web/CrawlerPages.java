package rdmloadtest.simulator.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.store.Community;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;

/**
 * What InvenioRDM v13/v14 serve crawlers: robots.txt (invenio-app-rdm's template) and invenio-sitemap's sitemap
 * indices and sitemaps: public records newest-updated first, then public communities, at most {@code maxEntries} a
 * file. The real sitemap is a snapshot the update_sitemap task caches daily; this one is built on each request.
 */
public final class CrawlerPages {
    /** invenio-app-rdm 13.1.2's theme/templates/.../robots.txt, rendered without a sitemap (204 bytes, as served). */
    public static final String ROBOTS_TXT = "User-agent: *\n"
            + "Disallow: /search\n"
            + "Disallow: /api\n"
            + "Disallow: /administration\n"
            + "Disallow: /account\n"
            + "Disallow: /uploads\n"
            + "Disallow: /me\n"
            + "Disallow: /login\n"
            + "Disallow: /logout\n"
            + "Disallow: /records/*/preview\n"
            + "Crawl-delay: 10";

    private static final String XML = "application/xml";
    /** invenio-sitemap's format_to_w3c: minutes and seconds in UTC, with a Z. */
    private static final DateTimeFormatter W3C =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Repository repo;
    private final ErrorPages errors;
    private final String robotsTxt;
    private final int maxEntries;

    /**
     * @param robotsTxt the robots.txt text before its Sitemap lines (null: InvenioRDM's)
     * @param maxEntries entries per sitemap file (SITEMAP_MAX_ENTRY_COUNT); 0: no sitemap, as on an instance whose
     *     update_sitemap task has not run yet (404, and robots.txt names none)
     */
    public CrawlerPages(Repository repo, WebSession sessions, String version, String robotsTxt, int maxEntries) {
        this.repo = repo;
        this.errors = new ErrorPages(sessions, new Templates(version));
        this.robotsTxt = robotsTxt == null ? ROBOTS_TXT : robotsTxt;
        this.maxEntries = maxEntries;
    }

    public void routes(Router r) {
        r.add("GET", "/robots.txt", EndpointClass.STATIC, this::robots);
        r.add("GET", "/sitemap.xml", EndpointClass.PAGE, c -> index(c, 0));
        r.add("GET", "/sitemap_index_{page}.xml", EndpointClass.PAGE, c -> index(c, page(c)));
        r.add("GET", "/sitemap_{page}.xml", EndpointClass.PAGE, this::sitemap);
    }

    /** Rendered by Flask's render_template: text/html, whatever the name says (measured on the real v13). */
    private Reply robots(Call c) {
        StringBuilder b = new StringBuilder(robotsTxt);
        int indices = files(files(entries(c).size()));
        for (int i = 0; i < indices; i++)
            b.append("\nSitemap: ")
                    .append(c.siteUrl)
                    .append("/sitemap_index_")
                    .append(i)
                    .append(".xml");
        return Html.html(200, b.toString());
    }

    private Reply index(Call c, int page) {
        List<Entry> entries = entries(c);
        int sitemaps = files(entries.size());
        List<Entry> index = new ArrayList<>();
        for (int i = 0; i < sitemaps; i++) {
            List<Entry> batch = batch(entries, i);
            String lastmod = batch.stream()
                    .map(Entry::lastmod)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            index.add(new Entry(c.siteUrl + "/sitemap_" + i + ".xml", lastmod));
        }
        List<Entry> mine = batch(index, page);
        if (mine.isEmpty()) return notFound(c);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (Entry e : mine) b.append(element("sitemap", e));
        return xml(b.append("\n</sitemapindex>"));
    }

    private Reply sitemap(Call c) {
        List<Entry> mine = batch(entries(c), page(c));
        if (mine.isEmpty()) return notFound(c);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset\n"
                + "  xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\n"
                + "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "  xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9"
                + " http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\">");
        for (Entry e : mine) b.append(element("url", e));
        return xml(b.append("\n</urlset>"));
    }

    private record Entry(String loc, String lastmod) {}

    /** SitemapSectionOfRDMRecords, then SitemapSectionOfCommunities: public, not deleted, newest update first. */
    private List<Entry> entries(Call c) {
        if (maxEntries == 0) return List.of();
        return repo.read(() -> {
            List<Entry> out = new ArrayList<>();
            repo.records().stream()
                    .filter(r -> !r.deleted() && !r.recordRestricted())
                    .sorted(Comparator.comparing((RecordDoc r) -> r.updated)
                            .reversed()
                            .thenComparing(r -> r.id))
                    .forEach(r -> out.add(new Entry(c.siteUrl + "/records/" + r.id, W3C.format(r.updated))));
            repo.communities().stream()
                    .filter(CrawlerPages::publicCommunity)
                    .sorted(Comparator.comparing(CrawlerPages::updated).reversed())
                    .forEach(k -> out.add(new Entry(c.siteUrl + "/communities/" + k.slug(), W3C.format(updated(k)))));
            return out;
        });
    }

    private static boolean publicCommunity(Community c) {
        return c.json().path("access").path("visibility").asText("public").equals("public");
    }

    private static Instant updated(Community c) {
        String updated = c.json().path("updated").asText("");
        try {
            return updated.isEmpty() ? Instant.EPOCH : Instant.parse(updated.replace("+00:00", "Z"));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private int files(int entries) {
        return maxEntries == 0 ? 0 : (entries + maxEntries - 1) / maxEntries;
    }

    private <T> List<T> batch(List<T> all, int page) {
        if (page < 0 || maxEntries == 0) return List.of();
        long from = (long) page * maxEntries;
        if (from >= all.size()) return List.of();
        return all.subList((int) from, (int) Math.min(all.size(), from + maxEntries));
    }

    private static int page(Call c) {
        String p = c.param("page");
        return p.matches("\\d{1,6}") ? Integer.parseInt(p) : -1;
    }

    private static String element(String name, Entry e) {
        return "\n  <" + name + ">\n    <loc>" + Html.escape(e.loc()) + "</loc>\n    <lastmod>" + e.lastmod()
                + "</lastmod>\n  </" + name + ">";
    }

    private static Reply xml(StringBuilder body) {
        return Reply.bytes(200, XML, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Flask's abort(404): the site's 404 page, as for any unknown page. */
    private Reply notFound(Call c) {
        return errors.error(c, 404);
    }
}

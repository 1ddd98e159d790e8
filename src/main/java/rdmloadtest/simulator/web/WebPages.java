package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;
import static rdmloadtest.simulator.web.Html.html;
import static rdmloadtest.simulator.web.Html.redirect;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rdmloadtest.simulator.api.RecordJson;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.store.Community;
import rdmloadtest.simulator.store.Identity;
import rdmloadtest.simulator.store.Repository;

/**
 * InvenioRDM's web UI as v13/v14 serve it: its routes, and the pages that are not a record's: front page, search page,
 * community pages, the user dashboard and the deposit form. Page shells are the bodies the real v13/v14 answered
 * (templates under resources/simulator/web, built by scripts/sim-web-templates.py); a record's pages (RecordPages) are
 * generated from the stored record in the real markup, so pages have the real size and structure.
 */
public final class WebPages {
    private final Repository repo;
    private final WebSession sessions;
    private final Templates templates;
    private final ErrorPages errors;
    private final RecordPages records;
    private final Map<String, String> emails = new ConcurrentHashMap<>();

    public WebPages(
            Repository repo,
            RecordJson json,
            WebSession sessions,
            Map<String, Map.Entry<String, String>> logins,
            String version) {
        this.repo = repo;
        this.sessions = sessions;
        this.templates = new Templates(version);
        this.errors = new ErrorPages(sessions, templates);
        this.records = new RecordPages(repo, json, sessions, templates, errors, version);
        logins.forEach((email, user) -> emails.put(user.getValue(), email));
    }

    public void routes(Router r) {
        r.add("GET", "/", EndpointClass.PAGE, c -> page(c, templates.get("home.html")));
        r.add("GET", "/search", EndpointClass.PAGE, c -> page(c, templates.get("search.html")));
        r.add("GET", "/records/{id}", EndpointClass.LANDING, records::landing);
        r.add("GET", "/records/{id}/latest", EndpointClass.PAGE, records::latest);
        // the real export/json takes as long as the JSON record (46 vs 44 ms on v13): a record read
        r.add("GET", "/records/{id}/export/{format}", EndpointClass.RECORD, records::export);
        r.add("GET", "/records/{id}/preview/{key}", EndpointClass.PAGE, records::preview);
        r.add("GET", "/records/{id}/files/{key}", EndpointClass.DOWNLOAD, records::download);
        r.add("GET", "/communities", EndpointClass.PAGE, this::communitiesSearch);
        r.add("GET", "/communities/{slug}", EndpointClass.PAGE, this::community);
        r.add("GET", "/communities/{slug}/records", EndpointClass.PAGE, this::communityRecords);
        r.add("GET", "/communities/{slug}/community-theme-{n}.css", EndpointClass.STATIC, this::communityTheme);
        r.add("GET", "/me/uploads", EndpointClass.PAGE, c -> dashboard(c, "me_uploads.html"));
        r.add("GET", "/me/communities", EndpointClass.PAGE, c -> dashboard(c, "me_communities.html"));
        r.add("GET", "/uploads/new", EndpointClass.PAGE, c -> dashboard(c, "deposit.html"));
    }

    private Reply page(Call c, String html) {
        WebSession.Session s = sessions.session(c);
        return sessions.withCookie(html(200, html), s);
    }

    private Reply communitiesSearch(Call c) {
        String html = templates
                .get("search.html")
                .replace("InvenioAppRdm.Search", "InvenioCommunities.Search")
                .replace("\"url\": \"/api/records\"", "\"url\": \"/api/communities\"")
                .replace("<title>Search | InvenioRDM</title>", "<title>Communities | InvenioRDM</title>");
        return page(c, html);
    }

    /** {@code /communities/x} → 308 to {@code /communities/x/} (Flask's strict slashes) → 302 to its records. */
    private Reply community(Call c) {
        Community community = repo.read(() -> repo.community(c.param("slug")).orElse(null));
        if (community == null) return errors.error(c, 404);
        if (!c.path.endsWith("/"))
            return sessions.withCookie(
                    redirect(308, c.siteUrl + "/communities/" + community.slug() + "/" + Html.queryString(c)),
                    sessions.session(c));
        return sessions.withCookie(redirect(302, "/communities/" + community.slug() + "/records"), sessions.session(c));
    }

    private Reply communityRecords(Call c) {
        Community community = repo.read(() -> repo.community(c.param("slug")).orElse(null));
        if (community == null) return errors.error(c, 404);
        String html = new Fill(templates.get("community_records.html"))
                .with("title", escape(community.json().at("/metadata/title").asText(community.slug())))
                .with("slug", escape(community.slug()))
                .with("id", community.id())
                .with("site", c.siteUrl)
                .text();
        return page(c, html);
    }

    private Reply communityTheme(Call c) {
        if (repo.read(() -> repo.community(c.param("slug")).isEmpty())) return errors.error(c, 404);
        return Reply.bytes(200, "text/css; charset=utf-8", ":root {}\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A logged-in page: anonymous visitors are sent to the login form with the page as next (Flask-Login). */
    private Reply dashboard(Call c, String template) {
        WebSession.Session s = sessions.session(c);
        Identity who = s.identity();
        if (!who.authenticated()) return errors.toLogin(c, s);
        String email = emails.getOrDefault(who.userId(), "user" + who.userId() + "@example.org");
        String html = new Fill(templates.get(template))
                .with("email", escape(email))
                .with("user", who.userId())
                .with("site", c.siteUrl)
                .text();
        return sessions.withCookie(html(200, html), s);
    }
}

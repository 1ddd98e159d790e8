package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.store.Community;
import rdmloadtest.simulator.store.Identity;
import rdmloadtest.simulator.store.Mimetypes;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;

/**
 * InvenioRDM's web UI as v13/v14 serve it: front page, search page, record landing page (with the record's UI JSON in
 * data-record attributes, its JSON-LD and ~32 bundle references), exports, file preview and download, community pages,
 * the user dashboard and the deposit form. Page shells are the bodies the real v13/v14 answered (templates under
 * resources/simulator/web, built by scripts/sim-web-templates.py); the record's parts are generated from the stored
 * record in the real markup, so pages have the real size and structure.
 */
public final class WebPages {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    /** The 13 export formats of the landing page, in its order: URL name, label, serialization. */
    private record Export(String format, String name, String type) {}

    private static final List<Export> EXPORTS = List.of(
            new Export("json", "JSON", RecordFormats.JSON_TYPE),
            new Export("json-ld", "JSON-LD", "application/ld+json"),
            new Export("csl", "CSL", "application/vnd.citationstyles.csl+json"),
            new Export("datacite-json", "DataCite JSON", "application/vnd.datacite.datacite+json"),
            new Export("datacite-xml", "DataCite XML", "application/vnd.datacite.datacite+xml"),
            new Export("dublincore", "Dublin Core XML", "application/x-dc+xml"),
            new Export("marcxml", "MARCXML", "application/marcxml+xml"),
            new Export("bibtex", "BibTeX", "application/x-bibtex"),
            new Export("geojson", "GeoJSON", "application/vnd.geo+json"),
            new Export("dcat-ap", "DCAT", "application/dcat+xml"),
            new Export("codemeta", "Codemeta", "application/ld+json"),
            new Export("cff", "Citation File Format", "application/x-yaml"),
            new Export("datapackage", "Data Package JSON", RecordFormats.DATAPACKAGE));

    private final Repository repo;
    private final RecordJson json;
    private final WebSession sessions;
    private final Templates templates;
    private final String version;
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, CachedPage> anonymousLandings = new ConcurrentHashMap<>();

    public WebPages(
            Repository repo,
            RecordJson json,
            WebSession sessions,
            Map<String, Map.Entry<String, String>> logins,
            String version) {
        this.repo = repo;
        this.json = json;
        this.sessions = sessions;
        this.templates = new Templates(version);
        this.version = version;
        logins.forEach((email, user) -> emails.put(user.getValue(), email));
    }

    public void routes(Router r) {
        r.add("GET", "/", EndpointClass.PAGE, c -> page(c, templates.get("home.html")));
        r.add("GET", "/search", EndpointClass.PAGE, c -> page(c, templates.get("search.html")));
        r.add("GET", "/records/{id}", EndpointClass.LANDING, this::landing);
        r.add("GET", "/records/{id}/latest", EndpointClass.PAGE, this::latest);
        // the real export/json takes as long as the JSON record (46 vs 44 ms on v13): a record read
        r.add("GET", "/records/{id}/export/{format}", EndpointClass.RECORD, this::export);
        r.add("GET", "/records/{id}/preview/{key}", EndpointClass.PAGE, this::preview);
        r.add("GET", "/records/{id}/files/{key}", EndpointClass.DOWNLOAD, this::download);
        r.add("GET", "/communities", EndpointClass.PAGE, this::communitiesSearch);
        r.add("GET", "/communities/{slug}", EndpointClass.PAGE, this::community);
        r.add("GET", "/communities/{slug}/records", EndpointClass.PAGE, this::communityRecords);
        r.add("GET", "/communities/{slug}/community-theme-{n}.css", EndpointClass.STATIC, this::communityTheme);
        r.add("GET", "/me/uploads", EndpointClass.PAGE, c -> dashboard(c, "me_uploads.html"));
        r.add("GET", "/me/communities", EndpointClass.PAGE, c -> dashboard(c, "me_communities.html"));
        r.add("GET", "/uploads/new", EndpointClass.PAGE, c -> dashboard(c, "deposit.html"));
    }

    // --- pages -----------------------------------------------------------------------------------

    private Reply page(Call c, String html) {
        WebSession.Session s = sessions.session(c);
        return sessions.withCookie(html(200, html), s);
    }

    /** An error page in the site's chrome (invenio-theme's 404/403/500, invenio-app-rdm's tombstone for 410). */
    private Reply error(Call c, int status) {
        String[] text = switch (status) {
            case 403 ->
                new String[] {
                    "lock", "Permission required", "You do not have the required permissions to access this page."
                };
            case 410 -> new String[] {"trash", "Record deleted", "The record you are looking for has been deleted."};
            case 500 ->
                new String[] {
                    "bolt",
                    "Internal server error",
                    "An unexpected error occurred. The administrators have been notified."
                };
            default -> new String[] {"bolt", "Page not found", "The page you are looking for could not be found."};
        };
        String html = new Fill(templates.get("error.html"))
                .with("path", esc(c.path))
                .with("icon", text[0])
                .with("heading", text[1])
                .with("message", text[2])
                .text();
        return sessions.withCookie(html(status, html), sessions.session(c));
    }

    /** The record a visitor asked for, or the error page InvenioRDM answers instead. */
    private Optional<Reply> refusal(Call c, RecordDoc r) {
        if (r == null) return Optional.of(error(c, 404));
        if (r.deleted())
            return Optional.of(error(c, r.tombstone.path("is_visible").asBoolean(true) ? 410 : 404));
        if (!AccessRules.canReadRecord(r, c.identity)) return Optional.of(denied(c));
        return Optional.empty();
    }

    /**
     * invenio-app-rdm's record_permission_denied_error: an anonymous visitor is sent to the login form (Flask-Login's
     * unauthorized handler), a logged-in one gets the 403 page.
     */
    private Reply denied(Call c) {
        if (!c.identity.authenticated()) return toLogin(c, sessions.session(c));
        return error(c, 403);
    }

    private Reply toLogin(Call c, WebSession.Session s) {
        String next = c.path + queryString(c);
        return sessions.withCookie(redirect(302, "/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)), s);
    }

    Reply landing(Call c) {
        String id = c.param("id");
        return repo.read(() -> {
            RecordDoc r = repo.record(id).orElse(null);
            if (r == null) {
                // a parent (concept) id leads to its latest version
                var p = repo.parent(id).orElse(null);
                if (p != null && p.latestId() != null)
                    return sessions.withCookie(redirect(302, "/records/" + p.latestId()), sessions.session(c));
            }
            Optional<Reply> no = refusal(c, r);
            if (no.isPresent()) return no.get();
            byte[] page = c.identity.authenticated() ? render(c, r) : anonymousLanding(c, r);
            return sessions.withCookie(Reply.bytes(200, "text/html; charset=utf-8", page), sessions.session(c))
                    .header(
                            "Link",
                            "<" + c.api() + "/records/" + r.id
                                    + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"");
        });
    }

    /**
     * The anonymous landing page, kept per record until anything it shows changes (revision, download counts, latest
     * version, communities, the day, the URL): most of a load test's landing pages are anonymous views of the same
     * records, and building each anew would make the simulator's own work, not its model, the limit.
     */
    private byte[] anonymousLanding(Call c, RecordDoc r) {
        long downloads = 0;
        long volume = 0;
        for (RecordDoc v : repo.versionsOf(r.parent)) {
            downloads += v.downloads;
            volume += v.dataVolume;
        }
        String stamp = r.revision + "|" + r.downloads + "|" + r.dataVolume + "|" + downloads + "|" + volume + "|"
                + r.parent.versions.size() + "|" + r.parent.communities + "|"
                + LocalDate.now().toEpochDay() + "|"
                + c.siteUrl + "|" + c.path;
        CachedPage cached = anonymousLandings.get(r.id);
        if (cached != null && cached.stamp().equals(stamp)) return cached.html();
        byte[] html = render(c, r);
        anonymousLandings.put(r.id, new CachedPage(stamp, html));
        return html;
    }

    private record CachedPage(String stamp, byte[] html) {}

    private byte[] render(Call c, RecordDoc r) {
        String site = c.siteUrl;
        ObjectNode api = json.record(r, c.api(), c.identity, RecordsApi.host(c), RecordJson.View.READ);
        ObjectNode ui = RecordFormats.ui(api, site);
        Landing l = new Landing(r, api, site, AccessRules.canReadFiles(r, c.identity));
        String html = new Fill(templates.get("landing.html"))
                .with("head", l.head())
                .with("community_header", communityHeader(r))
                .with("record_info", l.recordInfo())
                .with("creatibutors", l.creatibutors())
                .with("description", l.description())
                .with("files", l.files())
                .with("details", l.details())
                .with("keywords", l.keywords())
                .with("sidebar_details", l.sidebarDetails())
                .with("rights", l.rights())
                .with("record_json", PyJson.forHtml(ui))
                .with("jsonld", PyJson.forHtml(RecordFormats.schemaOrg(api, site)))
                .with("created", longDate(r.created))
                .with("updated", longDate(r.updated))
                .with("title", esc(l.title()))
                .with("path", esc(c.path))
                .with("site", site)
                .with("id", r.id)
                .text();
        return html.getBytes(StandardCharsets.UTF_8);
    }

    Reply latest(Call c) {
        return repo.read(() -> {
            RecordDoc r = repo.record(c.param("id")).orElse(null);
            if (r == null) return error(c, 404);
            return sessions.withCookie(redirect(302, "/records/" + r.parent.latestId()), sessions.session(c));
        });
    }

    /**
     * {@code /records/{id}/export/{format}}: the serializations of the API, each in its media type, as an attachment
     * named after the record with a Link to its page and linkset (measured on v13, 2026-12-05). Codemeta answers 500
     * for a record under an active embargo (invenio-rdm-records' codemeta schema passes the embargo dict to
     * edtf.parse_edtf: an upstream bug), its JSON-LD otherwise.
     */
    Reply export(Call c) {
        String format = c.param("format");
        Export e = EXPORTS.stream()
                .filter(x -> x.format().equals(format))
                .findFirst()
                .orElse(null);
        return repo.read(() -> {
            RecordDoc r = repo.record(c.param("id")).orElse(null);
            Optional<Reply> no = refusal(c, r);
            if (no.isPresent()) return no.get();
            if (e == null) return error(c, 404);
            ObjectNode api = json.record(r, c.api(), c.identity, RecordsApi.host(c), RecordJson.View.READ);
            Reply reply;
            if (e.format().equals("codemeta")) {
                Optional<Reply> codemeta = RecordFormats.codemeta(api, c.siteUrl);
                if (codemeta.isEmpty()) return error(c, 500);
                reply = codemeta.get();
            } else if (e.type().equals(RecordFormats.JSON_TYPE))
                reply = Reply.bytes(200, "application/json", PyJson.pretty(api).getBytes(StandardCharsets.UTF_8));
            else if (e.format().equals("cff"))
                reply = Reply.bytes(
                        200, e.type(), RecordFormats.cff(api, c.siteUrl).getBytes(StandardCharsets.UTF_8));
            else reply = RecordFormats.serialize(e.type(), api, c.siteUrl, null, null, version);
            return reply.header("Content-Disposition", "attachment; filename=" + r.id + "." + extension(e.format()))
                    .header(
                            "Link",
                            "<" + c.siteUrl + "/records/" + r.id + "> ; rel=\"describes\" ; type=\"text/html\" , <"
                                    + c.siteUrl + "/api/records/" + r.id
                                    + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"");
        });
    }

    /** The file extension of an export's attachment name (as v13's export view names them). */
    static String extension(String format) {
        return switch (format) {
            case "datacite-xml", "dublincore", "marcxml", "dcat-ap" -> "xml";
            case "bibtex" -> "bib";
            case "geojson" -> "geojson";
            case "cff" -> "yaml";
            default -> "json";
        };
    }

    Reply preview(Call c) {
        return repo.read(() -> {
            RecordDoc r = repo.record(c.param("id")).orElse(null);
            Optional<Reply> no = refusal(c, r);
            if (no.isPresent()) return no.get();
            if (!AccessRules.canReadFiles(r, c.identity)) return denied(c);
            StoredFile f = r.files.get(c.param("key"));
            if (f == null) return error(c, 404);
            String src = "/records/" + r.id + "/files/" + RecordJson.enc(f.key);
            String html = "csv".equals(f.ext())
                    ? new Fill(templates.get("preview_csv.html"))
                            .with("source", esc(src + "?preview=0"))
                            .with("size", String.valueOf(f.size))
                            .text()
                    : simplePreview(r, f, src);
            return sessions.withCookie(html(200, html), sessions.session(c));
        });
    }

    /** The previewer of an image (its IIIF rendering) or of a file no previewer takes (a link to the file). */
    private static String simplePreview(RecordDoc r, StoredFile f, String src) {
        boolean image = Mimetypes.guess(f.key).startsWith("image/");
        String body = image
                ? "<div class=\"ui container\">\n  <img class=\"ui centered image\" src=\"/api/iiif/record:" + r.id
                        + ":" + RecordJson.enc(f.key) + "/full/!800,800/0/default.png\" alt=\"" + esc(f.key)
                        + "\">\n</div>"
                : "<div class=\"ui message\">\n  <p>No preview available. <a href=\"" + esc(src)
                        + "?download=1\">Download " + esc(f.key) + "</a></p>\n</div>";
        return "\n<!DOCTYPE html>\n<html >\n  <head>\n    <title>Preview</title>\n    <meta charset=\"utf-8\">\n"
                + "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\" />\n"
                + "        <link rel=\"stylesheet\" href=\"" + StaticAssets.MAIN_CSS + "\" />\n  </head>\n  <body>\n"
                + body + "\n  </body>\n</html>";
    }

    /** The file as the UI serves it (send_file: text types with a charset); counted as a download like the API's. */
    Reply download(Call c) {
        boolean attachment =
                c.first("download").map(v -> !v.isEmpty() && !v.equals("0")).orElse(false);
        return repo.read(() -> {
            RecordDoc r = repo.record(c.param("id")).orElse(null);
            Optional<Reply> no = refusal(c, r);
            if (no.isPresent()) return no.get();
            if (!AccessRules.canReadFiles(r, c.identity)) return denied(c);
            StoredFile f = r.files.get(c.param("key"));
            if (f == null || !f.committed || f.bytes == null) return error(c, 404);
            if (!c.first("preview").isPresent()) FilesApi.countDownload(r, f.size);
            String type = Mimetypes.sanitizeFor(f);
            if (type.startsWith("text/")) type += "; charset=utf-8";
            return Reply.stream(200, f.size, (out, throttle) -> FilesApi.copy(f.bytes, out, throttle))
                    .header("Content-Type", type)
                    .header("Content-Disposition", attachment ? "attachment; filename=" + f.key : "inline")
                    .header("ETag", "\"md5:" + f.md5() + "\"")
                    .header(
                            "Link",
                            "<" + c.siteUrl + "/records/" + r.id + "> ; rel=\"collection\" ; type=\"text/html\" , <"
                                    + c.siteUrl + "/api/records/" + r.id
                                    + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"");
        });
    }

    Reply communitiesSearch(Call c) {
        String html = templates
                .get("search.html")
                .replace("InvenioAppRdm.Search", "InvenioCommunities.Search")
                .replace("\"url\": \"/api/records\"", "\"url\": \"/api/communities\"")
                .replace("<title>Search | InvenioRDM</title>", "<title>Communities | InvenioRDM</title>");
        return page(c, html);
    }

    /** {@code /communities/x} → 308 to {@code /communities/x/} (Flask's strict slashes) → 302 to its records. */
    Reply community(Call c) {
        Community x = repo.read(() -> repo.community(c.param("slug")).orElse(null));
        if (x == null) return error(c, 404);
        if (!c.path.endsWith("/"))
            return sessions.withCookie(
                    redirect(308, c.siteUrl + "/communities/" + x.slug() + "/" + queryString(c)), sessions.session(c));
        return sessions.withCookie(redirect(302, "/communities/" + x.slug() + "/records"), sessions.session(c));
    }

    Reply communityRecords(Call c) {
        Community x = repo.read(() -> repo.community(c.param("slug")).orElse(null));
        if (x == null) return error(c, 404);
        String html = new Fill(templates.get("community_records.html"))
                .with("title", esc(x.json().at("/metadata/title").asText(x.slug())))
                .with("slug", esc(x.slug()))
                .with("id", x.id())
                .with("site", c.siteUrl)
                .text();
        return page(c, html);
    }

    Reply communityTheme(Call c) {
        if (repo.read(() -> repo.community(c.param("slug")).isEmpty())) return error(c, 404);
        return Reply.bytes(200, "text/css; charset=utf-8", ":root {}\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A logged-in page: anonymous visitors are sent to the login form with the page as next (Flask-Login). */
    Reply dashboard(Call c, String template) {
        WebSession.Session s = sessions.session(c);
        Identity who = s.identity();
        if (!who.authenticated()) return toLogin(c, s);
        String email = emails.getOrDefault(who.userId(), "user" + who.userId() + "@example.org");
        String html = new Fill(templates.get(template))
                .with("email", esc(email))
                .with("user", who.userId())
                .with("site", c.siteUrl)
                .text();
        return sessions.withCookie(html(200, html), s);
    }

    private String communityHeader(RecordDoc r) {
        if (r.parent.communities.isEmpty()) return "      ";
        Community x = repo.community(r.parent.communities.iterator().next()).orElse(null);
        if (x == null) return "      ";
        String href = "/communities/" + esc(x.slug()) + "/records";
        return "          <div\n            class=\"ui fluid container page-subheader-outer with-submenu compact ml-0-mobile"
                + " mr-0-mobile\">\n            <div class=\"ui container page-subheader\">\n"
                + "              <div class=\"page-subheader-element\">\n                <img\n"
                + "                  class=\"ui rounded image community-header-logo\"\n"
                + "                  src=\"/static/images/square-placeholder.png\"\n                  alt=\"\"\n"
                + "                />\n              </div>\n              <div class=\"page-subheader-element\">\n"
                + "                <div class=\"ui header\">\n                  <a\n                  href=\"" + href
                + "\" class=\"ui small header\">\n                    "
                + esc(x.json().at("/metadata/title").asText(x.slug()))
                + "\n                  </a>\n                  <!-- Show the icon for subcommunities -->\n"
                + "                </div>\n              </div>\n            </div>\n          </div>";
    }

    // --- helpers shared with WebSession and StaticAssets ----------------------------------------

    static Reply html(int status, String body) {
        return Reply.bytes(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A Flask redirect: werkzeug's small HTML body naming the target. */
    static Reply redirect(int status, String location) {
        String body = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"" + esc(location) + "\">"
                + esc(location) + "</a>. If not, click the link.\n";
        return html(status, body).header("Location", location);
    }

    /**
     * A template whose {{name}} placeholders are filled in one pass, so text that came from a record (a title that
     * reads "{{id}}") is never taken for a placeholder.
     */
    static final class Fill {
        private final String template;
        private final Map<String, String> values = new HashMap<>();

        Fill(String template) {
            this.template = template;
        }

        Fill with(String name, String value) {
            values.put(name, value);
            return this;
        }

        String text() {
            StringBuilder b = new StringBuilder(template.length() + 65_536);
            int from = 0;
            for (int at; (at = template.indexOf("{{", from)) >= 0; ) {
                int end = template.indexOf("}}", at);
                String value = end < 0 ? null : values.get(template.substring(at + 2, end));
                if (value == null) {
                    b.append(template, from, at + 2);
                    from = at + 2;
                    continue;
                }
                b.append(template, from, at).append(value);
                from = end + 2;
            }
            return b.append(template, from, template.length()).toString();
        }
    }

    static String queryString(Call c) {
        if (c.query.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        c.query.forEach((k, vs) -> vs.forEach(v -> parts.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return "?" + String.join("&", parts);
    }

    /** Jinja's autoescape (markupsafe): &amp; &lt; &gt; &#34; &#39;. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String longDate(Instant t) {
        return LONG_DATE.format(t.atZone(ZoneOffset.UTC));
    }

    /** An EDTF publication date as the landing page writes it: a full date in words, else as given. */
    static String longDate(String edtf) {
        try {
            return LONG_DATE.format(LocalDate.parse(edtf));
        } catch (RuntimeException e) {
            return edtf;
        }
    }

    /** The page templates of one version, read once. */
    static final class Templates {
        private final String version;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        Templates(String version) {
            this.version = version.equals("14") ? "v14" : "v13";
        }

        String get(String name) {
            return cache.computeIfAbsent(name, n -> load(version, n));
        }

        private static String load(String version, String name) {
            String path = "/simulator/web/" + version + "/" + name;
            try (InputStream in = WebPages.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing template " + path);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- the landing page's record parts, in invenio-app-rdm's markup -------------------------------

    /** One record's landing-page fragments, each as the real Jinja templates lay it out (whitespace included). */
    private static final class Landing {
        private final RecordDoc r;
        private final JsonNode md;
        private final String site;
        private final boolean canReadFiles;

        Landing(RecordDoc r, ObjectNode api, String site, boolean canReadFiles) {
            this.r = r;
            this.md = api.path("metadata");
            this.site = site;
            this.canReadFiles = canReadFiles;
        }

        String title() {
            return md.path("title").asText();
        }

        private String descriptionText() {
            return md.path("description").asText("").replaceAll("<[^>]+>", "");
        }

        private String url() {
            return site + "/records/" + r.id;
        }

        String head() {
            StringBuilder b = new StringBuilder();
            String d = esc(descriptionText());
            b.append("    <meta name=\"description\" content=\"").append(d).append("\" />\n");
            b.append("    <meta name=\"citation_title\" content=\"")
                    .append(esc(title()))
                    .append("\" />\n");
            for (JsonNode c : md.path("creators"))
                b.append("    <meta name=\"citation_author\" content=\"")
                        .append(esc(c.at("/person_or_org/name").asText()))
                        .append("\" />\n");
            for (JsonNode s : md.path("subjects"))
                b.append("    <meta name=\"citation_keywords\" content=\"")
                        .append(esc(s.path("subject").asText()))
                        .append("\" />\n");
            b.append("    <meta name=\"citation_abstract_html_url\" content=\"")
                    .append(url())
                    .append("\" />\n");
            b.append("    <meta property=\"og:title\" content=\"")
                    .append(esc(title()))
                    .append("\" />\n");
            b.append("    <meta property=\"og:description\" content=\"")
                    .append(d)
                    .append("\" />\n");
            b.append("    <meta property=\"og:url\" content=\"").append(url()).append("\" />\n");
            b.append("    <meta property=\"og:site_name\" content=\"InvenioRDM\" />\n");
            b.append("    <meta name=\"twitter:card\" content=\"summary\" />\n");
            b.append("    <meta name=\"twitter:site\" content=\"\" />\n");
            b.append("    <meta name=\"twitter:title\" content=\"")
                    .append(esc(title()))
                    .append("\" />\n");
            b.append("    <meta name=\"twitter:description\" content=\"")
                    .append(d)
                    .append("\" />\n");
            if (canReadFiles) {
                for (StoredFile f : r.files.values()) {
                    String href = url() + "/files/" + RecordJson.enc(f.key);
                    b.append("    <link rel=\"alternate\" type=\"")
                            .append(esc(f.mimetype))
                            .append("\" href=\"");
                    b.append(href).append("\">\n");
                    b.append("    <link rel=\"item\" type=\"")
                            .append(esc(f.mimetype))
                            .append("\" href=\"");
                    b.append(href).append("\">\n");
                }
            }
            return b.append("\n<link rel=\"canonical\" href=\"")
                    .append(url())
                    .append("\">")
                    .toString();
        }

        /** Access status: the label, icon and tooltip of invenio-app-rdm's AccessStatusEnum. */
        private String[] accessStatus() {
            String until = longDate(r.access.at("/embargo/until").asText(""));
            return switch (r.accessStatus()) {
                case "embargoed" ->
                    new String[] {
                        "embargoed",
                        "outline clock",
                        "The files will be made publicly available on " + until + ".",
                        "Embargoed"
                    };
                case "restricted" ->
                    new String[] {
                        "restricted",
                        "ban",
                        "The record is publicly accessible, but files are restricted to users with access.",
                        "Restricted"
                    };
                case "metadata-only" ->
                    new String[] {"metadata-only", "tag", "No files are available for this record.", "Metadata-only"};
                default -> new String[] {"open", "unlock", "The record and files are publicly accessible.", "Open"};
            };
        }

        String recordInfo() {
            String[] a = accessStatus();
            String version = md.path("version").asText("");
            return "              <section id=\"record-info\"\n"
                    + "                       aria-label=\"Publication date and version number\">\n"
                    + "                <div class=\"ui grid middle aligned\">\n"
                    + "                  <div class=\"two column row\">\n"
                    + "                    <div class=\"left floated left aligned column\">\n"
                    + "                      <span class=\"ui\" title=\"Publication date\">\n"
                    + "                        Published "
                    + esc(longDate(md.path("publication_date").asText()))
                    + "\n                      </span>\n"
                    + (version.isEmpty()
                            ? ""
                            : "                      <span\n                        class=\"label text-muted\"> | Version "
                                    + esc(version) + "</span>\n")
                    + "                    </div>\n"
                    + "                    <div class=\"right floated right aligned column\">\n\n                      \n"
                    + "                        <span role=\"note\"\n"
                    + "                              class=\"ui label horizontal small neutral mb-5\"\n"
                    + "                              aria-label=\"Resource type\"\n                        >\n"
                    + "                          "
                    + esc(md.at("/resource_type/title/en").asText("Other"))
                    + "\n                        </span>\n                      \n\n"
                    + "                      <span role=\"note\"\n"
                    + "                            class=\"ui label horizontal small access-status " + a[0]
                    + " mb-5\"\n"
                    + "                            data-tooltip=\"" + esc(a[2]) + "\"\n"
                    + "                            data-inverted=\"\"\n"
                    + "                            aria-label=\"Access status\"\n                      >\n"
                    + "                        \n                          <i class=\"icon " + a[1] + "\"\n"
                    + "                             aria-hidden=\"true\"></i>\n                        \n"
                    + "                        <span\n                          aria-label=\"" + esc(a[2]) + "\">\n"
                    + "                          " + a[3] + "\n                        </span>\n"
                    + "                      </span>\n                    </div>\n                  </div>\n"
                    + "                </div>\n              </section>";
        }

        /** Creators and contributors with numbered affiliations (creatibutors.html). */
        String creatibutors() {
            StringBuilder b = new StringBuilder();
            b.append("                  <section id=\"creatibutors\"\n")
                    .append("                           aria-label=\"Creators and contributors\">\n\n")
                    .append("<div class=\"ui grid\">\n  \n");
            List<JsonNode> creators = list(md.path("creators"));
            if (!creators.isEmpty()) {
                List<String> affs = affiliations(creators);
                b.append("    <div class=\"row ui accordion affiliations\">\n")
                        .append(
                                "      <div class=\"sixteen wide mobile twelve wide tablet thirteen wide computer column\">\n")
                        .append(
                                "          <h3 class=\"sr-only\">Creators</h3>\n          <ul class=\"creatibutors\">\n");
                for (JsonNode c : creators) person(b, c, "creators", affs);
                b.append("          </ul>\n      </div>\n\n        \n        \n");
                affiliationList(b, "creators", affs);
                b.append("\n    </div>\n  \n\n  \n");
            }
            List<JsonNode> contributors = list(md.path("contributors"));
            if (!contributors.isEmpty()) {
                List<String> affs = affiliations(contributors);
                Map<String, List<JsonNode>> byRole = new LinkedHashMap<>();
                for (JsonNode c : contributors)
                    byRole.computeIfAbsent(role(c), k -> new ArrayList<>()).add(c);
                b.append("    <div class=\"row ui accordion affiliations\">\n")
                        .append(
                                "      <div class=\"sixteen wide mobile twelve wide tablet thirteen wide computer column\">\n")
                        .append("          <h3>Contributors</h3>\n");
                byRole.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    b.append("          <div>\n            <h3 class=\"creatibutors-header ui small header\">")
                            .append(esc(e.getKey()))
                            .append(":</h3>\n            <ul class=\"creatibutors\">\n              \n");
                    for (JsonNode c : e.getValue()) person(b, c, "contributors", affs);
                    b.append("            </ul>\n          </div>\n");
                });
                b.append("      </div>\n\n      \n        \n");
                affiliationList(b, "contributors", affs);
                b.append("\n      \n\n    </div>\n  \n");
            }
            return b.append("</div>\n                  </section>").toString();
        }

        private static List<JsonNode> list(JsonNode array) {
            List<JsonNode> out = new ArrayList<>();
            array.forEach(out::add);
            return out;
        }

        private static List<String> affiliations(List<JsonNode> people) {
            List<String> out = new ArrayList<>();
            for (JsonNode c : people)
                for (JsonNode a : c.path("affiliations")) {
                    String name = a.path("name").asText();
                    if (!out.contains(name)) out.add(name);
                }
            return out;
        }

        private static String role(JsonNode c) {
            String id = c.at("/role/id").asText("other");
            return switch (id) {
                case "datamanager" -> "Data manager";
                case "datacollector" -> "Data collector";
                case "datacurator" -> "Data curator";
                case "projectleader" -> "Project leader";
                case "projectmanager" -> "Project manager";
                case "projectmember" -> "Project member";
                case "contactperson" -> "Contact person";
                case "researchgroup" -> "Research group";
                case "rightsholder" -> "Rights holder";
                case "workpackageleader" -> "Work package leader";
                default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
            };
        }

        private static void person(StringBuilder b, JsonNode c, String field, List<String> affs) {
            String name = c.at("/person_or_org/name").asText();
            List<String> own = new ArrayList<>();
            c.path("affiliations").forEach(a -> own.add(a.path("name").asText()));
            b.append("  \n  <li class=\"creatibutor-wrap separated\">\n    <a class=\"ui creatibutor-link\"\n      \n");
            if (!own.isEmpty())
                b.append("        data-tooltip=\"")
                        .append(esc(String.join("; ", own)))
                        .append("\"\n      \n");
            b.append("      href=\"/search?q=metadata.")
                    .append(field)
                    .append(".person_or_org.name:%22")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append("%22\"\n    >\n\n      <span class=\"creatibutor-name\">")
                    .append(esc(name))
                    .append("</span>");
            for (String a : own)
                b.append("<sup class=\"font-tiny\">")
                        .append(affs.indexOf(a) + 1)
                        .append("</sup>");
            b.append("</a>\n  \n\n  \n    \n");
            boolean orcid = false;
            for (JsonNode id : c.at("/person_or_org/identifiers")) {
                if (!id.path("scheme").asText().equals("orcid")) {
                    b.append("      \n");
                    continue;
                }
                orcid = true;
                String who = esc(name);
                b.append("      \n        \n        <a href=\"https://orcid.org/")
                        .append(esc(id.path("identifier").asText()))
                        .append("\"\n           aria-label=\"")
                        .append(who)
                        .append("'s ORCID profile\"\n           title=\"")
                        .append(who)
                        .append("'s ORCID profile\">\n          <img class=\"ml-5 inline-id-icon\"\n")
                        .append("               src=\"/static/images/orcid.svg\"\n")
                        .append("               alt=\"ORCID icon\"/>\n        </a>\n      \n    \n");
            }
            b.append("      \n    \n      \n    \n  \n\n  \n  \n");
            if (!orcid) {
                boolean org = c.at("/person_or_org/type").asText().equals("organizational");
                b.append("    \n      <i class=\"")
                        .append(org ? "group" : "user")
                        .append(" icon\"></i>\n    \n  \n");
            }
            b.append("</li>\n");
        }

        private static void affiliationList(StringBuilder b, String field, List<String> affs) {
            if (affs.isEmpty()) return;
            b.append(
                            "<div class=\"ui sixteen wide tablet three wide computer column title right aligned bottom aligned\">\n")
                    .append("  <button class=\"ui affiliations-button trigger button mini mr-0\"\n")
                    .append("          aria-controls=\"")
                    .append(field)
                    .append("-affiliations\"\n          data-open-text=\"Show affiliations\"\n")
                    .append("          data-close-text=\"Hide affiliations\"\n          aria-expanded=\"false\"\n  >\n")
                    .append(
                            "    Show affiliations\n  </button>\n</div>\n\n<section class=\"ui sixteen wide column content\" id=\"")
                    .append(field)
                    .append("-affiliations\" aria-label=\"Affiliations for ")
                    .append(field)
                    .append("\">\n  <ul>\n    \n");
            for (int i = 0; i < affs.size(); i++)
                b.append("    <li>\n      ")
                        .append(i + 1)
                        .append(".\n\n      \n\n      ")
                        .append(esc(affs.get(i)))
                        .append("\n    </li>\n  \n");
            b.append("\n    </ul>\n</section>\n");
        }

        String description() {
            if (descriptionText().isEmpty()) return "";
            return "  <section id=\"description\" class=\"rel-mt-2 rich-input-content\" aria-label=\"Record description\">\n"
                    + "    <h2 id=\"description-heading\" class=\"sr-only\">Description</h2>\n    \n"
                    + "    <div style=\"word-wrap: break-word;\">\n      " + esc(descriptionText())
                    + "\n    </div>\n  </section>";
        }

        String files() {
            if (!r.filesEnabled) return "";
            StringBuilder b = new StringBuilder(
                    "<section id=\"record-files\" class=\"rel-mt-2 rel-mb-3\"\n                         aria-label=\"Files\">");
            if (!canReadFiles) {
                String[] a = accessStatus();
                String reason = r.access.at("/embargo/reason").asText("");
                b.append("\n                    \n                    <div\n")
                        .append("                      class=\"ui accordion panel mb-10 ")
                        .append(a[0])
                        .append("\"\n                      href=\"#files-preview-accordion-panel\">\n")
                        .append(
                                "                      <h3\n                        class=\"active title panel-heading ")
                        .append(a[0])
                        .append(" m-0\">\n")
                        .append("                        <div role=\"button\" id=\"files-preview-accordion-trigger\"\n")
                        .append("                             tabindex=\"0\" class=\"trigger\"\n")
                        .append("                             aria-controls=\"files-preview-accordion-panel\">\n")
                        .append("                          Files\n")
                        .append("                          <i class=\"angle right icon\" aria-hidden=\"true\"></i>\n")
                        .append("                        </div>\n                      </h3>\n")
                        .append("                      <div role=\"region\" id=\"files-preview-accordion-panel\"\n")
                        .append("                           aria-labelledby=\"files-preview-accordion-trigger\"\n")
                        .append("                           class=\"active content preview-container pt-0\">\n")
                        .append("                        <div\n")
                        .append(
                                "                          class=\"ui warning message file-box-message rel-pl-1 rel-pr-1\">\n")
                        .append("                          <i class=\"ui ")
                        .append(a[1])
                        .append(" icon\"\n")
                        .append("                             aria-hidden=\"true\"></i>\n")
                        .append("                          <h4\n                            class=\"inline\">")
                        .append(a[3])
                        .append("</h4>\n                          <p>")
                        .append(esc(a[2]))
                        .append("</p>\n\n");
                if (!reason.isEmpty())
                    b.append("                          \n                            <p>Reason: ")
                            .append(esc(reason))
                            .append("</p>\n                          \n");
                return b.append("\n                          \n                          \n")
                        .append(
                                "                        </div>\n                      </div>\n                    </div>\n")
                        .append("                </section>")
                        .toString();
            }
            if (r.files.isEmpty())
                return b.append("\n                </section>").toString();
            StoredFile first = r.files.values().iterator().next();
            String base = "/records/" + r.id;
            b.append("<h2 id=\"files-heading\">Files</h2>\n")
                    .append("  <div class=\"ui accordion panel mb-10 open\" href=\"#files-preview-accordion-panel\">\n")
                    .append(
                            "    <h3 class=\"active title panel-heading open m-0\">\n      <div\n        role=\"button\"\n")
                    .append("        id=\"files-preview-accordion-trigger\"\n")
                    .append("        aria-controls=\"files-preview-accordion-panel\"\n        aria-expanded=\"true\"\n")
                    .append(
                            "        tabindex=\"0\"\n        class=\"trigger\"\n        aria-label=\"File preview\"\n      >\n")
                    .append("        <span id=\"preview-file-title\">")
                    .append(esc(first.key))
                    .append("</span>\n")
                    .append(
                            "        <i class=\"angle right icon\" aria-hidden=\"true\"></i>\n      </div>\n    </h3>\n")
                    .append("    <div\n      role=\"region\"\n      id=\"files-preview-accordion-panel\"\n")
                    .append("      aria-labelledby=\"files-preview-accordion-trigger\"\n")
                    .append(
                            "      class=\"active content preview-container pt-0 open\"\n    >\n      <div>\n  <iframe\n")
                    .append("    title=\"Preview\"\n    class=\"preview-iframe\"\n    id=\"preview-iframe\"\n")
                    .append("    name=\"preview-iframe\"\n    src=\"")
                    .append(base)
                    .append("/preview/")
                    .append(esc(RecordJson.enc(first.key)))
                    .append("?include_deleted=0\"\n  >\n  </iframe>\n")
                    .append("      </div>\n    </div>\n  </div>\n")
                    .append("  <div class=\"ui accordion panel mb-10 open\" href=\"#files-list-accordion-panel\">\n")
                    .append("    <h3 class=\"active title panel-heading open m-0\">\n")
                    .append(
                            "      <div role=\"button\" id=\"files-list-accordion-trigger\" aria-controls=\"files-list-accordion-panel\"")
                    .append(" aria-expanded=\"true\" tabindex=\"0\" class=\"trigger\">\n        Files\n")
                    .append("        <small class=\"text-muted\"> (")
                    .append(humanSize(r.totalBytes()))
                    .append(")</small>\n")
                    .append(
                            "        <i class=\"angle right icon\" aria-hidden=\"true\"></i>\n      </div>\n    </h3>\n")
                    .append(
                            "    <div role=\"region\" id=\"files-list-accordion-panel\" aria-labelledby=\"files-list-accordion-trigger\"")
                    .append(" class=\"active content pt-0\">\n      <div>\n")
                    .append("  <table class=\"ui striped table files fluid open\">\n    <thead>\n      <tr>\n")
                    .append("        <th>Name</th>\n        <th>Size</th>\n        <th class>\n")
                    .append(
                            "            <a role=\"button\" class=\"ui compact mini button right floated archive-link\" href=\"")
                    .append(site)
                    .append("/api/records/")
                    .append(r.id)
                    .append("/files-archive\">\n")
                    .append(
                            "              <i class=\"file archive icon button\" aria-hidden=\"true\"></i> Download all\n")
                    .append("            </a>\n        </th>\n      </tr>\n    </thead>\n    <tbody>\n");
            for (StoredFile f : r.files.values()) {
                String key = esc(RecordJson.enc(f.key));
                b.append("        <tr>\n          <td class=\"ten wide\">\n            <div>\n              <a href=\"")
                        .append(base)
                        .append("/files/")
                        .append(key)
                        .append("?download=1\">")
                        .append(esc(f.key))
                        .append("</a>\n            </div>\n            <small class=\"ui text-muted font-tiny\">md5:")
                        .append(f.md5())
                        .append(
                                "\n            <div class=\"ui icon inline-block\" data-tooltip=\"This is the file fingerprint")
                        .append(" (checksum), which can be used to verify the file integrity.\">\n")
                        .append("              <i class=\"question circle checksum icon\"></i>\n            </div>\n")
                        .append("            </small>\n          </td>\n          <td>")
                        .append(humanSize(f.size))
                        .append("</td>\n          <td class=\"right aligned\">\n            <span>\n")
                        .append(
                                "                <a role=\"button\" class=\"ui compact mini button preview-link\" href=\"")
                        .append(base)
                        .append("/preview/")
                        .append(key)
                        .append("?include_deleted=0\" target=\"preview-iframe\" data-file-key=\"")
                        .append(esc(f.key))
                        .append("\">\n                  <i class=\"eye icon\" aria-hidden=\"true\"></i>Preview\n")
                        .append(
                                "                </a>\n              <a role=\"button\" class=\"ui compact mini button\" href=\"")
                        .append(base)
                        .append("/files/")
                        .append(key)
                        .append("?download=1\">\n")
                        .append("                <i class=\"download icon\" aria-hidden=\"true\"></i>Download\n")
                        .append("              </a>\n            </span>\n          </td>\n        </tr>\n");
            }
            return b.append("    </tbody>\n  </table>\n      </div>\n    </div>\n  </div>\n                </section>")
                    .toString();
        }

        /** Additional details: dates, related works, references (one block each, as in details.html). */
        String details() {
            StringBuilder b = new StringBuilder("              <section id=\"additional-details\" class=\"rel-mt-2\"\n")
                    .append(
                            "                       aria-label=\"Additional record details\">\n\n\n\n\n\n\n\n\n\n\n\n\n")
                    .append(
                            "  <h2 id=\"record-details-heading\">Additional details</h2>\n\n  <div class=\"ui divider\"></div>\n\n");
            detailBlock(b, "Dates", md.path("dates"), d -> new String[] {
                d.at("/type/id").asText("other").substring(0, 1).toUpperCase(Locale.ROOT)
                        + d.at("/type/id").asText("other").substring(1),
                d.path("date").asText(),
                d.path("description").asText("")
            });
            detailBlock(b, "Related works", md.path("related_identifiers"), d -> new String[] {
                relation(d.at("/relation_type/id").asText("references")),
                d.path("scheme").asText().toUpperCase(Locale.ROOT) + ": "
                        + d.path("identifier").asText(),
                d.at("/resource_type/id").asText("")
            });
            detailBlock(b, "References", md.path("references"), d ->
                    new String[] {"Reference", d.path("reference").asText(), ""});
            detailBlock(b, "Funding", md.path("funding"), d -> new String[] {
                d.at("/funder/name").asText(d.at("/funder/id").asText("Funder")),
                d.at("/award/title/en").asText(""),
                ""
            });
            return b.append("  \n\n  \n\n\n\n              </section>").toString();
        }

        private static String relation(String id) {
            String t = id.replaceFirst("^is", "Is ").replaceFirst("^has", "Has ");
            return Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }

        private static void detailBlock(
                StringBuilder b, String title, JsonNode items, Function<JsonNode, String[]> row) {
            if (!items.isArray() || items.isEmpty()) {
                b.append("  \n\n  ");
                return;
            }
            b.append("  \n    \n      <div class=\"ui grid\">\n")
                    .append("        <div class=\"sixteen wide mobile four wide tablet three wide computer column\">\n")
                    .append("          <h3 class=\"ui header\">")
                    .append(title)
                    .append("</h3>\n        </div>\n")
                    .append(
                            "        <div class=\"sixteen wide mobile twelve wide tablet thirteen wide computer column\">\n")
                    .append("          <dl class=\"details-list\">\n            \n  \n");
            for (JsonNode item : items) {
                String[] v = row.apply(item);
                b.append("    \n    <dt class=\"ui tiny header\">")
                        .append(esc(v[0]))
                        .append("</dt>\n    <dd>\n")
                        .append("      <div>")
                        .append(esc(v[1]))
                        .append("</div>\n")
                        .append("      <div class=\"text-muted\">")
                        .append(esc(v[2]))
                        .append("</div>\n    </dd>\n  \n");
            }
            b.append(
                    "\n          </dl>\n        </div>\n      </div>\n    \n    <div class=\"ui divider\"></div>\n  \n\n");
        }

        String keywords() {
            if (md.path("subjects").isEmpty()) return "";
            StringBuilder b = new StringBuilder("  <div class=\"sidebar-container\">\n")
                    .append("    <h2 class=\"ui medium top attached header mt-0\">Keywords and subjects</h2>\n")
                    .append("    <div id=\"keywords-and-subjects\" aria-label=\"Keywords and subjects\"\n")
                    .append("            class=\"ui segment bottom attached rdm-sidebar\">\n  \n  \n")
                    .append(
                            "  <h3 class=\"hidden\">Keywords</h3>\n  <ul class=\"ui horizontal list no-bullets subjects\">\n");
            for (JsonNode s : md.path("subjects")) {
                String subject = s.path("subject").asText();
                b.append("    <li class=\"item\">\n      <a href=\"/search?q=metadata.subjects.subject:%22")
                        .append(URLEncoder.encode(subject, StandardCharsets.UTF_8))
                        .append("%22\"\n          class=\"subject\"\n          title=\"Search results for ")
                        .append(esc(subject))
                        .append("\"\n      >\n        ")
                        .append(esc(subject))
                        .append("\n      </a>\n    </li>\n");
            }
            return b.append("  </ul>\n  \n\n    </div>\n  </div>").toString();
        }

        String sidebarDetails() {
            StringBuilder b = new StringBuilder("<div class=\"sidebar-container\">\n")
                    .append("  <h2 class=\"ui medium top attached header mt-0\">Details</h2>\n")
                    .append("  <div id=\"record-details\" class=\"ui segment bottom attached rdm-sidebar\">\n\n")
                    .append("    <dl class=\"details-list\">\n      \n      \n");
            dd(b, "Resource type", md.at("/resource_type/title/en").asText("Other"));
            dd(b, "Publisher", md.path("publisher").asText(""));
            List<String> langs = new ArrayList<>();
            md.path("languages").forEach(l -> langs.add(language(l.path("id").asText())));
            if (!langs.isEmpty()) {
                b.append("      \n      \n      \n  <dt class=\"ui tiny header\">Languages</dt>\n  <dd>\n  \n    ")
                        .append(esc(String.join(", ", langs)))
                        .append("\n  \n</dd>\n");
            }
            return b.append("      \n      \n    </dl>\n  </div>\n</div>\n\n\n\n\n\n\n\n")
                    .toString();
        }

        private static void dd(StringBuilder b, String title, String value) {
            if (value.isEmpty()) return;
            b.append("  <dt class=\"ui tiny header\">")
                    .append(title)
                    .append("</dt>\n  <dd>")
                    .append(esc(value))
                    .append("</dd>\n      \n      \n");
        }

        private static String language(String id) {
            return switch (id) {
                case "eng" -> "English";
                case "deu" -> "German";
                case "fra" -> "French";
                case "spa" -> "Spanish";
                case "ita" -> "Italian";
                case "por" -> "Portuguese";
                case "nld" -> "Dutch";
                case "zho" -> "Chinese";
                case "jpn" -> "Japanese";
                default -> id;
            };
        }

        /** Rights: one entry per license with its popup (title, description, link), as licenses.html. */
        String rights() {
            if (md.path("rights").isEmpty()) return "";
            StringBuilder b = new StringBuilder("  <div class=\"sidebar-container\">\n")
                    .append("    <h2 class=\"ui medium top attached header mt-0\">Rights</h2>\n")
                    .append("    <div id=\"licenses\" class=\"ui segment bottom attached rdm-sidebar\">\n      \n")
                    .append("        <h4>License</h4>\n        <ul class=\"details-list m-0 p-0\">");
            int i = 1;
            for (JsonNode right : md.path("rights")) {
                String id = right.path("id").asText("custom");
                String[] lic = license(id, right);
                String n = id + "-" + i;
                b.append("<li id=\"license-")
                        .append(n)
                        .append("\" class=\"has-popup\">\n")
                        .append("              <div id=\"title-")
                        .append(n)
                        .append("\"\n")
                        .append("                   class=\"license clickable\"\n                   tabindex=\"0\"\n")
                        .append(
                                "                   aria-haspopup=\"dialog\"\n                   aria-expanded=\"false\"\n")
                        .append("                   role=\"button\"\n                   aria-label=\"")
                        .append(esc(lic[0]))
                        .append("\"\n              >\n                \n                  \n")
                        .append("                  <span class=\"icon-wrap\">\n")
                        .append("                  <img class=\"icon\" src=\"/static/icons/licenses/")
                        .append(id.replaceAll("-[0-9.]+$", ""))
                        .append("-icon.svg\"\n                       alt=\"")
                        .append(esc(id))
                        .append(" icon\"/>\n                </span>\n                \n\n")
                        .append("                <span class=\"title-text\">\n                ")
                        .append(esc(lic[0]))
                        .append("\n              </span>\n              </div>\n              <div id=\"description-")
                        .append(n)
                        .append(
                                "\"\n                   class=\"licenses-description ui flowing popup transition hidden\"\n")
                        .append("                   role=\"dialog\"\n                   aria-labelledby=\"title-")
                        .append(n)
                        .append(
                                "\"\n              >\n                <i role=\"button\" tabindex=\"0\" class=\"close icon text-muted\"\n")
                        .append(
                                "                   aria-label=\"Close\"></i>\n\n                <div id=\"license-description-")
                        .append(i)
                        .append(
                                "\" class=\"description\">\n                <span class=\"text-muted\">\n                  ")
                        .append(esc(lic[1]))
                        .append("\n                </span>\n                  \n  \n")
                        .append("    <a class=\"license-link\" href=\"")
                        .append(esc(lic[2]))
                        .append("\" target=\"_blank\"\n       title=\"Opens in new tab\">Read more</a>\n  \n\n")
                        .append("                </div>\n              </div>\n            </li>\n          ");
                i++;
            }
            return b.append("\n\n        </ul>\n      \n      \n    </div>\n\n  </div>")
                    .toString();
        }

        private static String[] license(String id, JsonNode right) {
            String cc = "https://creativecommons.org/licenses/";
            return switch (id) {
                case "cc-by-4.0" ->
                    new String[] {
                        "Creative Commons Attribution 4.0 International",
                        "The Creative Commons Attribution license allows re-distribution and re-use of a licensed work on"
                                + " the condition that the creator is appropriately credited.",
                        cc + "by/4.0/"
                    };
                case "cc-by-sa-4.0" ->
                    new String[] {
                        "Creative Commons Attribution Share Alike 4.0 International",
                        "Permits almost any use subject to providing credit and license notice. Frequently used for media"
                                + " assets and educational materials.",
                        cc + "by-sa/4.0/"
                    };
                case "cc-by-nc-4.0" ->
                    new String[] {
                        "Creative Commons Attribution Non Commercial 4.0 International",
                        "The Creative Commons Attribution Non Commercial license allows re-use for non-commercial"
                                + " purposes on the condition that the creator is credited.",
                        cc + "by-nc/4.0/"
                    };
                case "cc-by-nc-nd-4.0" ->
                    new String[] {
                        "Creative Commons Attribution Non Commercial No Derivatives 4.0 International",
                        "The Creative Commons Attribution Non Commercial No Derivatives license allows sharing for"
                                + " non-commercial purposes, with credit, and without changes.",
                        cc + "by-nc-nd/4.0/"
                    };
                case "cc0-1.0" ->
                    new String[] {
                        "Creative Commons Zero v1.0 Universal",
                        "CC0 waives copyright interest in a work you've created and dedicates it to the world-wide public"
                                + " domain. Use CC0 to opt out of copyright entirely and ensure your work has the widest"
                                + " reach.",
                        "https://creativecommons.org/publicdomain/zero/1.0/"
                    };
                case "mit" ->
                    new String[] {
                        "MIT License",
                        "A short and simple permissive license with conditions only requiring preservation of copyright"
                                + " and license notices.",
                        "https://opensource.org/licenses/MIT"
                    };
                default ->
                    new String[] {
                        right.at("/title/en").asText(id),
                        right.at("/description/en").asText(""),
                        right.path("link").asText("")
                    };
            };
        }
    }

    /** "748 Bytes", "1.6 MB": invenio's filesizeformat (decimal units). */
    static String humanSize(long bytes) {
        if (bytes < 1000) return bytes + " Bytes";
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

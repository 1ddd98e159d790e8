package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;
import static rdmloadtest.simulator.web.Html.html;
import static rdmloadtest.simulator.web.Html.longDate;
import static rdmloadtest.simulator.web.Html.redirect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import rdmloadtest.simulator.api.AccessRules;
import rdmloadtest.simulator.api.FilesApi;
import rdmloadtest.simulator.api.RecordFormats;
import rdmloadtest.simulator.api.RecordJson;
import rdmloadtest.simulator.api.RecordsApi;
import rdmloadtest.simulator.formats.Cff;
import rdmloadtest.simulator.formats.Codemeta;
import rdmloadtest.simulator.formats.PyJson;
import rdmloadtest.simulator.formats.RecordItem;
import rdmloadtest.simulator.formats.SchemaOrg;
import rdmloadtest.simulator.formats.UiJson;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Urls;
import rdmloadtest.simulator.store.Community;
import rdmloadtest.simulator.store.Mimetypes;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;

/**
 * A record's pages: the landing page (with the record's UI JSON in data-record attributes, its JSON-LD and the bundle
 * references of the real build), the latest version, the exports, file previews and downloads.
 */
final class RecordPages {
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
    private final ErrorPages errors;
    private final String version;
    private final Map<String, CachedPage> anonymousLandings = new ConcurrentHashMap<>();

    RecordPages(
            Repository repo,
            RecordJson json,
            WebSession sessions,
            Templates templates,
            ErrorPages errors,
            String version) {
        this.repo = repo;
        this.json = json;
        this.sessions = sessions;
        this.templates = templates;
        this.errors = errors;
        this.version = version;
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
            Optional<Reply> no = errors.refusal(c, r);
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
        RecordItem item = new RecordItem(api, site);
        LandingPage landing = new LandingPage(r, api, site, AccessRules.canReadFiles(r, c.identity));
        String html = new Fill(templates.get("landing.html"))
                .with("head", landing.head())
                .with("community_header", communityHeader(r))
                .with("record_info", landing.recordInfo())
                .with("creatibutors", landing.creatibutors())
                .with("description", landing.description())
                .with("files", landing.files())
                .with("details", landing.details())
                .with("keywords", landing.keywords())
                .with("sidebar_details", landing.sidebarDetails())
                .with("rights", landing.rights())
                .with("record_json", PyJson.forHtml(UiJson.of(item)))
                .with("jsonld", PyJson.forHtml(SchemaOrg.of(item)))
                .with("created", longDate(r.created))
                .with("updated", longDate(r.updated))
                .with("title", escape(landing.title()))
                .with("path", escape(c.path))
                .with("site", site)
                .with("id", r.id)
                .text();
        return html.getBytes(StandardCharsets.UTF_8);
    }

    Reply latest(Call c) {
        return repo.read(() -> {
            RecordDoc r = repo.record(c.param("id")).orElse(null);
            if (r == null) return errors.error(c, 404);
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
                .filter(export -> export.format().equals(format))
                .findFirst()
                .orElse(null);
        return repo.read(() -> {
            RecordDoc r = repo.record(c.param("id")).orElse(null);
            Optional<Reply> no = errors.refusal(c, r);
            if (no.isPresent()) return no.get();
            if (e == null) return errors.error(c, 404);
            ObjectNode api = json.record(r, c.api(), c.identity, RecordsApi.host(c), RecordJson.View.READ);
            Reply reply;
            if (e.format().equals("codemeta")) {
                Optional<JsonNode> codemeta = Codemeta.of(new RecordItem(api, c.siteUrl));
                if (codemeta.isEmpty()) return errors.error(c, 500);
                reply = RecordFormats.json("application/ld+json", codemeta.get());
            } else if (e.type().equals(RecordFormats.JSON_TYPE))
                reply = Reply.bytes(200, "application/json", PyJson.pretty(api).getBytes(StandardCharsets.UTF_8));
            else if (e.format().equals("cff"))
                reply = RecordFormats.text(e.type(), Cff.of(new RecordItem(api, c.siteUrl)));
            else reply = RecordFormats.serialize(e.type(), api, c.siteUrl, null, version);
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
            Optional<Reply> no = errors.refusal(c, r);
            if (no.isPresent()) return no.get();
            if (!AccessRules.canReadFiles(r, c.identity)) return errors.denied(c);
            StoredFile f = r.files.get(c.param("key"));
            if (f == null) return errors.error(c, 404);
            String src = "/records/" + r.id + "/files/" + Urls.quote(f.key);
            String html = "csv".equals(f.ext())
                    ? new Fill(templates.get("preview_csv.html"))
                            .with("source", escape(src + "?preview=0"))
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
                        + ":" + Urls.quote(f.key) + "/full/!800,800/0/default.png\" alt=\"" + escape(f.key)
                        + "\">\n</div>"
                : "<div class=\"ui message\">\n  <p>No preview available. <a href=\"" + escape(src)
                        + "?download=1\">Download " + escape(f.key) + "</a></p>\n</div>";
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
            Optional<Reply> no = errors.refusal(c, r);
            if (no.isPresent()) return no.get();
            if (!AccessRules.canReadFiles(r, c.identity)) return errors.denied(c);
            StoredFile f = r.files.get(c.param("key"));
            if (f == null || !f.committed || f.bytes == null) return errors.error(c, 404);
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

    private String communityHeader(RecordDoc r) {
        if (r.parent.communities.isEmpty()) return "      ";
        Community community =
                repo.community(r.parent.communities.iterator().next()).orElse(null);
        if (community == null) return "      ";
        String href = "/communities/" + escape(community.slug()) + "/records";
        return "          <div\n            class=\"ui fluid container page-subheader-outer with-submenu compact ml-0-mobile"
                + " mr-0-mobile\">\n            <div class=\"ui container page-subheader\">\n"
                + "              <div class=\"page-subheader-element\">\n                <img\n"
                + "                  class=\"ui rounded image community-header-logo\"\n"
                + "                  src=\"/static/images/square-placeholder.png\"\n                  alt=\"\"\n"
                + "                />\n              </div>\n              <div class=\"page-subheader-element\">\n"
                + "                <div class=\"ui header\">\n                  <a\n                  href=\"" + href
                + "\" class=\"ui small header\">\n                    "
                + escape(community.json().at("/metadata/title").asText(community.slug()))
                + "\n                  </a>\n                  <!-- Show the icon for subcommunities -->\n"
                + "                </div>\n              </div>\n            </div>\n          </div>";
    }
}

package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;
import static rdmloadtest.simulator.web.Html.humanSize;
import static rdmloadtest.simulator.web.Html.longDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import rdmloadtest.simulator.http.Urls;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.StoredFile;

/** One record's landing-page fragments, each as the real Jinja templates lay it out (whitespace included). */
final class LandingPage {
    private final RecordDoc r;
    private final JsonNode metadata;
    private final String site;
    private final boolean canReadFiles;

    LandingPage(RecordDoc r, ObjectNode api, String site, boolean canReadFiles) {
        this.r = r;
        this.metadata = api.path("metadata");
        this.site = site;
        this.canReadFiles = canReadFiles;
    }

    String title() {
        return metadata.path("title").asText();
    }

    private String descriptionText() {
        return metadata.path("description").asText("").replaceAll("<[^>]+>", "");
    }

    private String url() {
        return site + "/records/" + r.id;
    }

    String head() {
        StringBuilder b = new StringBuilder();
        String d = escape(descriptionText());
        b.append("    <meta name=\"description\" content=\"").append(d).append("\" />\n");
        b.append("    <meta name=\"citation_title\" content=\"")
                .append(escape(title()))
                .append("\" />\n");
        for (JsonNode c : metadata.path("creators"))
            b.append("    <meta name=\"citation_author\" content=\"")
                    .append(escape(c.at("/person_or_org/name").asText()))
                    .append("\" />\n");
        for (JsonNode s : metadata.path("subjects"))
            b.append("    <meta name=\"citation_keywords\" content=\"")
                    .append(escape(s.path("subject").asText()))
                    .append("\" />\n");
        b.append("    <meta name=\"citation_abstract_html_url\" content=\"")
                .append(url())
                .append("\" />\n");
        b.append("    <meta property=\"og:title\" content=\"")
                .append(escape(title()))
                .append("\" />\n");
        b.append("    <meta property=\"og:description\" content=\"").append(d).append("\" />\n");
        b.append("    <meta property=\"og:url\" content=\"").append(url()).append("\" />\n");
        b.append("    <meta property=\"og:site_name\" content=\"InvenioRDM\" />\n");
        b.append("    <meta name=\"twitter:card\" content=\"summary\" />\n");
        b.append("    <meta name=\"twitter:site\" content=\"\" />\n");
        b.append("    <meta name=\"twitter:title\" content=\"")
                .append(escape(title()))
                .append("\" />\n");
        b.append("    <meta name=\"twitter:description\" content=\"").append(d).append("\" />\n");
        if (canReadFiles) {
            for (StoredFile f : r.files.values()) {
                String href = url() + "/files/" + Urls.quote(f.key);
                b.append("    <link rel=\"alternate\" type=\"")
                        .append(escape(f.mimetype))
                        .append("\" href=\"");
                b.append(href).append("\">\n");
                b.append("    <link rel=\"item\" type=\"")
                        .append(escape(f.mimetype))
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
        String version = metadata.path("version").asText("");
        return "              <section id=\"record-info\"\n"
                + "                       aria-label=\"Publication date and version number\">\n"
                + "                <div class=\"ui grid middle aligned\">\n"
                + "                  <div class=\"two column row\">\n"
                + "                    <div class=\"left floated left aligned column\">\n"
                + "                      <span class=\"ui\" title=\"Publication date\">\n"
                + "                        Published "
                + escape(longDate(metadata.path("publication_date").asText()))
                + "\n                      </span>\n"
                + (version.isEmpty()
                        ? ""
                        : "                      <span\n                        class=\"label text-muted\"> | Version "
                                + escape(version) + "</span>\n")
                + "                    </div>\n"
                + "                    <div class=\"right floated right aligned column\">\n\n                      \n"
                + "                        <span role=\"note\"\n"
                + "                              class=\"ui label horizontal small neutral mb-5\"\n"
                + "                              aria-label=\"Resource type\"\n                        >\n"
                + "                          "
                + escape(metadata.at("/resource_type/title/en").asText("Other"))
                + "\n                        </span>\n                      \n\n"
                + "                      <span role=\"note\"\n"
                + "                            class=\"ui label horizontal small access-status " + a[0]
                + " mb-5\"\n"
                + "                            data-tooltip=\"" + escape(a[2]) + "\"\n"
                + "                            data-inverted=\"\"\n"
                + "                            aria-label=\"Access status\"\n                      >\n"
                + "                        \n                          <i class=\"icon " + a[1] + "\"\n"
                + "                             aria-hidden=\"true\"></i>\n                        \n"
                + "                        <span\n                          aria-label=\"" + escape(a[2]) + "\">\n"
                + "                          " + a[3] + "\n                        </span>\n"
                + "                      </span>\n                    </div>\n                  </div>\n"
                + "                </div>\n              </section>";
    }

    String description() {
        if (descriptionText().isEmpty()) return "";
        return "  <section id=\"description\" class=\"rel-mt-2 rich-input-content\" aria-label=\"Record description\">\n"
                + "    <h2 id=\"description-heading\" class=\"sr-only\">Description</h2>\n    \n"
                + "    <div style=\"word-wrap: break-word;\">\n      " + escape(descriptionText())
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
                    .append("                      <h3\n                        class=\"active title panel-heading ")
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
                    .append(escape(a[2]))
                    .append("</p>\n\n");
            if (!reason.isEmpty())
                b.append("                          \n                            <p>Reason: ")
                        .append(escape(reason))
                        .append("</p>\n                          \n");
            return b.append("\n                          \n                          \n")
                    .append(
                            "                        </div>\n                      </div>\n                    </div>\n")
                    .append("                </section>")
                    .toString();
        }
        if (r.files.isEmpty()) return b.append("\n                </section>").toString();
        StoredFile first = r.files.values().iterator().next();
        String base = "/records/" + r.id;
        b.append("<h2 id=\"files-heading\">Files</h2>\n")
                .append("  <div class=\"ui accordion panel mb-10 open\" href=\"#files-preview-accordion-panel\">\n")
                .append("    <h3 class=\"active title panel-heading open m-0\">\n      <div\n        role=\"button\"\n")
                .append("        id=\"files-preview-accordion-trigger\"\n")
                .append("        aria-controls=\"files-preview-accordion-panel\"\n        aria-expanded=\"true\"\n")
                .append(
                        "        tabindex=\"0\"\n        class=\"trigger\"\n        aria-label=\"File preview\"\n      >\n")
                .append("        <span id=\"preview-file-title\">")
                .append(escape(first.key))
                .append("</span>\n")
                .append("        <i class=\"angle right icon\" aria-hidden=\"true\"></i>\n      </div>\n    </h3>\n")
                .append("    <div\n      role=\"region\"\n      id=\"files-preview-accordion-panel\"\n")
                .append("      aria-labelledby=\"files-preview-accordion-trigger\"\n")
                .append("      class=\"active content preview-container pt-0 open\"\n    >\n      <div>\n  <iframe\n")
                .append("    title=\"Preview\"\n    class=\"preview-iframe\"\n    id=\"preview-iframe\"\n")
                .append("    name=\"preview-iframe\"\n    src=\"")
                .append(base)
                .append("/preview/")
                .append(escape(Urls.quote(first.key)))
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
                .append("        <i class=\"angle right icon\" aria-hidden=\"true\"></i>\n      </div>\n    </h3>\n")
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
                .append("              <i class=\"file archive icon button\" aria-hidden=\"true\"></i> Download all\n")
                .append("            </a>\n        </th>\n      </tr>\n    </thead>\n    <tbody>\n");
        for (StoredFile f : r.files.values()) {
            String key = escape(Urls.quote(f.key));
            b.append("        <tr>\n          <td class=\"ten wide\">\n            <div>\n              <a href=\"")
                    .append(base)
                    .append("/files/")
                    .append(key)
                    .append("?download=1\">")
                    .append(escape(f.key))
                    .append("</a>\n            </div>\n            <small class=\"ui text-muted font-tiny\">md5:")
                    .append(f.md5())
                    .append(
                            "\n            <div class=\"ui icon inline-block\" data-tooltip=\"This is the file fingerprint")
                    .append(" (checksum), which can be used to verify the file integrity.\">\n")
                    .append("              <i class=\"question circle checksum icon\"></i>\n            </div>\n")
                    .append("            </small>\n          </td>\n          <td>")
                    .append(humanSize(f.size))
                    .append("</td>\n          <td class=\"right aligned\">\n            <span>\n")
                    .append("                <a role=\"button\" class=\"ui compact mini button preview-link\" href=\"")
                    .append(base)
                    .append("/preview/")
                    .append(key)
                    .append("?include_deleted=0\" target=\"preview-iframe\" data-file-key=\"")
                    .append(escape(f.key))
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
                .append("                       aria-label=\"Additional record details\">\n\n\n\n\n\n\n\n\n\n\n\n\n")
                .append(
                        "  <h2 id=\"record-details-heading\">Additional details</h2>\n\n  <div class=\"ui divider\"></div>\n\n");
        detailBlock(b, "Dates", metadata.path("dates"), d -> new String[] {
            d.at("/type/id").asText("other").substring(0, 1).toUpperCase(Locale.ROOT)
                    + d.at("/type/id").asText("other").substring(1),
            d.path("date").asText(),
            d.path("description").asText("")
        });
        detailBlock(b, "Related works", metadata.path("related_identifiers"), d -> new String[] {
            relation(d.at("/relation_type/id").asText("references")),
            d.path("scheme").asText().toUpperCase(Locale.ROOT) + ": "
                    + d.path("identifier").asText(),
            d.at("/resource_type/id").asText("")
        });
        detailBlock(b, "References", metadata.path("references"), d ->
                new String[] {"Reference", d.path("reference").asText(), ""});
        detailBlock(b, "Funding", metadata.path("funding"), d -> new String[] {
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

    private static void detailBlock(StringBuilder b, String title, JsonNode items, Function<JsonNode, String[]> row) {
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
                    .append(escape(v[0]))
                    .append("</dt>\n    <dd>\n")
                    .append("      <div>")
                    .append(escape(v[1]))
                    .append("</div>\n")
                    .append("      <div class=\"text-muted\">")
                    .append(escape(v[2]))
                    .append("</div>\n    </dd>\n  \n");
        }
        b.append("\n          </dl>\n        </div>\n      </div>\n    \n    <div class=\"ui divider\"></div>\n  \n\n");
    }

    String keywords() {
        if (metadata.path("subjects").isEmpty()) return "";
        StringBuilder b = new StringBuilder("  <div class=\"sidebar-container\">\n")
                .append("    <h2 class=\"ui medium top attached header mt-0\">Keywords and subjects</h2>\n")
                .append("    <div id=\"keywords-and-subjects\" aria-label=\"Keywords and subjects\"\n")
                .append("            class=\"ui segment bottom attached rdm-sidebar\">\n  \n  \n")
                .append(
                        "  <h3 class=\"hidden\">Keywords</h3>\n  <ul class=\"ui horizontal list no-bullets subjects\">\n");
        for (JsonNode s : metadata.path("subjects")) {
            String subject = s.path("subject").asText();
            b.append("    <li class=\"item\">\n      <a href=\"/search?q=metadata.subjects.subject:%22")
                    .append(URLEncoder.encode(subject, StandardCharsets.UTF_8))
                    .append("%22\"\n          class=\"subject\"\n          title=\"Search results for ")
                    .append(escape(subject))
                    .append("\"\n      >\n        ")
                    .append(escape(subject))
                    .append("\n      </a>\n    </li>\n");
        }
        return b.append("  </ul>\n  \n\n    </div>\n  </div>").toString();
    }

    String sidebarDetails() {
        StringBuilder b = new StringBuilder("<div class=\"sidebar-container\">\n")
                .append("  <h2 class=\"ui medium top attached header mt-0\">Details</h2>\n")
                .append("  <div id=\"record-details\" class=\"ui segment bottom attached rdm-sidebar\">\n\n")
                .append("    <dl class=\"details-list\">\n      \n      \n");
        dd(b, "Resource type", metadata.at("/resource_type/title/en").asText("Other"));
        dd(b, "Publisher", metadata.path("publisher").asText(""));
        List<String> langs = new ArrayList<>();
        metadata.path("languages").forEach(l -> langs.add(language(l.path("id").asText())));
        if (!langs.isEmpty()) {
            b.append("      \n      \n      \n  <dt class=\"ui tiny header\">Languages</dt>\n  <dd>\n  \n    ")
                    .append(escape(String.join(", ", langs)))
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
                .append(escape(value))
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

    String creatibutors() {
        return Creatibutors.section(metadata);
    }

    String rights() {
        return Licenses.section(metadata);
    }
}

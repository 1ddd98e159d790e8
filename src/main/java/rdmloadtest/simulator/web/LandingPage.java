package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;
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

    String recordInfo() {
        AccessStatus a = AccessStatus.of(r);
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
                + "                            class=\"ui label horizontal small access-status " + a.id()
                + " mb-5\"\n"
                + "                            data-tooltip=\"" + escape(a.description()) + "\"\n"
                + "                            data-inverted=\"\"\n"
                + "                            aria-label=\"Access status\"\n                      >\n"
                + "                        \n                          <i class=\"icon " + a.icon() + "\"\n"
                + "                             aria-hidden=\"true\"></i>\n                        \n"
                + "                        <span\n                          aria-label=\"" + escape(a.description())
                + "\">\n"
                + "                          " + a.title() + "\n                        </span>\n"
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
        return LandingRights.section(metadata);
    }

    String files() {
        return LandingFiles.section(r, site, canReadFiles, AccessStatus.of(r));
    }
}

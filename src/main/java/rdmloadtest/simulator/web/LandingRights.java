package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import rdmloadtest.simulator.vocabularies.Licenses;
import rdmloadtest.simulator.vocabularies.Licenses.License;

/** The landing page's Rights box: one entry per license with its popup (title, description, link), as licenses.html. */
final class LandingRights {
    private LandingRights() {}

    static String section(JsonNode metadata) {
        if (metadata.path("rights").isEmpty()) return "";
        StringBuilder b = new StringBuilder("  <div class=\"sidebar-container\">\n")
                .append("    <h2 class=\"ui medium top attached header mt-0\">Rights</h2>\n")
                .append("    <div id=\"licenses\" class=\"ui segment bottom attached rdm-sidebar\">\n      \n")
                .append("        <h4>License</h4>\n        <ul class=\"details-list m-0 p-0\">");
        int i = 1;
        for (JsonNode right : metadata.path("rights")) {
            String id = right.path("id").asText("custom");
            License license = license(id, right);
            String n = id + "-" + i;
            b.append("<li id=\"license-")
                    .append(n)
                    .append("\" class=\"has-popup\">\n")
                    .append("              <div id=\"title-")
                    .append(n)
                    .append("\"\n")
                    .append("                   class=\"license clickable\"\n                   tabindex=\"0\"\n")
                    .append("                   aria-haspopup=\"dialog\"\n                   aria-expanded=\"false\"\n")
                    .append("                   role=\"button\"\n                   aria-label=\"")
                    .append(escape(license.title()))
                    .append("\"\n              >\n                \n                  \n")
                    .append("                  <span class=\"icon-wrap\">\n")
                    .append("                  <img class=\"icon\" src=\"/static/icons/licenses/")
                    .append(id.replaceAll("-[0-9.]+$", ""))
                    .append("-icon.svg\"\n                       alt=\"")
                    .append(escape(id))
                    .append(" icon\"/>\n                </span>\n                \n\n")
                    .append("                <span class=\"title-text\">\n                ")
                    .append(escape(license.title()))
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
                    .append(escape(license.description()))
                    .append("\n                </span>\n                  \n  \n")
                    .append("    <a class=\"license-link\" href=\"")
                    .append(escape(license.link()))
                    .append("\" target=\"_blank\"\n       title=\"Opens in new tab\">Read more</a>\n  \n\n")
                    .append("                </div>\n              </div>\n            </li>\n          ");
            i++;
        }
        return b.append("\n\n        </ul>\n      \n      \n    </div>\n\n  </div>")
                .toString();
    }

    /** The license's title, description and link: the vocabulary's, else what the record says. */
    private static License license(String id, JsonNode right) {
        return Licenses.get(id)
                .orElseGet(() -> new License(
                        id,
                        right.at("/title/en").asText(id),
                        right.at("/description/en").asText(""),
                        right.path("link").asText("")));
    }
}

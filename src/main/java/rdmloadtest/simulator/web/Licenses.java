package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;

/** The landing page's Rights box: one entry per license with its popup (title, description, link), as licenses.html. */
final class Licenses {
    private Licenses() {}

    static String section(JsonNode metadata) {
        if (metadata.path("rights").isEmpty()) return "";
        StringBuilder b = new StringBuilder("  <div class=\"sidebar-container\">\n")
                .append("    <h2 class=\"ui medium top attached header mt-0\">Rights</h2>\n")
                .append("    <div id=\"licenses\" class=\"ui segment bottom attached rdm-sidebar\">\n      \n")
                .append("        <h4>License</h4>\n        <ul class=\"details-list m-0 p-0\">");
        int i = 1;
        for (JsonNode right : metadata.path("rights")) {
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
                    .append("                   aria-haspopup=\"dialog\"\n                   aria-expanded=\"false\"\n")
                    .append("                   role=\"button\"\n                   aria-label=\"")
                    .append(escape(lic[0]))
                    .append("\"\n              >\n                \n                  \n")
                    .append("                  <span class=\"icon-wrap\">\n")
                    .append("                  <img class=\"icon\" src=\"/static/icons/licenses/")
                    .append(id.replaceAll("-[0-9.]+$", ""))
                    .append("-icon.svg\"\n                       alt=\"")
                    .append(escape(id))
                    .append(" icon\"/>\n                </span>\n                \n\n")
                    .append("                <span class=\"title-text\">\n                ")
                    .append(escape(lic[0]))
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
                    .append(escape(lic[1]))
                    .append("\n                </span>\n                  \n  \n")
                    .append("    <a class=\"license-link\" href=\"")
                    .append(escape(lic[2]))
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

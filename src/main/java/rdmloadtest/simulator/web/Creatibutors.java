package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The landing page's creators and contributors, with numbered affiliations, in creatibutors.html's markup. */
final class Creatibutors {
    private Creatibutors() {}

    /** Creators and contributors with numbered affiliations (creatibutors.html). */
    static String section(JsonNode metadata) {
        StringBuilder b = new StringBuilder();
        b.append("                  <section id=\"creatibutors\"\n")
                .append("                           aria-label=\"Creators and contributors\">\n\n")
                .append("<div class=\"ui grid\">\n  \n");
        List<JsonNode> creators = list(metadata.path("creators"));
        if (!creators.isEmpty()) {
            List<String> affs = affiliations(creators);
            b.append("    <div class=\"row ui accordion affiliations\">\n")
                    .append(
                            "      <div class=\"sixteen wide mobile twelve wide tablet thirteen wide computer column\">\n")
                    .append("          <h3 class=\"sr-only\">Creators</h3>\n          <ul class=\"creatibutors\">\n");
            for (JsonNode c : creators) person(b, c, "creators", affs);
            b.append("          </ul>\n      </div>\n\n        \n        \n");
            affiliationList(b, "creators", affs);
            b.append("\n    </div>\n  \n\n  \n");
        }
        List<JsonNode> contributors = list(metadata.path("contributors"));
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
                        .append(escape(e.getKey()))
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
                    .append(escape(String.join("; ", own)))
                    .append("\"\n      \n");
        b.append("      href=\"/search?q=metadata.")
                .append(field)
                .append(".person_or_org.name:%22")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append("%22\"\n    >\n\n      <span class=\"creatibutor-name\">")
                .append(escape(name))
                .append("</span>");
        for (String a : own)
            b.append("<sup class=\"font-tiny\">").append(affs.indexOf(a) + 1).append("</sup>");
        b.append("</a>\n  \n\n  \n    \n");
        boolean orcid = false;
        for (JsonNode id : c.at("/person_or_org/identifiers")) {
            if (!id.path("scheme").asText().equals("orcid")) {
                b.append("      \n");
                continue;
            }
            orcid = true;
            String who = escape(name);
            b.append("      \n        \n        <a href=\"https://orcid.org/")
                    .append(escape(id.path("identifier").asText()))
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
            b.append("    \n      <i class=\"").append(org ? "group" : "user").append(" icon\"></i>\n    \n  \n");
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
                    .append(escape(affs.get(i)))
                    .append("\n    </li>\n  \n");
        b.append("\n    </ul>\n</section>\n");
    }
}

package rdmloadtest.simulator.web;

import static rdmloadtest.simulator.web.Html.escape;
import static rdmloadtest.simulator.web.Html.humanSize;

import rdmloadtest.simulator.http.Urls;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.StoredFile;

/**
 * The landing page's Files section: the preview of the first file and the files table, or the access status' message
 * for a visitor who may not read the files.
 */
final class LandingFiles {
    private LandingFiles() {}

    static String section(RecordDoc r, String site, boolean canReadFiles, AccessStatus a) {
        if (!r.filesEnabled) return "";
        StringBuilder b = new StringBuilder(
                "<section id=\"record-files\" class=\"rel-mt-2 rel-mb-3\"\n                         aria-label=\"Files\">");
        if (!canReadFiles) {
            String reason = r.access.at("/embargo/reason").asText("");
            b.append("\n                    \n                    <div\n")
                    .append("                      class=\"ui accordion panel mb-10 ")
                    .append(a.id())
                    .append("\"\n                      href=\"#files-preview-accordion-panel\">\n")
                    .append("                      <h3\n                        class=\"active title panel-heading ")
                    .append(a.id())
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
                    .append(a.icon())
                    .append(" icon\"\n")
                    .append("                             aria-hidden=\"true\"></i>\n")
                    .append("                          <h4\n                            class=\"inline\">")
                    .append(a.title())
                    .append("</h4>\n                          <p>")
                    .append(escape(a.description()))
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
}

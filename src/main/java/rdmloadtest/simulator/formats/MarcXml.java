package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MARC21 XML (application/marcxml+xml) in v13's field order; a field without a value is left out. */
public final class MarcXml {
    /** MARC relator codes of the contributor roles (v13's MARCXML schema). */
    private static final Map<String, String> RELATORS = Map.of(
            "contactperson", "prc",
            "datacollector", "com",
            "datacurator", "cur",
            "datamanager", "dtm",
            "editor", "edt",
            "projectleader", "pdr",
            "researcher", "res",
            "supervisor", "dgs",
            "other", "oth");

    private MarcXml() {}

    public static String of(RecordItem r) {
        JsonNode md = r.metadata();
        String generalType = generalType(r.resourceTypeId());
        StringBuilder b = new StringBuilder(Xml.HEAD)
                .append("<record xmlns=\"http://www.loc.gov/MARC21/slim\">\n")
                .append("  <leader>00000n")
                .append(generalType.equals("Dataset") ? "mm" : generalType.equals("Audiovisual") ? "gm" : "am")
                .append("##2200000uu#4500</leader>\n  <controlfield tag=\"001\">")
                .append(Xml.escape(r.id()))
                .append("</controlfield>\n");
        if (!r.oaiId().isEmpty()) datafield(b, "909", "C", "O", List.of("o", r.oaiId()));
        for (Creatibutor c : r.contributors()) datafield(b, "700", " ", " ", person(c, true));
        datafield(b, "245", " ", " ", List.of("a", r.title()));
        List<Creatibutor> creators = r.creators();
        for (int i = 0; i < creators.size(); i++)
            datafield(b, i == 0 ? "100" : "700", " ", " ", person(creators.get(i), false));
        datafield(b, "540", " ", " ", List.of("a", r.euRepoAccessRight()));
        for (JsonNode right : md.path("rights")) {
            String id = right.path("id").asText("");
            if (!Rights.isCreativeCommons(id)) continue;
            datafield(b, "540", " ", " ", List.of("a", Rights.ccTitle(id), "u", Rights.ccUrl(id)));
            datafield(b, "650", "1", "7", List.of("a", id, "2", "spdx"));
        }
        for (String s : r.subjects()) datafield(b, "653", " ", " ", List.of("a", s));
        if (!r.description().isEmpty()) datafield(b, "520", " ", " ", List.of("a", r.descriptionStripped()));
        for (JsonNode d : md.path("additional_descriptions"))
            datafield(
                    b,
                    "500",
                    " ",
                    " ",
                    List.of("a", RecordItem.stripTags(d.path("description").asText())));
        for (JsonNode l : md.path("languages"))
            datafield(b, "041", " ", " ", List.of("a", l.path("id").asText()));
        datafield(b, "260", " ", " ", List.of("b", r.publisher(), "c", r.publicationDate()));
        datafield(b, "980", " ", " ", List.of("a", r.resourceTypeProp("eurepo", "info:eu-repo/semantics/other")));
        String[] type = r.resourceTypeId().split("-", 2);
        datafield(b, "980", " ", " ", type.length == 2 ? List.of("a", type[0], "b", type[1]) : List.of("a", type[0]));
        String updated = r.updated();
        if (updated.length() >= 19)
            b.append("  <controlfield tag=\"005\">")
                    .append(updated.substring(0, 19).replaceAll("[-T:]", ""))
                    .append(".0</controlfield>\n");
        r.fileEntries()
                .forEach(e -> datafield(
                        b,
                        "856",
                        "4",
                        " ",
                        List.of(
                                "s",
                                e.getValue().path("size").asText(),
                                "z",
                                e.getValue().path("checksum").asText(),
                                "u",
                                r.selfHtml() + "/files/" + e.getKey())));
        datafield(b, "542", " ", " ", List.of("l", r.accessStatus()));
        return b.append("</record>\n").toString();
    }

    /** The general type of a resource type id, for the leader's type of record. */
    private static String generalType(String typeId) {
        return switch (typeId.split("-")[0]) {
            case "dataset" -> "Dataset";
            case "software" -> "Software";
            case "image" -> "Image";
            case "video" -> "Audiovisual";
            case "publication", "poster", "presentation" -> "Text";
            default -> "Other";
        };
    }

    /** A MARC person's subfields: name, ORCID, affiliations and (contributors) a relator code. */
    private static List<String> person(Creatibutor c, boolean contributor) {
        List<String> out = new ArrayList<>(List.of("a", c.name()));
        if (c.orcid() != null) out.addAll(List.of("0", "(orcid)" + c.orcid()));
        for (String a : c.affiliations()) out.addAll(List.of("u", a));
        if (contributor) out.addAll(List.of("4", RELATORS.getOrDefault(c.roleId(), "oth")));
        return out;
    }

    /** A datafield; subfields as code, value pairs. */
    private static void datafield(StringBuilder b, String tag, String ind1, String ind2, List<String> subfields) {
        b.append("  <datafield tag=\"")
                .append(tag)
                .append("\" ind1=\"")
                .append(ind1)
                .append("\" ind2=\"")
                .append(ind2)
                .append("\">\n");
        for (int i = 0; i < subfields.size(); i += 2)
            b.append("    <subfield code=\"")
                    .append(subfields.get(i))
                    .append("\">")
                    .append(Xml.escape(subfields.get(i + 1)))
                    .append("</subfield>\n");
        b.append("  </datafield>\n");
    }
}

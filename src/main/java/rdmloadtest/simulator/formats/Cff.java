package rdmloadtest.simulator.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Citation File Format 1.2.0 (application/x-yaml, the landing page's "cff" export) as v13's CFFSchema writes it (YAML,
 * keys sorted): authors are the creators then the contributors; license the rights' ids ([] when none); type only
 * for software and datasets.
 */
public final class Cff {
    private Cff() {}

    public static String of(RecordItem r) {
        StringBuilder b = new StringBuilder();
        if (!r.description().isEmpty())
            b.append("abstract: ").append(yaml(r.descriptionStripped())).append("\n");
        b.append("authors:\n");
        List<Creatibutor> authors = new ArrayList<>(r.creators());
        authors.addAll(r.contributors());
        for (Creatibutor c : authors) {
            List<String> lines = new ArrayList<>();
            List<String> affs = c.affiliations();
            if (c.isOrganization()) {
                lines.add("name: " + yaml(c.name()));
            } else {
                if (!affs.isEmpty()) lines.add("affiliation: " + yaml(affs.get(0)));
                if (c.hasFamilyName()) lines.add("family-names: " + yaml(c.familyName()));
                if (c.hasGivenName()) lines.add("given-names: " + yaml(c.givenName()));
                if (c.orcid() != null) lines.add("orcid: " + yaml(c.orcid()));
            }
            b.append("- ").append(String.join("\n  ", lines)).append("\n");
        }
        b.append("cff-version: 1.2.0\ndate-released: '")
                .append(r.publicationDate())
                .append("'\n");
        List<String> subjects = r.subjects();
        if (!subjects.isEmpty()) {
            b.append("keywords:\n");
            for (String s : subjects) b.append("- ").append(yaml(s)).append("\n");
        }
        List<String> licenses = new ArrayList<>();
        r.metadata().path("rights").forEach(right -> {
            if (right.path("id").isTextual()) licenses.add(right.path("id").asText());
        });
        if (licenses.isEmpty()) b.append("license: []\n");
        else {
            b.append("license:\n");
            for (String l : licenses) b.append("- ").append(yaml(l)).append("\n");
        }
        String typeId = r.resourceTypeId();
        String type = typeId.equals("software") || typeId.equals("dataset") ? typeId : null;
        b.append("message: If you use this ")
                .append(type == null ? "work" : type)
                .append(", please cite it using the metadata from this file.\n");
        b.append("title: ").append(yaml(r.title())).append("\n");
        if (type != null) b.append("type: ").append(type).append("\n");
        if (!r.version().isEmpty())
            b.append("version: ").append(yaml(r.version())).append("\n");
        return b.toString();
    }

    /** PyYAML's plain style where it would use it (letters, digits, spaces and punctuation it allows). */
    private static String yaml(String s) {
        boolean scalarLike = s.matches("[0-9.+-]+|[0-9]{4}-[0-9]{2}-[0-9]{2}.*")
                || s.matches("(?i)(yes|no|true|false|null|on|off|y|n|~)");
        if (s.matches("[A-Za-z0-9][A-Za-z0-9 ,.()/_-]*") && !s.endsWith(" ") && !scalarLike) return s;
        return "'" + s.replace("'", "''") + "'";
    }
}

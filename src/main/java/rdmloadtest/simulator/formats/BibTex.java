package rdmloadtest.simulator.formats;

import java.text.Normalizer;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** BibTeX (application/x-bibtex) as v13 writes it: entry type by resource type, month when the date has one. */
public final class BibTex {
    private BibTex() {}

    public static String of(RecordItem r) {
        List<Creatibutor> creators = r.creators();
        String first = creators.isEmpty()
                ? "unknown"
                : Normalizer.normalize(creators.get(0).familyName(), Normalizer.Form.NFD)
                        .replaceAll("[^A-Za-z0-9]", "")
                        .toLowerCase(Locale.ROOT);
        String entry = switch (r.resourceTypeId()) {
            case "software" -> "software";
            case "dataset" -> "dataset";
            // the other formatters need fields the records lack (journal, booktitle, school): misc, as measured
            case "publication-book" -> "book";
            default -> "misc";
        };
        StringBuilder b = new StringBuilder("@")
                .append(entry)
                .append('{')
                .append(first)
                .append('_')
                .append(r.publicationYear())
                .append('_')
                .append(r.id())
                .append(",\n  author       = {");
        for (int i = 0; i < creators.size(); i++)
            b.append(i == 0 ? "" : " and\n                  ")
                    .append(creators.get(i).name());
        b.append("},\n  title        = {").append(r.title()).append("},\n");
        String[] parts = r.publicationDate().split("/")[0].split("-");
        if (parts.length >= 2) {
            int m = Integer.parseInt(parts[1]);
            b.append("  month        = ")
                    .append(Month.of(m)
                            .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            .toLowerCase(Locale.ROOT))
                    .append(",\n");
        }
        b.append("  year         = ").append(r.publicationYear()).append(",\n");
        b.append("  publisher    = {").append(r.publisher()).append("},\n");
        if (!r.version().isEmpty())
            b.append("  version      = {").append(r.version()).append("},\n");
        return b.append("}").toString();
    }
}

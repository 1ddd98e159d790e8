package rdmloadtest.simulator.formats;

import java.util.ArrayList;
import java.util.List;

/** A formatted citation (text/x-bibliography, answered as text/plain). */
public final class Citation {
    private Citation() {}

    /** APA names every author; the default (Harvard, Cite Them Right) the first, "et al." from four on. */
    public static String of(RecordItem r, String style) {
        List<Creatibutor> creators = r.creators();
        if ("apa".equals(style)) {
            List<String> names = new ArrayList<>();
            for (Creatibutor c : creators) names.add(c.familyName() + ", " + c.initials());
            String authors = names.size() <= 1
                    ? String.join("", names)
                    : String.join(", ", names.subList(0, names.size() - 1)) + ", & " + names.get(names.size() - 1);
            return authors + " (" + r.publicationYear() + "). " + r.title()
                    + (r.version().isEmpty() ? "" : " (Version " + r.version() + ")") + " [" + r.resourceTypeTitle()
                    + "]. " + r.publisher() + ".";
        }
        String first = creators.isEmpty()
                ? ""
                : creators.get(0).familyName() + ", " + creators.get(0).initials();
        String authors = creators.size() > 3 ? first + " et al." : first;
        return authors + " (" + r.publicationYear() + ") \u201c" + r.title() + "\u201d. " + r.publisher() + ".";
    }
}

package rdmloadtest.conformance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Differences the simulator keeps on purpose, each with its reason (the README's table lists the same).
 * A difference matching one is reported as accepted; any other one fails the check.
 */
final class KnownDifferences {
    /** Matches a difference by step, aspect and what each side had ("real / simulator"); versions: 13, 14 or 13|14. */
    record Known(Pattern step, Pattern aspect, Pattern detail, Pattern versions, String reason) {
        boolean matches(Difference d, String version) {
            return versions.matcher(version).matches()
                    && step.matcher(d.step()).find()
                    && aspect.matcher(d.aspect()).find()
                    && detail.matcher(d.real() + " / " + d.simulator()).find();
        }
    }

    private KnownDifferences() {}

    static final List<Known> ALL = List.of(
            known(
                    "^(search|communities: records)",
                    "/hits/hits/\\*/links$",
                    "^(- / only simulator: thumbnails|only real: thumbnails / -)$",
                    "13|14",
                    "data-dependent: links.thumbnails exists only for records with an IIIF file (pdf, png, jpg, tif, ...);"
                            + " which records are on the page depends on the data set"),
            known(
                    "^(search|user records|communities: records)",
                    "^structure /links$",
                    "^(- / only simulator: next|only real: next / -)$",
                    "13|14",
                    "data-dependent: links.next exists while page * size < total; a small real instance has one page"),
            known(
                    "^oai: List",
                    "resumptionToken$|^structure /OAI-PMH/\\*/List(Records|Identifiers)/\\*$",
                    "^(absent / array|- / only simulator: resumptionToken)$",
                    "13|14",
                    "data-dependent: a resumptionToken comes only when more than a page (10) of records is harvestable"),
            known(
                    "^oai: ListRecords resumptionToken$",
                    "^sent$",
                    "^not sent: no token",
                    "13|14",
                    "follows from the previous line: no resumptionToken on the real instance to follow"));

    static Known find(Difference d, String version) {
        for (Known k : ALL) if (k.matches(d, version)) return k;
        return null;
    }

    private static Known known(String step, String aspect, String detail, String versions, String reason) {
        return new Known(
                Pattern.compile(step),
                Pattern.compile(aspect),
                Pattern.compile(detail),
                Pattern.compile(versions),
                reason);
    }
}

package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Pages;

/**
 * A record's landing page as a visitor's browser loads it: the page, the citation its citation box fetches in the
 * default style, sometimes another style, an export or a file preview (how often: traffic.landingPage.*).
 */
public final class LandingPageJourney {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Offered on every page, but answers 500 for a record under embargo on the real v13 (an upstream bug). */
    static final String CODEMETA = "codemeta";
    /** Offered by the citation box, but answered 400 "Citation string style not found." by the real v13: never chosen. */
    static final Set<String> MISSING_STYLES = Set.of("vancouver", "chicago-fullnote-bibliography");

    private LandingPageJourney() {}

    /** Lands on a record chosen by Zipf popularity, as a resolved DOI or a link does. */
    public static ChainBuilder landOnPopularRecord(Feeds feeds, Chance chance, Browser browser) {
        return feed(feeds.popularRecords())
                .exec(s -> s.set(RECORD_ID, s.getString(ID)))
                .exec(open(chance, browser));
    }

    /** Opens the landing page of the record in "recordId". */
    public static ChainBuilder open(Chance chance, Browser browser) {
        // Citations per page c (0 to 2): the default style with probability min(1, c), another one with c - 1.
        double citations = browser.web().citationsPerLanding();
        return exec(LandingPageJourney::forgetThePreviousPage)
                .exitBlockOnFail()
                .on(exec(browser.open(Pages.RECORD_PAGE))
                        .doIf(chance.of(Math.min(1, citations)))
                        .then(exec(Pages.CITE))
                        .doIf(chance.of(Math.max(0, citations - 1)))
                        .then(exec(LandingPageJourney::pickAnotherStyle).exec(Pages.CITE))
                        .doIf(chance.of(browser.web().exportProbability()))
                        .then(exec(LandingPageJourney::pickAnExport).exec(Pages.EXPORT))
                        .doIf(s -> !s.getList(PREVIEW_LINKS).isEmpty()
                                && chance.of(browser.web().previewProbability()).apply(s))
                        .then(exec(LandingPageJourney::pickAPreview).exec(Pages.PREVIEW)));
    }

    private static Session forgetThePreviousPage(Session s) {
        return s.remove(EXPORT_FORMATS)
                .remove(CITATION_STYLES)
                .remove(CITATION_STYLE)
                .remove(PREVIEW_LINKS)
                .remove(EMBARGO_MARKS);
    }

    /** Another of the styles the citation box offers (its data-styles: [["apa", "APA"], ...]). */
    private static Session pickAnotherStyle(Session s) {
        List<String> styles = citationStyles(s.getString(CITATION_STYLES));
        styles.remove(s.getString(CITATION_STYLE));
        styles.removeAll(MISSING_STYLES);
        return styles.isEmpty() ? s : s.set(CITATION_STYLE, any(styles));
    }

    static List<String> citationStyles(String dataStyles) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode style : JSON.readTree(dataStyles))
                out.add(style.get(0).asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the landing page's data-styles is not JSON: " + dataStyles, e);
        }
        return out;
    }

    private static Session pickAnExport(Session s) {
        List<String> formats = new ArrayList<>(s.getList(EXPORT_FORMATS).stream()
                .map(Object::toString)
                .filter(f -> !(f.equals(CODEMETA) && underEmbargo(s)))
                .distinct()
                .toList());
        return s.set(EXPORT_FORMAT, any(formats));
    }

    /** The page's record (its data-record) has an active embargo. */
    private static boolean underEmbargo(Session s) {
        return s.contains(EMBARGO_MARKS) && s.getInt(EMBARGO_MARKS) > 0;
    }

    private static Session pickAPreview(Session s) {
        return s.set(PREVIEW_LINK, any(s.getList(PREVIEW_LINKS)));
    }

    private static <T> T any(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }
}

package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For {@link ChecksTest}: each case sends one request builder once, in a group named by the case, to a server that
 * answers the case's body; what the request saved is kept in {@link #SAVED}.
 */
public class CheckProbeSimulation extends Simulation {
    static final String URL = "rdmloadtest.checks.url";
    static final Map<String, Map<String, Object>> SAVED = new ConcurrentHashMap<>();

    /** A case: its name, the request it sends, what the session holds before. */
    record Case(String name, HttpRequestActionBuilder request, Map<String, Object> before) {}

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String c : List.of("view-good", "view-other-id", "view-no-latest", "view-broken", "view-bad-size"))
            out.add(new Case(c, Records.VIEW, Map.of(RECORD_ID, c)));
        for (String c : List.of(
                "search-good",
                "search-no-total",
                "search-text-total",
                "search-html",
                "search-cut",
                "search-bad-bracket")) out.add(new Case(c, Records.SEARCH, Map.of(SEARCH_PARAMS, Map.of("q", c))));
        for (String c : List.of("info-good", "info-zero-width", "info-no-height"))
            out.add(new Case(c, Iiif.IMAGE_INFO, Map.of(IMAGE_SERVICE, "/iiif/" + c)));
        for (String c : List.of("page-good", "page-no-styles", "page-no-default-style"))
            out.add(new Case(c, Pages.RECORD_PAGE, Map.of(RECORD_ID, c)));
        return out;
    }

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Case c : cases())
            populations.add(scenario(c.name())
                    .exec(s -> s.setAll(c.before()))
                    .group(c.name())
                    .on(exec(c.request()))
                    .exec(s -> keep(c.name(), s))
                    .injectOpen(atOnceUsers(1)));
        setUp(populations).protocols(http.baseUrl(System.getProperty(URL)));
    }

    private static Session keep(String name, Session s) {
        Map<String, Object> saved = new ConcurrentHashMap<>();
        for (String key : List.of(
                HIT_IDS,
                HITS_TOTAL,
                NEXT_LINK,
                VERSIONS_LINK,
                LATEST_LINK,
                CONTENT_LINKS,
                CONTENT_SIZES,
                FILES_TOTAL_BYTES,
                IMAGE_WIDTH,
                IMAGE_HEIGHT,
                CITATION_STYLES,
                CITATION_STYLE,
                EXPORT_FORMATS,
                PREVIEW_LINKS,
                EMBARGO_MARKS)) if (s.contains(key)) saved.put(key, s.get(key));
        SAVED.put(name, saved);
        return s;
    }
}

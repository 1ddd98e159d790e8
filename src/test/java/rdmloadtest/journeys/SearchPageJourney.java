package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Pages;

/**
 * The search page: the page, then its search app's query (10 hits, page 1, as the app starts), a few more pages as
 * the visitor clicks through, then maybe a hit's landing page.
 */
public final class SearchPageJourney {
    /** The search app's first page size (its data-invenio-search-config: "size": 10). */
    static final int APP_PAGE_SIZE = 10;

    private static final double MORE_PAGES = 0.3;
    private static final int MAX_MORE_PAGES = 3;
    private static final double OPEN_A_HIT = 0.6;

    private SearchPageJourney() {}

    public static ChainBuilder search(Feeds feeds, Chance chance, Browser browser) {
        return feed(feeds.searchQueries())
                .exec(s -> drawSearch(s, feeds, chance))
                .exitBlockOnFail()
                .on(exec(browser.open(Pages.SEARCH_PAGE))
                        .exec(Pages.SEARCH_APP)
                        .exec(browseInsteadWhenNothingFound(chance))
                        .repeat(el(NEXT_PAGES))
                        .on(doIf(SearchPageJourney::pageWasFull)
                                .then(exec(SearchPageJourney::nextPage).exec(Pages.SEARCH_APP)))
                        .doIf(s -> !s.getList(HIT_IDS).isEmpty()
                                && chance.of(OPEN_A_HIT).apply(s))
                        .then(exec(SearchJourney::pickAHit).exec(LandingPageJourney.open(chance, browser))));
    }

    /** No hits: as on the API, half the visitors clear the query, and the app lists the newest records. */
    private static ChainBuilder browseInsteadWhenNothingFound(Chance chance) {
        return doIf(s -> s.getList(HIT_IDS).isEmpty()
                        && chance.of(SearchJourney.BROWSE_WHEN_EMPTY).apply(s))
                .then(exec(s -> s.set(SEARCH_PARAMS, Map.of("sort", "newest", "page", 1, "size", APP_PAGE_SIZE)))
                        .exec(Pages.SEARCH_APP));
    }

    /** The query's sort and facet as the API readers draw them, on the app's first page of 10. */
    private static Session drawSearch(Session s, Feeds feeds, Chance chance) {
        Random rnd = ThreadLocalRandom.current();
        List<Map<String, Object>> facets = feeds.facets();
        Map<String, Object> facet = facets.isEmpty() ? null : facets.get(rnd.nextInt(facets.size()));
        Map<String, Object> params = new HashMap<>(SearchParams.draw(s.getString(Q), facet, rnd, feeds.searchShape()));
        params.put("size", APP_PAGE_SIZE);
        params.put("page", 1);
        int more = chance.always() ? 1 : SearchJourney.geometric(rnd, MORE_PAGES, MAX_MORE_PAGES);
        return s.set(SEARCH_PARAMS, params).set(NEXT_PAGES, more);
    }

    /**
     * The app offers a next page only after a full one: a visitor never pages past the last hit, and a hit of the
     * last page stays there to open (an empty page after a short one left the smoke run nothing to open).
     */
    private static boolean pageWasFull(Session s) {
        return s.getList(HIT_IDS).size() >= APP_PAGE_SIZE;
    }

    /** The app asks for page n+1 itself (no links.next): stops at the hits there are. */
    private static Session nextPage(Session s) {
        Map<String, Object> params = new HashMap<>(s.getMap(SEARCH_PARAMS));
        params.put("page", ((Number) params.get("page")).intValue() + 1);
        return s.set(SEARCH_PARAMS, params);
    }
}

package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Records;

/** Search: a query that hits the corpus, a sort, maybe a facet, a few next pages, then maybe a hit opened. */
public final class SearchJourney {
    static final double BROWSE_WHEN_EMPTY = 0.5;
    private static final double MORE_PAGES = 0.35;
    private static final int MAX_MORE_PAGES = 4;
    private static final double OPEN_A_HIT = 0.6;

    private SearchJourney() {}

    public static ChainBuilder search(Feeds feeds, Chance chance, ChainBuilder openHit) {
        return feed(feeds.searchQueries())
                .exec(s -> drawSearch(s, feeds, chance))
                .exec(Records.SEARCH)
                .exec(browseInsteadWhenNothingFound(chance))
                .exec(followNextPages())
                .exec(openAHit(chance, openHit));
    }

    /** The query's sort, facet, page and page size, and how many "next" pages the user will look at. */
    private static Session drawSearch(Session s, Feeds feeds, Chance chance) {
        Random rnd = ThreadLocalRandom.current();
        List<Map<String, Object>> facets = feeds.facets();
        Map<String, Object> facet = facets.isEmpty() ? null : facets.get(rnd.nextInt(facets.size()));
        Map<String, Object> params = SearchParams.draw(s.getString(Q), facet, rnd, feeds.searchShape());
        return s.set(SEARCH_PARAMS, params)
                .set(SEARCH_PAGE, params.get("page"))
                .set(SEARCH_SIZE, params.get("size"))
                .set(NEXT_PAGES, chance.always() ? 1 : geometric(rnd, MORE_PAGES, MAX_MORE_PAGES))
                .remove(NEXT_LINK);
    }

    /** No hits (a deep page, a narrow facet, a restricted match): half the users clear the query and browse. */
    private static ChainBuilder browseInsteadWhenNothingFound(Chance chance) {
        return doIf(s -> s.getList(HIT_IDS).isEmpty()
                        && chance.of(BROWSE_WHEN_EMPTY).apply(s))
                .then(exec(s -> s.set(SEARCH_PARAMS, Map.of("sort", "newest", "page", 1, "size", 25))
                                .set(SEARCH_PAGE, 1)
                                .set(SEARCH_SIZE, 25)
                                .remove(NEXT_LINK))
                        .exec(Records.SEARCH));
    }

    /** Clicks "next" (links.next) as many times as drawn, never past the 10 000-hit window. */
    private static ChainBuilder followNextPages() {
        return repeat(el(NEXT_PAGES))
                .on(doIf(SearchJourney::nextPageInsideWindow)
                        .then(exec(s -> s.set(SEARCH_PAGE, s.getInt(SEARCH_PAGE) + 1)
                                        .set(PAGE_LINK, s.getString(NEXT_LINK))
                                        .remove(NEXT_LINK))
                                .exec(Records.SEARCH_NEXT_PAGE)));
    }

    private static boolean nextPageInsideWindow(Session s) {
        return s.contains(NEXT_LINK) && SearchParams.nextInsideWindow(s.getInt(SEARCH_PAGE), s.getInt(SEARCH_SIZE));
    }

    /** Opens one of the hits of the last page seen. */
    private static ChainBuilder openAHit(Chance chance, ChainBuilder openHit) {
        return doIf(s -> !s.getList(HIT_IDS).isEmpty() && chance.of(OPEN_A_HIT).apply(s))
                .then(exec(SearchJourney::pickAHit).exec(openHit));
    }

    /** One of the hits of the last page seen (its id into "recordId"). */
    static Session pickAHit(Session s) {
        List<Object> ids = s.getList(HIT_IDS);
        return s.set(RECORD_ID, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
    }

    /** How many more pages a user looks at: geometric, capped. */
    static int geometric(Random rnd, double p, int cap) {
        int n = 0;
        while (n < cap && rnd.nextDouble() < p) n++;
        return n;
    }
}

package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Records;

/** Search: a query that hits the corpus, a sort, maybe a facet, a few next pages, then maybe a hit opened. */
public final class SearchJourney {
  private SearchJourney() {}

  public static ChainBuilder search(Feeds feeds, Chance chance, ChainBuilder openHit) {
    return feed(feeds.searchQueries())
        .exec(s -> {
          Random rnd = ThreadLocalRandom.current();
          List<Map<String, Object>> facets = feeds.facets();
          Map<String, Object> facet = facets.isEmpty() ? null : facets.get(rnd.nextInt(facets.size()));
          Map<String, Object> params = SearchParams.draw(s.getString("q"), facet, rnd);
          return s.set("searchParams", params).set("searchPage", params.get("page"))
              .set("searchSize", params.get("size")).set("nextPages", chance.always() ? 1 : geometric(rnd, 0.35, 4))
              .remove("nextLink");
        })
        .exec(Records.SEARCH)
        // No hits (a deep page, a narrow facet, a restricted match): the user clears the query and browses.
        .doIf(s -> s.getList("hitIds").isEmpty() && chance.of(0.5).apply(s)).then(
            exec(s -> s.set("searchParams", Map.of("sort", "newest", "page", 1, "size", 25)).set("searchPage", 1)
                .set("searchSize", 25).remove("nextLink"))
                .exec(Records.SEARCH))
        .repeat("#{nextPages}").on(
            doIf(s -> s.contains("nextLink")
                && SearchParams.nextInsideWindow(s.getInt("searchPage"), s.getInt("searchSize"))).then(
                exec(s -> s.set("searchPage", s.getInt("searchPage") + 1).set("pageLink", s.getString("nextLink"))
                        .remove("nextLink"))
                    .exec(Records.SEARCH_NEXT_PAGE)))
        .doIf(s -> !s.getList("hitIds").isEmpty() && chance.of(0.6).apply(s)).then(
            exec(s -> {
              List<Object> ids = s.getList("hitIds");
              return s.set("recordId", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
            }).exec(openHit));
  }

  /** How many more pages a user looks at: geometric, capped. */
  static int geometric(Random rnd, double p, int cap) {
    int n = 0;
    while (n < cap && rnd.nextDouble() < p) n++;
    return n;
  }
}

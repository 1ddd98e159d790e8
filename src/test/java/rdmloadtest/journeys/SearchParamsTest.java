package rdmloadtest.journeys;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rdmloadtest.run.SearchShape;

/** Searches are drawn as the search shape (traffic.search.*) says. */
class SearchParamsTest {
    @Test
    void sharesPageSizesAndSortsFollowTheShape() {
        SearchShape shape =
                new SearchShape(0.25, 0.5, 0.2, Map.of(10, 1.0, 100, 3.0), Map.of("bestmatch", 1.0, "oldest", 1.0));
        Random rnd = new Random(3);
        Map<String, Object> facet = Map.of("facet", "resource_type", "value", "dataset");
        int n = 20_000, browse = 0, faceted = 0, deep = 0, hundred = 0, bestmatch = 0, bestmatchWithoutQuery = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = SearchParams.draw("ocean", facet, rnd, shape);
            boolean noQuery = !p.containsKey("q");
            if (noQuery) browse++;
            if (p.containsKey("resource_type")) faceted++;
            if ((int) p.get("page") > 1) deep++;
            if ((int) p.get("size") == 100) hundred++;
            if (p.get("sort").equals("bestmatch")) {
                bestmatch++;
                if (noQuery) bestmatchWithoutQuery++;
            }
            assertTrue(p.get("sort").equals("bestmatch") || p.get("sort").equals("oldest"), p.toString());
        }
        assertEquals(0.25, browse / (double) n, 0.02);
        assertEquals(0.5, faceted / (double) n, 0.02);
        assertEquals(0.2, deep / (double) n, 0.02);
        assertEquals(0.75, hundred / (double) n, 0.02);
        assertEquals(0, bestmatchWithoutQuery, "best match needs a query");
        assertEquals(0.75 * 0.5, bestmatch / (double) n, 0.02);
    }
}

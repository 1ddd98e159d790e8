package rdmloadtest.journeys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How people search InvenioRDM: a query from the feeder (or none, to browse), a sort (best match mostly
 * when there is a query), page size 10/25/100 and a page that is 1 for most and deep for a few, always
 * inside the 10 000 result window. Our assumption, stated in the README; no public split exists.
 */
public final class SearchParams {
    public static final int WINDOW = 10_000;
    static final List<String> SORTS_WITHOUT_QUERY =
            List.of("newest", "oldest", "updated-desc", "updated-asc", "version", "mostviewed", "mostdownloaded");

    private SearchParams() {}

    /** The query parameters of a first search request; facet may be null. */
    public static Map<String, Object> draw(String q, Map<String, Object> facet, Random rnd) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean browse = q == null || q.isBlank() || rnd.nextDouble() < 0.15;
        if (!browse) p.put("q", q);
        String sort = !browse && rnd.nextDouble() < 0.5
                ? "bestmatch"
                : SORTS_WITHOUT_QUERY.get(rnd.nextInt(SORTS_WITHOUT_QUERY.size()));
        p.put("sort", sort);
        double u = rnd.nextDouble();
        int size = u < 0.2 ? 10 : u < 0.85 ? 25 : 100;
        p.put("size", size);
        p.put("page", page(size, rnd));
        if (facet != null && rnd.nextDouble() < 0.3)
            p.put(facet.get("facet").toString(), facet.get("value").toString());
        return p;
    }

    /** 90 % on page 1; the rest anywhere in the window (the deep-paging tail harvesters and bots produce). */
    static int page(int size, Random rnd) {
        if (rnd.nextDouble() < 0.9) return 1;
        int lastPage = WINDOW / size;
        return 2 + rnd.nextInt(lastPage - 1);
    }

    /** Whether following "next" from this page stays inside the window (InvenioRDM gives a next link past it). */
    public static boolean nextInsideWindow(int page, int size) {
        return (long) page * size < WINDOW;
    }
}

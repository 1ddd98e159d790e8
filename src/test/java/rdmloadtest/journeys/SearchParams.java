package rdmloadtest.journeys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import rdmloadtest.run.SearchShape;

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

    /** The query parameters of a first search request, drawn as {@code shape} says; facet may be null. */
    public static Map<String, Object> draw(String q, Map<String, Object> facet, Random rnd, SearchShape shape) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean browse = q == null || q.isBlank() || rnd.nextDouble() < shape.browseShare();
        if (!browse) p.put("q", q);
        p.put("sort", sort(browse, rnd, shape));
        int size = SearchShape.pick(shape.pageSizes(), rnd.nextDouble());
        p.put("size", size);
        p.put("page", page(size, rnd, shape.deepPageShare()));
        if (facet != null && rnd.nextDouble() < shape.facetShare())
            p.put(facet.get("facet").toString(), facet.get("value").toString());
        return p;
    }

    /** Best match only with a query (InvenioRDM sorts a browse by newest otherwise). */
    static String sort(boolean browse, Random rnd, SearchShape shape) {
        if (shape.sorts().isEmpty())
            return !browse && rnd.nextDouble() < 0.5
                    ? "bestmatch"
                    : SORTS_WITHOUT_QUERY.get(rnd.nextInt(SORTS_WITHOUT_QUERY.size()));
        Map<String, Double> w = new LinkedHashMap<>(shape.sorts());
        if (browse) w.remove("bestmatch");
        if (w.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) return "newest";
        return SearchShape.pick(w, rnd.nextDouble());
    }

    /** Page 1 for most; {@code deepShare} anywhere in the window (the deep-paging tail harvesters and bots produce). */
    static int page(int size, Random rnd, double deepShare) {
        if (rnd.nextDouble() >= deepShare) return 1;
        int lastPage = WINDOW / size;
        return lastPage < 2 ? 1 : 2 + rnd.nextInt(lastPage - 1);
    }

    /** Whether following "next" from this page stays inside the window (InvenioRDM gives a next link past it). */
    public static boolean nextInsideWindow(int page, int size) {
        return (long) page * size < WINDOW;
    }
}

package rdmloadtest.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;

/**
 * How readers search: the share without a query (browsing), with a facet, starting beyond page 1, and the weights of
 * page sizes and sorts. The defaults are our assumption (docs/traffic.md); a calibrated profile sets them from logs.
 *
 * @param sorts weights of the sort options; empty: best match for half the searches with a query, the others spread
 *     evenly over the rest
 */
public record SearchShape(
        double browseShare,
        double facetShare,
        double deepPageShare,
        Map<Integer, Double> pageSizes,
        Map<String, Double> sorts) {

    /** The page size searches ask for most often. */
    public int commonPageSize() {
        return pageSizes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(10);
    }

    static SearchShape from(Settings s) {
        Map<Integer, Double> sizes = new LinkedHashMap<>();
        weights(RunKeys.SEARCH_PAGE_SIZES.name(), s.get(RunKeys.SEARCH_PAGE_SIZES))
                .forEach((k, v) -> {
                    int size;
                    try {
                        size = Integer.parseInt(k);
                    } catch (NumberFormatException e) {
                        size = -1;
                    }
                    if (size < 1 || size > 100)
                        throw new ConfigException(RunKeys.SEARCH_PAGE_SIZES.name() + ": '" + k
                                + "': expected a page size from 1 to 100 (InvenioRDM's largest)");
                    sizes.put(size, v);
                });
        Map<String, Double> sorts = s.find(RunKeys.SEARCH_SORTS)
                .map(v -> weights(RunKeys.SEARCH_SORTS.name(), v))
                .orElse(Map.of());
        return new SearchShape(
                s.get(RunKeys.SEARCH_BROWSE_SHARE),
                s.get(RunKeys.SEARCH_FACET_SHARE),
                s.get(RunKeys.SEARCH_DEEP_PAGE_SHARE),
                Map.copyOf(sizes),
                Map.copyOf(sorts));
    }

    /** "a:1,b:2.5" as weights; a bad item is a one-line error naming the key. */
    static Map<String, Double> weights(String key, String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) continue;
            int colon = t.lastIndexOf(':');
            double w;
            try {
                w = colon < 1 ? -1 : Double.parseDouble(t.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                w = -1;
            }
            if (w < 0 || Double.isNaN(w))
                throw new ConfigException(key + ": '" + t + "': expected name:weight with a weight of 0 or more");
            out.put(t.substring(0, colon).trim().toLowerCase(Locale.ROOT), w);
        }
        if (out.values().stream().mapToDouble(Double::doubleValue).sum() <= 0)
            throw new ConfigException(key + ": '" + text + "': expected at least one positive weight");
        return out;
    }

    /** The key drawn with probability proportional to its weight, for {@code u} uniform in [0, 1). */
    public static <K> K pick(Map<K, Double> weights, double u) {
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double x = u * total;
        K last = null;
        for (Map.Entry<K, Double> e : weights.entrySet()) {
            last = e.getKey();
            x -= e.getValue();
            if (x < 0) return last;
        }
        return last;
    }
}

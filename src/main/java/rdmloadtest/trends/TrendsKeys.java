package rdmloadtest.trends;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the trends report over the run history. */
public final class TrendsKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Integer> RUNS = KEYS.add(
            "trends.runs",
            "30",
            "trends: the last N comparable runs (and capacity results) drawn per fingerprint.",
            integer(1, 100_000));
    public static final Key<String> OUT = KEYS.add(
            "trends.out", "reports/trends", "trends: folder of the report (index.html and its charts).", text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

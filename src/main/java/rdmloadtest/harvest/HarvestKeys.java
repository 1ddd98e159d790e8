package rdmloadtest.harvest;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of harvesting feeders from a real instance. */
public final class HarvestKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> OUT = KEYS.add(
            "harvest.out",
            "data/harvested",
            "harvest: folder the feeders read from invenio.baseUrl go to (resumable: rerun to continue).",
            text());
    public static final Key<Integer> PAGE_SIZE =
            KEYS.add("harvest.pageSize", "100", "harvest: hits per search page.", integer(1, 10_000));
    public static final Key<Long> MAX_RECORDS = KEYS.add(
            "harvest.maxRecords", "20000", "harvest: stop after this many records.", longInteger(1, Long.MAX_VALUE));
    public static final Key<Double> RATE = KEYS.add(
            "harvest.rate",
            "2",
            "harvest: requests per second to the target (a polite harvester).",
            decimal(0.001, 100));

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

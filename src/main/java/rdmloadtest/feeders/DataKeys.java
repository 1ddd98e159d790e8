package rdmloadtest.feeders;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the data set a run reads: its feeders and the records the deposit journeys take as templates. */
public final class DataKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> DATA_DIR = KEYS.add(
            "data.dir",
            "data/default",
            "Directory of the feeders (feeders/*.csv): generated (data/default) or harvested from the target.",
            text());
    public static final Key<Long> PRODUCTION_RECORDS = KEYS.add(
            "data.productionRecords",
            null,
            "Records production holds: a run or capacity search warns when the target holds far fewer (under half);"
                    + " unset: no such warning.",
            longInteger(1, Long.MAX_VALUE));
    public static final Key<String> POPULARITY = KEYS.add(
            "data.popularity",
            null,
            "Observed popularity (rank,id,views; calibrate's feeders/popularity.csv): the records feeder ranks the"
                    + " records it names first, most viewed first, the others after in their own order.",
            text());
    public static final Key<String> DEPOSIT_TEMPLATES = KEYS.add(
            "data.depositTemplates",
            "data/default/records.jsonl",
            "Generated records whose metadata and file names the deposit journeys send.",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

package rdmloadtest.seed;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of seeding a generated data set into a real instance. */
public final class SeedKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> DATA = KEYS.add(
            "seed.data",
            "data/default",
            "seed: the generated data set whose records.jsonl is published into invenio.baseUrl.",
            text());
    public static final Key<Integer> CONCURRENCY =
            KEYS.add("seed.concurrency", "4", "seed: records deposited in parallel.", integer(1, 64));
    public static final Key<Integer> LIMIT = KEYS.add(
            "seed.limit",
            "2147483647",
            "seed: publish at most this many records (for a first try).",
            integer(1, Integer.MAX_VALUE));
    public static final Key<String> PROGRESS = KEYS.add(
            "seed.progressFile",
            null,
            "seed: progress file that makes a rerun resume (default: <seed.data>/seed-progress-<host>_<port>.csv).",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

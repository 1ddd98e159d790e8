package rdmloadtest.datagen;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of generating a data set, harvesting one from a real instance and seeding one into it. */
public final class DatagenKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Long> RECORDS = KEYS.add(
            "datagen.records",
            null,
            "datagen: number of published records to generate (versions count), required.",
            longInteger(1, 50_000_000));
    public static final Key<String> OUT =
            KEYS.add("datagen.out", null, "datagen, checksums: directory of the generated data set, required.", text());
    public static final Key<Boolean> OVERWRITE = KEYS.add(
            "datagen.overwrite",
            "false",
            "datagen: replace the data set already in datagen.out (refused otherwise: a rerun must not silently"
                    + " replace one).",
            bool());
    public static final Key<Long> SEED = KEYS.add(
            "datagen.seed",
            "42",
            "datagen: random seed; the same settings and seed give byte-identical files.",
            longInteger(Long.MIN_VALUE, Long.MAX_VALUE));
    public static final Key<Integer> OWNERS = KEYS.add(
            "datagen.owners", "10", "datagen: depositor users 1..n owning the records.", integer(1, 1_000_000));
    public static final Key<Long> MAX_FILE_SIZE = KEYS.add(
            "datagen.maxFileSize",
            "2g",
            "datagen: largest generated file, bytes or with a binary k/m/g suffix.",
            bytes(10L << 30));
    public static final Key<String> HARVEST_OUT = KEYS.add(
            "harvest.out",
            "data/harvested",
            "harvest: folder the feeders read from invenio.baseUrl go to (resumable: rerun to continue).",
            text());
    public static final Key<Integer> HARVEST_PAGE_SIZE =
            KEYS.add("harvest.pageSize", "100", "harvest: hits per search page.", integer(1, 10_000));
    public static final Key<Long> HARVEST_MAX_RECORDS = KEYS.add(
            "harvest.maxRecords", "20000", "harvest: stop after this many records.", longInteger(1, Long.MAX_VALUE));
    public static final Key<Double> HARVEST_RATE = KEYS.add(
            "harvest.rate",
            "2",
            "harvest: requests per second to the target (a polite harvester).",
            decimal(0.001, 100));
    public static final Key<String> SEED_DATA = KEYS.add(
            "seed.data",
            "data/default",
            "seed: the generated data set whose records.jsonl is published into invenio.baseUrl.",
            text());
    public static final Key<Integer> SEED_CONCURRENCY =
            KEYS.add("seed.concurrency", "4", "seed: records deposited in parallel.", integer(1, 64));
    public static final Key<Integer> SEED_LIMIT = KEYS.add(
            "seed.limit",
            "2147483647",
            "seed: publish at most this many records (for a first try).",
            integer(1, Integer.MAX_VALUE));
    public static final Key<String> SEED_PROGRESS = KEYS.add(
            "seed.progressFile",
            null,
            "seed: progress file that makes a rerun resume (default: <seed.data>/seed-progress-<host>_<port>.csv).",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

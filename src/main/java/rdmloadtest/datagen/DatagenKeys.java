package rdmloadtest.datagen;

import static rdmloadtest.config.Parsers.*;

import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of generating a data set. */
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

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

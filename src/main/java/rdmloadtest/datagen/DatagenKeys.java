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

    public static final Key<String> SHAPE = KEYS.add(
            "datagen.shape",
            null,
            "datagen: a shape summary (harvest's shape.json) to mirror: description length, versions, files and their"
                    + " sizes, access and communities are drawn from it instead of the datagen.descriptionWords.*,"
                    + " versions.*, files.*, access and communities.* keys (unset: those keys).",
            text());
    public static final Key<Integer> WORDS_MEDIAN = KEYS.add(
            "datagen.descriptionWords.median",
            "60",
            "datagen: median words of a description (log-normal).",
            integer(5, 100_000));
    public static final Key<Double> WORDS_SIGMA = KEYS.add(
            "datagen.descriptionWords.sigma",
            "0.9",
            "datagen: σ of ln(words) of a description: the length of its tail (0.9: 0.09 % of descriptions above"
                    + " 1,000 words; 1.5 with max 3000: 3 %).",
            decimal(0, 5));
    public static final Key<Integer> WORDS_MAX = KEYS.add(
            "datagen.descriptionWords.max",
            "2000",
            "datagen: longest description in words (at least the median).",
            integer(5, 100_000));
    public static final Key<Integer> VERSIONS_MAX = KEYS.add(
            "datagen.versions.max",
            "8",
            "datagen: most versions of a record (Zipf: 1 the most frequent, this the rarest).",
            integer(1, 10_000));
    public static final Key<Double> VERSIONS_EXPONENT = KEYS.add(
            "datagen.versions.exponent",
            "3.0",
            "datagen: Zipf exponent of versions per record: lower gives more records many versions (2.0 with max 200:"
                    + " 0.3 % of records with 100 versions or more).",
            decimal(0.01, 10));
    public static final Key<Integer> FILES_MAX = KEYS.add(
            "datagen.files.max",
            "20",
            "datagen: most files of a record with files (Zipf, as versions).",
            integer(1, 10_000));
    public static final Key<Double> FILES_EXPONENT = KEYS.add(
            "datagen.files.exponent",
            "2.0",
            "datagen: Zipf exponent of files per record: lower gives more records many files.",
            decimal(0.01, 10));
    public static final Key<Double> FILES_SIZE_SCALE = KEYS.add(
            "datagen.files.sizeScale",
            "1",
            "datagen: every file type's median size times this (data/README.md lists the medians); datagen.maxFileSize"
                    + " still caps.",
            decimal(1e-6, 1e6));
    public static final Key<AccessMix> ACCESS = KEYS.add(
            "datagen.access",
            AccessMix.DEFAULT,
            "datagen: percent of records by access: open, metadata-only (no files), restricted-files (public record),"
                    + " embargoed, restricted-record (hidden from anonymous users); summing to 100.",
            AccessMix::parse);
    public static final Key<Double> COMMUNITIES_SHARE = KEYS.add(
            "datagen.communities.share",
            "35",
            "datagen: percent of records in at least one community.",
            decimal(0, 100));
    public static final Key<Double> COMMUNITIES_MORE = KEYS.add(
            "datagen.communities.more",
            "15",
            "datagen: percent chance, for each further try up to datagen.communities.max, that a record in a community"
                    + " joins another.",
            decimal(0, 100));
    public static final Key<Integer> COMMUNITIES_MAX = KEYS.add(
            "datagen.communities.max",
            "2",
            "datagen: most communities of a record (the generated set has 8).",
            integer(1, 8));

    /** The keys a shape summary replaces: given with datagen.shape, one of the two would be ignored. */
    static final List<Key<?>> SHAPE_KNOBS = List.of(
            WORDS_MEDIAN,
            WORDS_SIGMA,
            WORDS_MAX,
            VERSIONS_MAX,
            VERSIONS_EXPONENT,
            FILES_MAX,
            FILES_EXPONENT,
            FILES_SIZE_SCALE,
            ACCESS,
            COMMUNITIES_SHARE,
            COMMUNITIES_MORE,
            COMMUNITIES_MAX);

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}

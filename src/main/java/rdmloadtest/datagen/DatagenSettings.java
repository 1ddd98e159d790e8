package rdmloadtest.datagen;

import java.nio.file.Path;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Key;
import rdmloadtest.config.Settings;

/** The generator's knobs ({@link DatagenKeys}): how many records, where, from which seed, in which shape. */
public record DatagenSettings(long records, Path out, long seed, int owners, long maxFileSize, CorpusShape shape) {

    /** The default shape (data/README.md, "Distributions"). */
    public DatagenSettings(long records, Path out, long seed, int owners, long maxFileSize) {
        this(records, out, seed, owners, maxFileSize, CorpusShape.DEFAULT);
    }

    public static DatagenSettings from(Settings s) {
        return new DatagenSettings(
                s.get(DatagenKeys.RECORDS),
                Path.of(s.get(DatagenKeys.OUT)),
                s.get(DatagenKeys.SEED),
                s.get(DatagenKeys.OWNERS),
                s.get(DatagenKeys.MAX_FILE_SIZE),
                shape(s));
    }

    private static CorpusShape shape(Settings s) {
        for (Key<?> knob : DatagenKeys.SHAPE_KNOBS) s.get(knob);
        if (s.find(DatagenKeys.SHAPE).isPresent()) {
            String file = s.get(DatagenKeys.SHAPE);
            for (Key<?> knob : DatagenKeys.SHAPE_KNOBS) {
                if (s.source().get(knob.name()).isPresent()) {
                    throw new ConfigException(knob.name() + "='" + text(s, knob) + "' (" + origin(s, knob)
                            + "): expected no value with " + DatagenKeys.SHAPE.name() + "='" + file
                            + "', whose summary sets it");
                }
            }
            return CorpusShape.of(ShapeSummary.read(DatagenKeys.SHAPE.name(), Path.of(file)));
        }
        int median = s.get(DatagenKeys.WORDS_MEDIAN);
        int max = s.get(DatagenKeys.WORDS_MAX);
        if (max < median) {
            throw new ConfigException(
                    DatagenKeys.WORDS_MAX.name() + "='" + max + "' (" + origin(s, DatagenKeys.WORDS_MAX)
                            + "): expected at least " + DatagenKeys.WORDS_MEDIAN.name() + " (" + median + ")");
        }
        return new CorpusShape(
                new CorpusShape.LogNormalWords(median, s.get(DatagenKeys.WORDS_SIGMA), max),
                new CorpusShape.Zipf(s.get(DatagenKeys.VERSIONS_MAX), s.get(DatagenKeys.VERSIONS_EXPONENT)),
                new CorpusShape.Zipf(s.get(DatagenKeys.FILES_MAX), s.get(DatagenKeys.FILES_EXPONENT)),
                new CorpusShape.SizesPerType(s.get(DatagenKeys.FILES_SIZE_SCALE)),
                s.get(DatagenKeys.ACCESS),
                new CorpusShape.CommunityChances(
                        s.get(DatagenKeys.COMMUNITIES_SHARE),
                        s.get(DatagenKeys.COMMUNITIES_MORE),
                        s.get(DatagenKeys.COMMUNITIES_MAX)));
    }

    private static String text(Settings s, Key<?> key) {
        return s.source().get(key.name()).map(ConfigSource.Value::text).orElse(key.defaultValue());
    }

    private static String origin(Settings s, Key<?> key) {
        return s.source().get(key.name()).map(ConfigSource.Value::origin).orElse("default");
    }
}

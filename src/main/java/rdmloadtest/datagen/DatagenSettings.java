package rdmloadtest.datagen;

import java.nio.file.Path;
import rdmloadtest.config.Settings;

/** The generator's knobs ({@link DatagenKeys}): how many records, where, from which seed. */
public record DatagenSettings(long records, Path out, long seed, int owners, long maxFileSize) {

    public static DatagenSettings from(Settings s) {
        return new DatagenSettings(
                s.get(DatagenKeys.RECORDS),
                Path.of(s.get(DatagenKeys.OUT)),
                s.get(DatagenKeys.SEED),
                s.get(DatagenKeys.OWNERS),
                s.get(DatagenKeys.MAX_FILE_SIZE));
    }
}

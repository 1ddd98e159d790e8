package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FileSizesTest {

    private static final int DRAWS = 40_000;

    private static long[] draw(FileSizes sizes, FileType type, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            out[i] = sizes.size(type, random.nextDouble());
        }
        Arrays.sort(out);
        return out;
    }

    @Test
    void sizeQuantilesMatchTheStatedTruncatedLogNormalWithinFivePercent() {
        FileSizes sizes = new FileSizes(FileSizes.DEFAULT_MAX_BYTES);
        for (FileType type : FileType.values()) {
            long[] s = draw(sizes, type, type.ordinal());
            for (double q : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
                double expected = sizes.quantile(type, q);
                double actual = s[(int) (q * DRAWS)];
                // 5 % relative: the sampling error of a quantile from 40 000 draws is ~1-2 % at these σ.
                assertEquals(
                        1.0, actual / expected, 0.05, type + " q" + q + " expected " + expected + " got " + actual);
            }
        }
    }

    @Test
    void medianIsTheStatedMedianWhereTruncationBarelyBites() {
        FileSizes sizes = new FileSizes(FileSizes.DEFAULT_MAX_BYTES);
        long[] pdf = draw(sizes, FileType.PDF, 1);
        assertEquals(FileType.PDF.medianBytes, pdf[DRAWS / 2], FileType.PDF.medianBytes * 0.05);
    }

    @Test
    void noSizeExceedsTheCapOrFallsBelowOneByte() {
        FileSizes sizes = new FileSizes(50L << 20);
        for (FileType type : FileType.values()) {
            long[] s = draw(sizes, type, 99);
            assertTrue(s[0] >= 1);
            assertTrue(s[DRAWS - 1] <= 50L << 20, type + " max " + s[DRAWS - 1]);
        }
        assertEquals(50L << 20, sizes.size(FileType.H5, 0.999999999), (50L << 20) * 0.01);
    }
}

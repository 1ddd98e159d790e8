package rdmloadtest.datagen;

import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.random.RandomDataGenerator;

/**
 * What drives an InvenioRDM's cost, as the generator draws it per parent: description length, versions, files and
 * their sizes, access, communities. Either the knobs of {@link DatagenKeys} (the defaults draw exactly what the
 * generator always drew) or a repository's {@link ShapeSummary} (harvest's shape.json).
 */
public record CorpusShape(
        WordCount descriptionWords,
        Count versions,
        Count files,
        Sizes fileSizes,
        AccessMix access,
        Communities communities) {

    /** The generator's own assumptions (data/README.md, "Distributions"). */
    public static final CorpusShape DEFAULT = new CorpusShape(
            new LogNormalWords(60, 0.9, 2000),
            new Zipf(8, 3.0),
            new Zipf(20, 2.0),
            new SizesPerType(1.0),
            AccessMix.parse(AccessMix.DEFAULT),
            new CommunityChances(35, 15, 2));

    /** A repository's shape: every quantity drawn from its summary's histogram or percentiles. */
    public static CorpusShape of(ShapeSummary s) {
        return new CorpusShape(
                new SummaryWords(new Percentiles(s.descriptionWords())),
                Histogram.of(s.versionsPerRecord(), 1),
                Histogram.of(s.filesPerRecord(), 1),
                new SummarySizes(new Percentiles(s.fileBytes())),
                new AccessMix(s.accessPercent()),
                new CommunityCounts(Histogram.of(s.communitiesPerRecord(), 0)));
    }

    /** Words of a description. */
    public sealed interface WordCount permits LogNormalWords, SummaryWords {
        int sample(RandomDataGenerator random);
    }

    /** Log-normal(median, σ) words, at least 5, at most {@code max}: abstracts' long length tail. */
    public record LogNormalWords(int median, double sigma, int max) implements WordCount {
        @Override
        public int sample(RandomDataGenerator random) {
            return (int) Math.max(5, Math.min(max, Math.round(random.nextLogNormal(sigma, Math.log(median)))));
        }
    }

    record SummaryWords(Percentiles percentiles) implements WordCount {
        @Override
        public int sample(RandomDataGenerator random) {
            return (int) Math.round(percentiles.quantile(random.nextDouble()));
        }
    }

    /** How many of something a record has: versions of a parent, files of a record. */
    public sealed interface Count permits Zipf, Histogram {
        int sample(RandomDataGenerator random);

        int max();
    }

    /** Zipf(max, exponent) ranks 1..max (rejection-inversion, O(1) a draw): many with one, a few with many. */
    public record Zipf(int max, double exponent) implements Count {
        @Override
        public int sample(RandomDataGenerator random) {
            return random.nextZipf(max, exponent);
        }
    }

    /** A summary's histogram (value: number of records), values below {@code least} dropped. */
    public record Histogram(int[] values, double[] cumulative) implements Count {
        static Histogram of(ShapeSummary.Quantity q, int least) {
            Map<Long, Long> h = new TreeMap<>(q.histogram());
            h.keySet().removeIf(v -> v < least || v > Integer.MAX_VALUE);
            if (h.isEmpty()) h.put((long) least, 1L);
            int[] values = new int[h.size()];
            double[] cumulative = new double[h.size()];
            double total = h.values().stream().mapToLong(Long::longValue).sum();
            int i = 0;
            double sum = 0;
            for (Map.Entry<Long, Long> e : h.entrySet()) {
                sum += e.getValue();
                values[i] = e.getKey().intValue();
                cumulative[i++] = sum / total;
            }
            return new Histogram(values, cumulative);
        }

        @Override
        public int sample(RandomDataGenerator random) {
            double u = random.nextDouble();
            int i = 0;
            while (i < values.length - 1 && cumulative[i] <= u) i++;
            return values[i];
        }

        @Override
        public int max() {
            return values[values.length - 1];
        }
    }

    /** File sizes. */
    public sealed interface Sizes permits SizesPerType, SummarySizes {
        FileSizes forCap(long maxBytes);
    }

    /** Per {@link FileType} log-normal, every median times {@code scale}. */
    public record SizesPerType(double scale) implements Sizes {
        @Override
        public FileSizes forCap(long maxBytes) {
            return new FileSizes(maxBytes, scale);
        }
    }

    record SummarySizes(Percentiles percentiles) implements Sizes {
        @Override
        public FileSizes forCap(long maxBytes) {
            return new FileSizes(maxBytes, percentiles);
        }
    }

    /** How many communities a parent belongs to. */
    public sealed interface Communities permits CommunityChances, CommunityCounts {}

    /**
     * {@code share} % of parents in a first community; then up to {@code max} - 1 more tries, each taken with
     * {@code more} % (a community drawn twice counts once).
     */
    public record CommunityChances(double share, double more, int max) implements Communities {}

    /** A summary's communities per record. */
    record CommunityCounts(Histogram counts) implements Communities {}
}

package rdmloadtest.datagen;

import java.util.EnumMap;
import java.util.Map;
import org.hipparchus.distribution.continuous.LogNormalDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * File sizes: per {@link FileType}, log-normal(μ = ln median, σ) truncated to [1, max] bytes, or one repository's
 * sizes from its shape summary's percentiles, truncated the same way. Truncation is exact: a uniform u is scaled into
 * [0, F(max)) and mapped through the inverse CDF, so sizes never pile up at the cap.
 */
public final class FileSizes {

    /** Default cap: keeps a default data set downloadable and seedable; override with -Ddatagen.maxFileSize. */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private final long maxBytes;
    private final double scale;
    private final Percentiles summary;
    private final double summaryMassBelowMax;
    private final Map<FileType, LogNormalDistribution> distributions = new EnumMap<>(FileType.class);
    private final Map<FileType, Double> massBelowMax = new EnumMap<>(FileType.class);

    public FileSizes(long maxBytes) {
        this(maxBytes, 1.0);
    }

    /** Per type, every median times {@code scale}. */
    public FileSizes(long maxBytes, double scale) {
        this(maxBytes, scale, null);
    }

    /** One repository's sizes, whatever the file's type. */
    FileSizes(long maxBytes, Percentiles summary) {
        this(maxBytes, 1.0, summary);
    }

    private FileSizes(long maxBytes, double scale, Percentiles summary) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max file size must be >= 1 byte, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.scale = scale;
        this.summary = summary;
        this.summaryMassBelowMax = summary == null ? 1 : summary.cdf(maxBytes);
        for (FileType type : FileType.values()) {
            LogNormalDistribution d = new LogNormalDistribution(Math.log(type.medianBytes * scale), type.sigma);
            distributions.put(type, d);
            massBelowMax.put(type, d.cumulativeProbability(maxBytes));
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The size for uniform draw {@code u} in [0, 1). */
    public long size(FileType type, double u) {
        double bytes;
        if (summary != null) {
            bytes = summary.quantile(u * summaryMassBelowMax);
        } else {
            double p = u * massBelowMax.get(type);
            double z = STANDARD_NORMAL.inverseCumulativeProbability(Math.max(p, Double.MIN_NORMAL));
            bytes = Math.exp(Math.log(type.medianBytes * scale) + type.sigma * z);
        }
        return Math.max(1, Math.min(maxBytes, Math.round(bytes)));
    }

    /** The q-quantile of the truncated distribution (tests compare generated sizes against it). */
    public double quantile(FileType type, double q) {
        return distributions.get(type).inverseCumulativeProbability(q * massBelowMax.get(type));
    }
}

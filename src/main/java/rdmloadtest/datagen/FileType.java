package rdmloadtest.datagen;

import java.util.List;

/**
 * The file types generated records carry, with how often each occurs and how big it is.
 *
 * <p>Sizes are log-normal per type (median, σ of ln size): file sizes in file systems and research-data
 * repositories are well described by a log-normal body with a heavy right tail (Downey, "The structural cause of
 * file size distributions", MASCOTS 2001; the same shape shows in Zenodo/Dryad/Figshare size histograms, where
 * papers sit around a megabyte and archives and HDF5 dumps reach gigabytes). The medians and σ are our
 * assumptions, chosen so the mix has a median near 0.5 MB and roughly 1 file in 100 above 1 GB.
 *
 * <p>{@code mimetype} is what InvenioRDM guesses from the key (invenio-files-rest {@code guess_mimetype}) and
 * {@code ext} is what it indexes for the {@code file_type} facet: guessed back from the mimetype, so
 * {@code .tar.gz} shows as {@code gz} (application/gzip).
 */
public enum FileType {
    PDF(
            ".pdf",
            "application/pdf",
            "pdf",
            28,
            1_000_000,
            1.0,
            List.of("article", "paper", "report", "thesis", "slides", "poster", "manuscript", "supplement")),
    CSV(
            ".csv",
            "text/csv",
            "csv",
            16,
            150_000,
            2.0,
            List.of("data", "measurements", "results", "table", "observations", "samples")),
    ZIP(
            ".zip",
            "application/zip",
            "zip",
            12,
            15_000_000,
            2.0,
            List.of("dataset", "code", "archive", "images", "supplementary", "source")),
    PNG(".png", "image/png", "png", 10, 400_000, 1.0, List.of("figure", "plot", "map", "photo", "overview")),
    JSON(".json", "application/json", "json", 6, 40_000, 1.8, List.of("metadata", "config", "annotations", "records")),
    TXT(".txt", "text/plain", "txt", 8, 8_000, 1.5, List.of("readme", "notes", "log", "protocol")),
    TAR_GZ(".tar.gz", "application/gzip", "gz", 6, 60_000_000, 1.8, List.of("raw", "simulation", "corpus", "snapshot")),
    H5(".h5", "application/x-hdf5", "h5", 5, 120_000_000, 1.6, List.of("model", "output", "cube", "grid")),
    XLSX(
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            9,
            80_000,
            1.2,
            List.of("survey", "inventory", "summary", "spreadsheet"));

    /** What the key ends with. */
    public final String suffix;

    public final String mimetype;
    /** The file_type facet value InvenioRDM derives. */
    public final String ext;
    /** Relative frequency among files (percent). */
    public final int weight;
    /** Median size in bytes (e^μ of the log-normal). */
    public final double medianBytes;
    /** σ of ln(size): the spread. */
    public final double sigma;
    /** Name stems keys are made of ({@code results.csv}, {@code results_2.csv}). */
    public final List<String> stems;

    FileType(
            String suffix,
            String mimetype,
            String ext,
            int weight,
            double medianBytes,
            double sigma,
            List<String> stems) {
        this.suffix = suffix;
        this.mimetype = mimetype;
        this.ext = ext;
        this.weight = weight;
        this.medianBytes = medianBytes;
        this.sigma = sigma;
        this.stems = stems;
    }
}

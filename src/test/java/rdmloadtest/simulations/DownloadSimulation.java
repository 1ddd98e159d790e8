package rdmloadtest.simulations;

/** Direct file downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class DownloadSimulation extends ReaderSimulation {
    public DownloadSimulation() {
        super("Download readers", Journeys::download, Journeys.DOWNLOAD_ALWAYS);
    }
}

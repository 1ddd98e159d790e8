package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Direct file downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class DownloadSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.DOWNLOAD;
    }
}

package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Land on popular records, versions, redirects, downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class RecordViewSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.RECORD_VIEW;
    }
}

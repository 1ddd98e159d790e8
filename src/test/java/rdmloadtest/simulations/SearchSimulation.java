package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Search records, refine, page, open a hit: anonymous readers at the configured rate (traffic.readers.rate). */
public class SearchSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.SEARCH;
    }
}

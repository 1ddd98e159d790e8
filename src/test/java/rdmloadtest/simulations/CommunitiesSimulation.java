package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Browse communities and their records: anonymous readers at the configured rate (traffic.readers.rate). */
public class CommunitiesSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.COMMUNITIES;
    }
}

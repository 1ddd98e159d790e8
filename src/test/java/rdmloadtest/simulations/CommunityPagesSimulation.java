package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** The communities page, one community's page and its records, then maybe a record: sessions at traffic.readers.rate. */
public class CommunityPagesSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.COMMUNITY_PAGES;
    }
}

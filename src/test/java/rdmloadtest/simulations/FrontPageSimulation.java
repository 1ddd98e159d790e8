package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** The front page with its recent uploads and featured communities, then maybe a recent record: sessions at traffic.readers.rate. */
public class FrontPageSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.FRONT_PAGE;
    }
}

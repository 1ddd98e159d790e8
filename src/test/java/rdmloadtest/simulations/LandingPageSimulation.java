package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Record landing pages: the page, its citation box, sometimes another citation style, an export or a file preview: sessions at traffic.readers.rate. */
public class LandingPageSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.LANDING_PAGE;
    }
}

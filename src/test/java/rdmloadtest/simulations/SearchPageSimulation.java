package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** The search page and its search app's queries, a few pages, then maybe a hit's landing page: sessions at traffic.readers.rate. */
public class SearchPageSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.SEARCH_PAGE;
    }
}

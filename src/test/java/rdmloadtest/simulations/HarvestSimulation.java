package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** OAI-PMH harvesters only (closed model, traffic.harvesters, at least one). */
public class HarvestSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.HARVEST;
    }
}

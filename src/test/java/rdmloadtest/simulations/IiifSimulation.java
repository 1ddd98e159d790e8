package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Images through IIIF: the record's manifest, info.json, a thumbnail, tiles: sessions at traffic.readers.rate. */
public class IiifSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.IIIF;
    }
}

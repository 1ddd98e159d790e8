package rdmloadtest.simulations;

import java.util.List;
import rdmloadtest.run.LoadTestConfig;

/** OAI-PMH harvesters only (closed model, traffic.harvesters, at least one). */
public class HarvestSimulation extends InvenioSimulation {
    {
        Journeys j = new Journeys(this);
        var populations = profiles
                .population(
                        j::harvesters, Math.max(1, cfg.traffic().harvesters().count()))
                .stream()
                .toList();
        run(populations, populations.isEmpty() ? List.of() : Journeys.HARVEST_ALWAYS);
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return false;
    }
}

package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** OAI-PMH harvesters only (closed model, traffic.harvesters, at least one). */
public class HarvestSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    setUp(profiles.population(j.harvesters(), Math.max(1, cfg.traffic().harvesters())).stream().toList())
        .protocols(protocol).assertions(assertions()).maxDuration(cfg.maxDuration());
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Browse communities and their records: anonymous readers at the configured rate (traffic.readers.rate). */
public class CommunitiesSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    setUp(profiles.arrivals(j.single("Communities readers", j.communities()), cfg.traffic().readersRate()))
        .protocols(protocol).assertions(assertions()).maxDuration(cfg.maxDuration());
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Search records, refine, page, open a hit: anonymous readers at the configured rate (traffic.readers.rate). */
public class SearchSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    setUp(profiles.arrivals(j.single("Search readers", j.search()), cfg.traffic().readersRate()))
        .protocols(protocol).assertions(assertions()).maxDuration(cfg.maxDuration());
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

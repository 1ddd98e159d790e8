package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Search records, refine, page, open a hit: anonymous readers at the configured rate (traffic.readers.rate). */
public class SearchSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    run(java.util.List.of(profiles.arrivals("Search readers", j.single("Search readers", j.search()),
        cfg.traffic().readersRate())), Journeys.SEARCH_ALWAYS);
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Browse communities and their records: anonymous readers at the configured rate (traffic.readers.rate). */
public class CommunitiesSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    run(java.util.List.of(profiles.arrivals("Communities readers", j.single("Communities readers", j.communities()),
        cfg.traffic().readersRate())), Journeys.COMMUNITIES_ALWAYS);
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Land on popular records, versions, redirects, downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class RecordViewSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    setUp(profiles.arrivals(j.single("RecordView readers", j.recordView()), cfg.traffic().readersRate()))
        .protocols(protocol).assertions(assertions()).maxDuration(cfg.maxDuration());
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Direct file downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class DownloadSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    setUp(profiles.arrivals(j.single("Download readers", j.download()), cfg.traffic().readersRate()))
        .protocols(protocol).assertions(assertions()).maxDuration(cfg.maxDuration());
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

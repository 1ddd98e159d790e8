package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Direct file downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class DownloadSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    run(java.util.List.of(profiles.arrivals("Download readers", j.single("Download readers", j.download()),
        cfg.traffic().readersRate())), Journeys.DOWNLOAD_ALWAYS);
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

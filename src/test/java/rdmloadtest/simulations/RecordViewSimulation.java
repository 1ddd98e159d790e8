package rdmloadtest.simulations;

import rdmloadtest.config.LoadTestConfig;

/** Land on popular records, versions, redirects, downloads: anonymous readers at the configured rate (traffic.readers.rate). */
public class RecordViewSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    run(java.util.List.of(profiles.arrivals("RecordView readers", j.single("RecordView readers", j.recordView()),
        cfg.traffic().readersRate())), Journeys.RECORD_VIEW_ALWAYS);
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return false;
  }
}

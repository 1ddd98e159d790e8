package rdmloadtest.simulations;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.config.LoadTestConfig;

/**
 * The default InvenioRDM traffic: anonymous readers at an open arrival rate (search, record view,
 * download, communities), depositors as a closed population, and a few OAI-PMH harvesters.
 */
public class DefaultMixSimulation extends InvenioSimulation {
  {
    Journeys j = new Journeys(this);
    var t = cfg.traffic();
    List<PopulationBuilder> populations = new ArrayList<>();
    if (profiles.smoke()) {
      populations.add(profiles.arrivals(j.single("Search", j.search()), 1));
      populations.add(profiles.arrivals(j.single("Record view", j.recordView()), 1));
      populations.add(profiles.arrivals(j.single("Download", j.download()), 1));
      populations.add(profiles.arrivals(j.single("Communities", j.communities()), 1));
      if (t.depositors() > 0) profiles.population(j.discarders(), 1).ifPresent(populations::add);
    } else {
      populations.add(profiles.arrivals(j.readers(), t.readersRate()));
    }
    if (t.depositors() > 0) profiles.population(j.depositors(), t.depositors()).ifPresent(populations::add);
    if (t.harvesters() > 0) profiles.population(j.harvesters(), t.harvesters()).ifPresent(populations::add);
    setUp(populations).protocols(protocol).assertions(assertions()).maxDuration(cfg.maxDuration());
  }

  @Override
  protected boolean writes(LoadTestConfig cfg) {
    return cfg.traffic().depositors() > 0;
  }
}

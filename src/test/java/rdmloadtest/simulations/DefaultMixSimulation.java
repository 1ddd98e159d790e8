package rdmloadtest.simulations;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.run.LoadTestConfig;

/**
 * The default InvenioRDM traffic: readers at an open arrival rate (the REST API's search, record view, download and
 * communities; the web UI's landing, search, front and community pages, logged-in uploads; IIIF images), depositors
 * as a closed population, and a few OAI-PMH harvesters: every journey of the catalogue (mix/Journey) by its key.
 */
public class DefaultMixSimulation extends InvenioSimulation {
    {
        Scenarios scenarios = new Scenarios(this);
        List<PopulationBuilder> populations = new ArrayList<>();
        List<String> always = new ArrayList<>();
        if (profiles.smoke()) {
            scenarios
                    .eachReaderJourney()
                    .forEach((journey, scenario) -> populations.add(profiles.arrivals(journey.label(), scenario, 1)));
        } else {
            populations.add(profiles.arrivals(
                    "Readers", scenarios.readers(), cfg.traffic().readers().rate()));
            always.addAll(scenarios.readersAlways());
        }
        scenarios.populations(populations, always);
        run(populations, always);
    }

    @Override
    protected boolean mixesReaderJourneys() {
        return true;
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return cfg.traffic().depositors().count() > 0;
    }
}

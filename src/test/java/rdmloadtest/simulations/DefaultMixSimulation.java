package rdmloadtest.simulations;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.run.LoadTestConfig;

/**
 * The default InvenioRDM traffic: readers at an open arrival rate (the REST API's search, record view, download and
 * communities; the web UI's landing, search, front and community pages, logged-in uploads; IIIF images), depositors
 * as a closed population, and a few OAI-PMH harvesters.
 */
public class DefaultMixSimulation extends InvenioSimulation {
    {
        Journeys j = new Journeys(this);
        var t = cfg.traffic();
        List<PopulationBuilder> populations = new ArrayList<>();
        List<String> always = new ArrayList<>();
        if (profiles.smoke()) {
            j.eachReaderJourney().forEach((name, scenario) -> populations.add(profiles.arrivals(name, scenario, 1)));
            if (t.depositors().count() > 0)
                profiles.population(j::discarders, 1).ifPresent(populations::add);
        } else {
            populations.add(
                    profiles.arrivals("Readers", j.readers(), t.readers().rate()));
            always.addAll(j.readersAlways());
        }
        profiles.population(j::depositors, t.depositors().count()).ifPresent(p -> {
            populations.add(p);
            always.addAll(Journeys.DEPOSIT_ALWAYS);
        });
        profiles.population(j::harvesters, t.harvesters().count()).ifPresent(p -> {
            populations.add(p);
            always.addAll(Journeys.HARVEST_ALWAYS);
        });
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

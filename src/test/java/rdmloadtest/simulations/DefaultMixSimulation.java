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
            populations.add(profiles.arrivals("Search", j.single("Search", j.search()), 1));
            populations.add(profiles.arrivals("Record view", j.single("Record view", j.recordView()), 1));
            populations.add(profiles.arrivals("Download", j.single("Download", j.download()), 1));
            populations.add(profiles.arrivals("Communities", j.single("Communities", j.communities()), 1));
            var w = t.readers().weights();
            if (w.landingPage() > 0)
                populations.add(profiles.arrivals("Landing page", j.single("Landing page", j.landingPage()), 1));
            if (w.searchPage() > 0)
                populations.add(profiles.arrivals("Search page", j.single("Search page", j.searchPage()), 1));
            if (w.frontPage() > 0)
                populations.add(profiles.arrivals("Front page", j.single("Front page", j.frontPage()), 1));
            if (w.communityPages() > 0)
                populations.add(
                        profiles.arrivals("Community pages", j.single("Community pages", j.communityPages()), 1));
            if (w.uploads() > 0) populations.add(profiles.arrivals("Uploads", j.single("Uploads", j.uploads()), 1));
            if (w.iiif() > 0) populations.add(profiles.arrivals("IIIF", j.single("IIIF", j.iiif()), 1));
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
    protected boolean writes(LoadTestConfig cfg) {
        return cfg.traffic().depositors().count() > 0;
    }
}

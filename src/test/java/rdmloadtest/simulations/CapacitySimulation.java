package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.api.Records;
import rdmloadtest.capacity.CapacityKeys;
import rdmloadtest.run.LoadTestConfig;

/**
 * One step of a capacity search (capacity/CapacitySearch runs one Gatling run per step): readers arriving at
 * traffic.readers.rate sessions/s after a ramp (the load profile's shape), doing the configured mix
 * (capacity.journey=mix, with depositors and harvesters as their closed background) or exactly one View record
 * each (capacity.journey=viewRecord: one request class, so the simulator's capacity is workers / service time).
 */
public class CapacitySimulation extends InvenioSimulation {
    /** The open-model scenario whose sessions the search counts. */
    public static final String READERS = "Readers";

    {
        boolean mix = cfg.settings().get(CapacityKeys.JOURNEY).equals("mix");
        List<PopulationBuilder> populations = new ArrayList<>();
        List<String> always = new ArrayList<>();
        if (mix) {
            Journeys j = new Journeys(this);
            populations.add(profiles.arrivals(
                    READERS, j.readers(), cfg.traffic().readers().rate()));
            always.addAll(j.readersAlways());
            profiles.population(j::depositors, cfg.traffic().depositors().count())
                    .ifPresent(p -> {
                        populations.add(p);
                        always.addAll(Journeys.DEPOSIT_ALWAYS);
                    });
            profiles.population(j::harvesters, cfg.traffic().harvesters().count())
                    .ifPresent(p -> {
                        populations.add(p);
                        always.addAll(Journeys.HARVEST_ALWAYS);
                    });
        } else {
            ScenarioBuilder views = InvenioSimulation.scenario(READERS)
                    .feed(feeds.popularRecords())
                    .exec(s -> s.set(RECORD_ID, s.getString(ID)))
                    .exec(Records.VIEW);
            populations.add(
                    profiles.arrivals(READERS, views, cfg.traffic().readers().rate()));
            always.addAll(Journeys.RECORD_VIEW_ALWAYS);
        }
        run(populations, always);
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return cfg.settings().get(CapacityKeys.JOURNEY).equals("mix")
                && cfg.traffic().depositors().count() > 0;
    }
}

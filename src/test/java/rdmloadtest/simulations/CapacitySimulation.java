package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.api.Records;
import rdmloadtest.capacity.CapacityKeys;
import rdmloadtest.mix.Journey;
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
            Scenarios scenarios = new Scenarios(this);
            populations.add(profiles.arrivals(
                    READERS, scenarios.readers(), cfg.traffic().readers().rate()));
            always.addAll(scenarios.readersAlways());
            scenarios.populations(populations, always);
        } else {
            ScenarioBuilder views = InvenioSimulation.scenario(READERS)
                    .feed(feeds.popularRecords())
                    .exec(s -> s.set(RECORD_ID, s.getString(ID)))
                    .exec(Records.VIEW);
            populations.add(
                    profiles.arrivals(READERS, views, cfg.traffic().readers().rate()));
            always.addAll(Journey.RECORD_VIEW.alwaysSent());
        }
        run(populations, always);
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return cfg.settings().get(CapacityKeys.JOURNEY).equals("mix")
                && cfg.traffic().depositors().count() > 0;
    }
}

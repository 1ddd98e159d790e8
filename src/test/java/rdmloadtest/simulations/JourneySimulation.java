package rdmloadtest.simulations;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.List;
import rdmloadtest.config.ConfigException;
import rdmloadtest.mix.Journey;
import rdmloadtest.mix.MixKeys;
import rdmloadtest.run.LoadTestConfig;

/**
 * One journey of the catalogue alone ({@code -Djourney=<id>}): a reader journey at traffic.readers.rate sessions/s
 * (open model), or a closed journey's population (its key, at least one user).
 */
public class JourneySimulation extends InvenioSimulation {
    {
        Journey journey = journey(cfg);
        Scenarios scenarios = new Scenarios(this);
        List<PopulationBuilder> populations = journey.arrival() == Journey.Arrival.WEIGHT
                ? List.of(profiles.arrivals(
                        journey.label(),
                        scenarios.alone(journey),
                        cfg.traffic().readers().rate()))
                : scenarios.population(journey, Math.max(1, cfg.settings().get(journey.key())));
        run(populations, populations.isEmpty() ? List.of() : journey.alwaysSent());
    }

    /** The journey to run: -Djourney; the per-journey simulations the README names fix it instead. */
    Journey journey(LoadTestConfig cfg) {
        return cfg.settings()
                .find(MixKeys.JOURNEY)
                .orElseThrow(() -> new ConfigException(MixKeys.JOURNEY.name() + ": not set; JourneySimulation needs"
                        + " -Djourney=<one of " + String.join(", ", Journey.ids()) + ">"));
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return journey(cfg).writes();
    }
}

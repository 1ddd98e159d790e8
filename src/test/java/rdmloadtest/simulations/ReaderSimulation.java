package rdmloadtest.simulations;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.List;
import java.util.function.Function;
import rdmloadtest.run.LoadTestConfig;

/** One reader journey alone: anonymous readers at traffic.readers.rate sessions/s, nothing written. */
abstract class ReaderSimulation extends InvenioSimulation {
    ReaderSimulation(String scenario, Function<Journeys, ChainBuilder> journey, List<String> alwaysSent) {
        Journeys j = new Journeys(this);
        run(
                List.of(profiles.arrivals(
                        scenario,
                        j.single(scenario, journey.apply(j)),
                        cfg.traffic().readers().rate())),
                alwaysSent);
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return false;
    }
}

package rdmloadtest.bench;

import static io.gatling.javaapi.core.CoreDsl.*;

import java.time.Duration;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.simulations.InvenioSimulation;
import rdmloadtest.simulations.Scenarios;

/**
 * Benchmark: the default mix's reader journeys (checks, feeders, link following) at saturation, a closed
 * population looping for a fixed time; compared with {@link BareEndpointsSimulation} by scripts/bench-injector.sh.
 */
public class MixThroughputSimulation extends InvenioSimulation {
    {
        int users = cfg.settings().get(BenchKeys.USERS);
        Duration d = cfg.settings().get(BenchKeys.DURATION);
        setUp(new Scenarios(this)
                        .readers()
                        .injectClosed(constantConcurrentUsers(users).during(d)))
                .protocols(protocol)
                .maxDuration(d.plusSeconds(10));
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return false;
    }
}

package rdmloadtest.simulations;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.run.LoadTestConfig;

/** Depositors only (closed model, traffic.depositors, at least one): drafts, uploads, publish, versions, edits. */
public class DepositSimulation extends InvenioSimulation {
    {
        Journeys j = new Journeys(this);
        var populations = new ArrayList<PopulationBuilder>();
        profiles.population(
                        j::depositors, Math.max(1, cfg.traffic().depositors().count()))
                .ifPresent(populations::add);
        if (profiles.smoke()) profiles.population(j::discarders, 1).ifPresent(populations::add);
        run(populations, populations.isEmpty() ? List.of() : Journeys.DEPOSIT_ALWAYS);
    }

    @Override
    protected boolean writes(LoadTestConfig cfg) {
        return true;
    }
}

package rdmloadtest.simulations;

import rdmloadtest.mix.Journey;
import rdmloadtest.run.LoadTestConfig;

/** Depositors only (closed model, traffic.depositors, at least one): drafts, uploads, publish, versions, edits. */
public class DepositSimulation extends JourneySimulation {
    @Override
    Journey journey(LoadTestConfig cfg) {
        return Journey.DEPOSIT;
    }
}

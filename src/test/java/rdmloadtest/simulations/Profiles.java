package rdmloadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.run.LoadTestConfig;

/**
 * Injection shapes per workload profile. smoke: one user per journey; load: ramp then a constant rate;
 * stress: rate steps; soak: a long constant rate; spike: a sudden burst and the recovery after it.
 */
public final class Profiles {
    private final LoadTestConfig cfg;
    private final InjectionPlan plan = InjectionPlan.none();

    Profiles(LoadTestConfig cfg) {
        this.cfg = cfg;
    }

    public boolean smoke() {
        return cfg.profile().equals("smoke");
    }

    /** Open model (arrivals per second), e.g. anonymous readers. */
    List<OpenInjectionStep> open(double rate) {
        Duration ramp = cfg.rampUp();
        Duration d = cfg.duration();
        return switch (cfg.profile()) {
            case "smoke" -> List.of(atOnceUsers(1));
            case "stress" ->
                List.of(incrementUsersPerSec(rate)
                        .times(cfg.stressSteps())
                        .eachLevelLasting(d.dividedBy(cfg.stressSteps()))
                        .separatedByRampsLasting(ramp)
                        .startingFrom(rate));
            case "spike" -> {
                double burst = rate * cfg.spikeFactor();
                Duration third = d.dividedBy(3);
                yield List.of(
                        rampUsersPerSec(rate * 0.1).to(rate).during(ramp),
                        constantUsersPerSec(rate).during(third),
                        rampUsersPerSec(rate).to(burst).during(Duration.ofSeconds(2)),
                        constantUsersPerSec(burst).during(third),
                        rampUsersPerSec(burst).to(rate).during(Duration.ofSeconds(2)),
                        constantUsersPerSec(rate).during(third));
            }
            default ->
                List.of(
                        rampUsersPerSec(rate * 0.1).to(rate).during(ramp),
                        constantUsersPerSec(rate).during(d));
        };
    }

    /** Arrivals per second (open model) of a scenario, this injector's share; smoke: one user. */
    public PopulationBuilder arrivals(String scenario, ScenarioBuilder s, double rate) {
        List<OpenInjectionStep> steps = open(smoke() ? rate : cfg.shard().rate(rate));
        plan.and(scenario, steps);
        return s.injectOpen(steps);
    }

    /** The arrival schedule asked of Gatling, so the run summary can tell whether the injector kept it. */
    public InjectionPlan plan() {
        return plan;
    }

    /**
     * A population of concurrent users (closed model) of a scenario, this injector's share of it; empty when
     * the share is 0. Smoke: one user, one iteration (on injector 0 only).
     */
    public Optional<PopulationBuilder> population(Supplier<ScenarioBuilder> scenario, int users) {
        // The scenario is built only when it runs: a read-only run must not open the deposit templates.
        if (users == 0) return Optional.empty();
        if (smoke()) {
            return cfg.shard().index() == 0 ? Optional.of(scenario.get().injectOpen(atOnceUsers(1))) : Optional.empty();
        }
        int mine = cfg.shard().users(users);
        return mine == 0 ? Optional.empty() : Optional.of(scenario.get().injectClosed(closed(mine)));
    }

    /** How long the profile injects load: ramp and steady part (a stress run ramps before each step). */
    Duration plannedLength() {
        if (cfg.profile().equals("stress"))
            return cfg.duration().plus(cfg.rampUp().multipliedBy(cfg.stressSteps()));
        return cfg.rampUp().plus(cfg.duration());
    }

    List<ClosedInjectionStep> closed(int users) {
        Duration total = plannedLength();
        return List.of(
                rampConcurrentUsers(0).to(users).during(cfg.rampUp()),
                constantConcurrentUsers(users).during(total.minus(cfg.rampUp())));
    }
}

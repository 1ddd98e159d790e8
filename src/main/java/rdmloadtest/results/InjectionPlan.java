package rdmloadtest.results;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.gatling.InjectionSteps;

/**
 * The arrival schedule a simulation asks Gatling for, per open-model scenario: the planned start offset (ms)
 * of every user, computed by Gatling's own injection steps, so the plan is exactly what the injector was told.
 * Closed-model scenarios (a fixed number of looping users) have no arrival rate to keep and are not planned.
 */
public final class InjectionPlan {
    private final Map<String, long[]> starts = new LinkedHashMap<>();

    public static InjectionPlan none() {
        return new InjectionPlan();
    }

    /** The same steps the scenario passes to {@code injectOpen(...)}. */
    public static InjectionPlan open(String scenario, OpenInjectionStep... steps) {
        return new InjectionPlan().and(scenario, steps);
    }

    public InjectionPlan and(String scenario, OpenInjectionStep... steps) {
        return and(scenario, Arrays.asList(steps));
    }

    public InjectionPlan and(String scenario, List<OpenInjectionStep> steps) {
        long[] sorted = InjectionSteps.startOffsetsMs(steps);
        starts.merge(scenario, sorted, (a, b) -> {
            long[] m = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, m, a.length, b.length);
            Arrays.sort(m);
            return m;
        });
        return this;
    }

    /** Planned start offsets per scenario, sorted, in ms from the start of injection. */
    public Map<String, long[]> starts() {
        return starts;
    }

    public boolean isEmpty() {
        return starts.isEmpty();
    }
}

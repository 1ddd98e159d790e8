package rdmloadtest.testing;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.results.InjectionPlan;
import rdmloadtest.results.RunReport;
import rdmloadtest.slo.RequestNames;

/**
 * A few seconds of record views and searches against the embedded simulator, for the gate's own tests.
 * The test sets {@link #params} before it launches Gatling in-process.
 */
public class ProbeSimulation extends Simulation {

    /** @param settings configuration keys of the run (slo.*, baseline), as -D would give them */
    public record Params(
            String siteUrl,
            List<String> recordIds,
            double usersPerSec,
            Duration duration,
            Map<String, String> settings) {}

    public static volatile Params params;

    private final ProbeRun standalone;

    /**
     * Launched by the test (params set) or on its own by the Maven plugin, e.g. to see the gate fail the build:
     * {@code mvn gatling:test -Dsimulation=rdmloadtest.testing.ProbeSimulation -Dsimulator.faults.record=spike=1.0@300ms};
     * then it starts its own simulator, with the simulator.* keys given as -D.
     */
    public ProbeSimulation() throws Exception {
        standalone = params == null ? standalone() : null;
        Params p = params != null ? params : standaloneParams(standalone);
        Settings settings = new Settings(ConfigSource.ofMap(p.settings()));
        List<OpenInjectionStep> steps =
                List.of(constantUsersPerSec(p.usersPerSec()).during(p.duration()));
        RunReport.install(
                settings,
                new InjectionPlan().and("readers", steps),
                getClass(),
                List.of(RequestNames.VIEW_RECORD, RequestNames.SEARCH_RECORDS));
        Iterator<Map<String, Object>> ids = Stream.iterate(0, i -> i + 1)
                .map(i -> Map.<String, Object>of(
                        "id", p.recordIds().get(i % p.recordIds().size())))
                .iterator();
        ScenarioBuilder readers = scenario("readers")
                .feed(ids)
                .exec(http(RequestNames.VIEW_RECORD).get("/api/records/#{id}").check(status().is(200)))
                .exec(http(RequestNames.SEARCH_RECORDS)
                        .get("/api/records?q=data&size=10")
                        .check(status().is(200)));
        setUp(readers.injectOpen(steps).protocols(http.baseUrl(p.siteUrl()).acceptHeader("application/json")));
    }

    private static Params standaloneParams(ProbeRun simulator) {
        Map<String, String> keys = new HashMap<>();
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("slo.") || k.equals("baseline")) keys.put(k, System.getProperty(k));
        }
        return new Params(simulator.siteUrl(), ProbeRun.IDS, 20, Duration.ofSeconds(5), keys);
    }

    private static ProbeRun standalone() throws Exception {
        Map<String, String> keys = new HashMap<>();
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("simulator.")) keys.put(k, System.getProperty(k));
        }
        keys.putIfAbsent("simulator.serviceTime.distribution", "fixed");
        return new ProbeRun(Files.createTempDirectory("probe"), keys);
    }

    @Override
    public void after() {
        if (standalone != null) {
            try {
                standalone.close();
            } catch (Exception e) {
                System.err.println("probe: " + e);
            }
        }
    }
}

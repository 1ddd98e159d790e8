package rdmloadtest.calibrate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.config.ConfigException;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.gatling.SimulationLog;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.mix.Journey;

/**
 * One run of the calibrated profile (the default mix) against the embedded simulator, in this JVM, with the
 * simulator writing an access log; that log is calibrated like the real one, so both sides are read the same way.
 */
final class FidelityRun {
    static final String SIMULATION = "rdmloadtest.simulations.DefaultMixSimulation";
    /** The run needs samples, not the production rate: the shares do not depend on the rate. */
    static final double MIN_SESSIONS_PER_SECOND = 40;

    static final int LAUNCH_ATTEMPTS = 3;

    /** The run's access log read back, what each journey sent, and its requests per reader session. */
    record Outcome(Calibration calibration, Replay replay, double requestsPerSession) {}

    private FidelityRun() {}

    static Outcome run(Path dir, Path profile, Profile p, Duration duration) throws IOException {
        Files.createDirectories(dir);
        Path accessLog = dir.resolve("access.log");
        Files.deleteIfExists(accessLog);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("profile", "load");
        props.put("profile.file", profile.toAbsolutePath().toString());
        props.put("run.rampUp", "2s");
        props.put("run.duration", duration.toMillis() + "ms");
        double readers = Math.max(MIN_SESSIONS_PER_SECOND, p.readersRate());
        props.put("traffic.readers.rate", String.valueOf(readers));
        // Harvests keep their proportion to the readers' sessions, which run faster than the log's.
        props.put(
                Journey.HARVEST.rate().orElseThrow().name(),
                String.valueOf(Math.min(10_000, p.harvestersRate() * readers / p.readersRate())));
        props.put("simulator.accessLog", accessLog.toString());
        // Each virtual user's agent names it, so the log's visits are the run's sessions (pages per visit).
        props.put(InvenioKeys.USER_AGENT_PER_SESSION.name(), "true");
        // No crawlers: in its own run's log a crawler is not told apart from a reader (its agent names the session,
        // not a robot), so its pages would count as web visits and its requests as readers' (docs/calibration.md).
        props.put(Journey.CRAWL.key().name(), "0");
        props.put(Journey.CRAWL.rate().orElseThrow().name(), "0");
        props.put("slo.enforce", "false");
        props.put("slo.resultsFolder", dir.resolve("gatling").toAbsolutePath().toString());
        props.put("history.record", "false");
        props.put("baseline.runs", "0");
        props.put("progress.interval", "0s");
        props.put("injector.maxMachineCpuPct", "100");
        Map<String, String> previous = new HashMap<>();
        props.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        int rc;
        try (PrintStream console =
                new PrintStream(Files.newOutputStream(dir.resolve("console.txt")), true, StandardCharsets.UTF_8)) {
            rc = launch(dir, console);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
        if (!Files.isRegularFile(accessLog))
            throw new IOException("fidelity run: Gatling exited " + rc + " and the simulator wrote no access log; see "
                    + dir.resolve("console.txt"));
        LogStats stats = new LogStats(false, true);
        LogReader.read(List.of(accessLog), LogFormat.COMBINED, stats, 5);
        return new Outcome(Calibration.of(stats), stats.replay, requestsPerSession(dir.resolve("gatling"), stats));
    }

    /**
     * The run; again when its pre-flight found the simulator too slow: a cold simulator's first search has taken longer
     * than the pre-flight waits (invenio.preflightTimeout) on a crowded machine, and a second one, in this warmer JVM,
     * answers.
     */
    private static int launch(Path dir, PrintStream console) {
        for (int attempt = 1; ; attempt++) {
            try {
                return GatlingLauncher.run(
                        SIMULATION, dir.resolve("gatling"), "calibrate fidelity run", false, null, console);
            } catch (Throwable e) { // the simulation's own exception arrives wrapped by Gatling's reflection
                ConfigException preflight = configException(e);
                if (preflight == null || attempt == LAUNCH_ATTEMPTS) throw e;
                System.out.println("calibrate: fidelity run: " + preflight.getMessage() + "; again (" + (attempt + 1)
                        + " of " + LAUNCH_ATTEMPTS + ")");
            }
        }
    }

    private static ConfigException configException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof ConfigException c) return c;
        return null;
    }

    /** Reader requests (API, web pages, IIIF, static files) per session of the Readers scenario. */
    private static double requestsPerSession(Path results, LogStats stats) throws IOException {
        Path log;
        try (var runs = Files.walk(results)) {
            log = runs.filter(f -> f.getFileName().toString().equals("simulation.log"))
                    .findFirst()
                    .orElse(null);
        }
        if (log == null) return Profile.ASSUMED_REQUESTS_PER_SESSION;
        long sessions = SimulationLog.read(log).users().stream()
                .filter(u -> u.start() && u.scenario().equals("Readers"))
                .count();
        long readers = 0;
        for (VisitClass c : VisitClass.values()) if (c.reader) readers += stats.count(c);
        return sessions == 0 ? Profile.ASSUMED_REQUESTS_PER_SESSION : (double) readers / sessions;
    }
}

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
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.gatling.SimulationLog;

/**
 * One run of the calibrated profile (the default mix) against the embedded simulator, in this JVM, with the
 * simulator writing an access log; that log is calibrated like the real one, so both sides are read the same way.
 */
final class FidelityRun {
    static final String SIMULATION = "rdmloadtest.simulations.DefaultMixSimulation";
    /** The run needs samples, not the production rate: the shares do not depend on the rate. */
    static final double MIN_SESSIONS_PER_SECOND = 40;

    /** The run's access log read back, and its requests per reader session. */
    record Outcome(Calibration calibration, double requestsPerSession) {}

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
        props.put("traffic.readers.rate", String.valueOf(Math.max(MIN_SESSIONS_PER_SECOND, p.readersRate())));
        props.put("simulator.accessLog", accessLog.toString());
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
            rc = GatlingLauncher.run(
                    SIMULATION, dir.resolve("gatling"), "calibrate fidelity run", false, null, console);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
        if (!Files.isRegularFile(accessLog))
            throw new IOException("fidelity run: Gatling exited " + rc + " and the simulator wrote no access log; see "
                    + dir.resolve("console.txt"));
        LogStats stats = new LogStats(false);
        LogReader.read(List.of(accessLog), LogFormat.COMBINED, stats, 5);
        return new Outcome(Calibration.of(stats), requestsPerSession(dir.resolve("gatling"), stats));
    }

    /** Reader requests (search, record view, download, communities) per session of the Readers scenario. */
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
        long readers = stats.count(VisitClass.SEARCH)
                + stats.count(VisitClass.RECORD_VIEW)
                + stats.count(VisitClass.DOWNLOAD)
                + stats.count(VisitClass.COMMUNITIES);
        return sessions == 0 ? Profile.ASSUMED_REQUESTS_PER_SESSION : (double) readers / sessions;
    }
}

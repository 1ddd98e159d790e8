package rdmloadtest.calibrate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
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
import java.util.Optional;
import rdmloadtest.config.ConfigException;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.mix.Journey;
import rdmloadtest.run.RunKeys;

/**
 * One run of the calibrated profile (the default mix, its harvesters and crawlers) against the embedded simulator, in
 * this JVM, with the simulator writing an access log; that log is calibrated like the real one, so both sides are
 * read the same way.
 */
final class FidelityRun {
    static final String SIMULATION = "rdmloadtest.simulations.DefaultMixSimulation";
    static final int LAUNCH_ATTEMPTS = 3;

    static final Duration RAMP_UP = Duration.ofSeconds(2);

    /** What invenio.userAgentPerSession adds to a session's agent, before its number. */
    private static final String SESSION_AGENT = " session/";

    /** InvenioRDM's robots.txt (the simulator's) without its Crawl-delay. */
    static final String ROBOTS_TXT = "User-agent: *\nDisallow: /search\nDisallow: /api\nDisallow: /administration\n"
            + "Disallow: /account\nDisallow: /uploads\nDisallow: /me\nDisallow: /login\nDisallow: /logout\n"
            + "Disallow: /records/*/preview\n";

    /**
     * The run's access log read back, what each journey sent, its requests per reader session, the log as judged (its
     * sessions that started in time).
     */
    record Outcome(
            Calibration calibration, Sampled sampled, Replay replay, double requestsPerSession, Path accessLog) {}

    /** Runs read together: as calibrated, and their shares as sampled. */
    record Judged(Calibration calibration, Sampled sampled) {}

    private FidelityRun() {}

    /**
     * @param minRate reader sessions per second at least (calibrate.checkRate): the run needs samples, not the
     *     production rate, and the shares do not depend on the rate
     */
    static Outcome run(Path dir, Path profile, Profile p, Duration duration, double minRate) throws IOException {
        Files.createDirectories(dir);
        Path accessLog = dir.resolve("access.log");
        Files.deleteIfExists(accessLog);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("profile", "load");
        props.put("profile.file", profile.toAbsolutePath().toString());
        props.put("run.rampUp", RAMP_UP.toMillis() + "ms");
        props.put("run.duration", duration.toMillis() + "ms");
        double readers = readersRate(p, minRate);
        props.put("traffic.readers.rate", String.valueOf(readers));
        // Harvests, crawls and depositors keep their proportion to the readers' sessions, which run faster than the
        // log's.
        double scale = readers / p.readersRate();
        props.put(
                Journey.HARVEST.rate().orElseThrow().name(),
                String.valueOf(Math.min(10_000, p.harvestersRate() * scale)));
        props.put(Journey.CRAWL.key().name(), "0");
        // The depositors too, as whole users: the profile's, at its own readers' rate, may be none.
        props.put(Journey.DEPOSIT.key().name(), String.valueOf(Math.min(50, Math.round(p.depositors() * scale))));
        props.put(
                Journey.CRAWL.rate().orElseThrow().name(), String.valueOf(Math.min(10_000, p.crawlersRate() * scale)));
        props.put("simulator.accessLog", accessLog.toString());
        // Each virtual user's agent names it, so the log's visits are the run's sessions (pages per visit); the
        // crawler keeps its own agent (LogStats tells its requests by it).
        props.put(InvenioKeys.USER_AGENT_PER_SESSION.name(), "true");
        // Runs read together (same) tell their sessions apart by the run's name in the agent.
        props.put(InvenioKeys.USER_AGENT.name(), InvenioKeys.USER_AGENT.defaultValue() + " " + dir.getFileName());
        props.put(RunKeys.CRAWL_USER_AGENT.name(), RunKeys.CRAWL_USER_AGENT.defaultValue());
        // Crawlers without a delay: a session at Crawl-delay 10 s would outlast the run, cut short (its requests are
        // what is compared, not its pace).
        Path robots = dir.resolve("robots.txt");
        Files.writeString(robots, ROBOTS_TXT);
        props.put("simulator.robotsTxt", robots.toString());
        props.put(RunKeys.CRAWL_PAUSE.name(), "0s");
        // Nor do a harvester's pauses change what it asks: short ones keep the run from waiting on its last harvests.
        props.put(RunKeys.HARVEST_PAUSE.name(), "100ms");
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
        Path judged = dir.resolve("access-judged.log");
        startedInTime(accessLog, judged, RAMP_UP.plus(duration));
        LogStats stats = new LogStats(false, true);
        LogReader.read(List.of(judged), LogFormat.COMBINED, stats, 5);
        return new Outcome(
                Calibration.of(stats),
                Sampled.of(stats.samples(), p.weights()),
                stats.replay,
                requestsPerSession(stats.replay),
                judged);
    }

    /** The reader sessions per second a run of {@code p} starts. */
    static double readersRate(Profile p, double minRate) {
        return Math.max(minRate, p.readersRate());
    }

    /**
     * The run's log without the sessions that started in the last fifth of its planned length (at most 15 s): the
     * run's end cuts them short (a crawler leaves at the planned end, a visit loses its last pages), so what they sent
     * is not what a session of the profile sends. A session is a client (each virtual user's agent names it), or a
     * crawler's run from its robots.txt.
     *
     * @param planned the run's ramp-up and duration, from the first request of a session
     */
    static void startedInTime(Path log, Path out, Duration planned) throws IOException {
        // The load's first request: the first a session sends (the pre-flight's come before, under the run's agent).
        long first = Long.MAX_VALUE;
        long any = Long.MAX_VALUE;
        try (BufferedReader in = LogReader.open(log)) {
            for (String line; (line = in.readLine()) != null; ) {
                Optional<Hit> h = LogFormat.COMBINED.parse(line);
                if (h.isEmpty()) continue;
                any = Math.min(any, h.get().epochSecond());
                if (h.get().userAgent().contains(SESSION_AGENT))
                    first = Math.min(first, h.get().epochSecond());
            }
        }
        if (first == Long.MAX_VALUE) first = any;
        long seconds = planned.toSeconds();
        long cutoff = first + seconds - Math.min(15, seconds / 5);
        Map<Long, Boolean> kept = new HashMap<>();
        try (BufferedReader in = LogReader.open(log);
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Optional<Hit> h = LogFormat.COMBINED.parse(line);
                if (h.isEmpty()) continue;
                Hit hit = h.get();
                boolean starts = !kept.containsKey(hit.client())
                        || (hit.target().equals("/robots.txt") && LogStats.ownCrawler(hit.userAgent()));
                if (starts) kept.put(hit.client(), hit.epochSecond() <= cutoff);
                if (kept.get(hit.client())) {
                    w.write(line);
                    w.newLine();
                }
            }
        }
    }

    /**
     * Runs of the same profile read as one (their logs as judged): more sessions, the same workload. The exponent is
     * fitted on the records with as many views as one run's fit needs times the runs, the head one run's fit sees.
     */
    static Judged together(List<Path> accessLogs, Map<Journey, Integer> weights) throws IOException {
        LogStats stats = new LogStats(false, true);
        LogReader.read(accessLogs, LogFormat.COMBINED, stats, 5);
        return new Judged(
                Calibration.of(stats, ZipfFit.MIN_VIEWS * accessLogs.size()), Sampled.of(stats.samples(), weights));
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

    /**
     * Reader requests (API, web pages, IIIF, static files) per reader session, as the sessions judged sent them: what
     * the readers' rate (sessions) is to the log's reader requests.
     */
    static double requestsPerSession(Replay replay) {
        double sessions = 0;
        double requests = 0;
        for (Journey j : Journey.values()) {
            if (j.arrival() != Journey.Arrival.WEIGHT || replay.sessions(j) == 0) continue;
            sessions += replay.sessions(j);
            for (VisitClass c : VisitClass.values())
                if (c.reader) requests += replay.requests.get(j)[c.ordinal()];
        }
        return sessions == 0 ? Profile.ASSUMED_REQUESTS_PER_SESSION : requests / sessions;
    }
}

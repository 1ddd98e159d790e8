package rdmloadtest.live;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunSummary;
import rdmloadtest.simulations.RecordViewSimulation;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;
import rdmloadtest.slo.Check;
import rdmloadtest.testing.GatlingRun;

/**
 * A target that stops answering mid-run ends the run within seconds, FAILED "target unreachable", with the partial
 * results judged, and never INVALID: the injector's health (on a busy machine too) does not hide a dead target.
 */
class TargetDownTest {
    @TempDir
    static Path results;

    /** Planned 2 min: a run that ends long before has been stopped. */
    private static final Map<String, String> RUN = Map.of(
            "profile", "load",
            "run.rampUp", "1s",
            "run.duration", "120s",
            "traffic.readers.rate", "5",
            "slo.warmup", "0s");

    @Test
    void aSimulatorStoppedMidRunEndsItFailedTargetUnreachableEvenWithAStarvedInjector() throws Exception {
        // Any machine CPU above 1 % counts as starved: without the target watch this run would be INVALID.
        Outcome o = runAndBreak(sim -> {}, Map.of("injector.maxMachineCpuPct", "1"));
        assertTrue(
                o.summary().checks().stream()
                        .anyMatch(c -> c.kind() == Check.Kind.INJECTOR
                                && c.status() == Check.Status.SKIPPED
                                && c.message()
                                        .startsWith(
                                                "reported only (the target went down): INJECTOR-BOUND: machine CPU")),
                "the starved injector is reported: " + o.summary().checks());
        assertTrue(
                o.why().matches("ABORTED at t\\+\\d+ s \\(.*\\): target unreachable since t\\+\\d+ s: no answer .*"),
                o.why());
    }

    @Test
    void aTargetAnswering503ToEverythingEndsItFailedTargetUnreachable() throws Exception {
        AtomicReference<HttpServer> gateway = new AtomicReference<>();
        try {
            Outcome o = runAndBreak(
                    sim -> {
                        int port = URI.create(sim.siteUrl()).getPort();
                        // A load balancer in front of a dead application: the port answers, with 503 to everything.
                        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                        s.createContext("/", x -> {
                            x.sendResponseHeaders(503, -1);
                            x.close();
                        });
                        s.start();
                        gateway.set(s);
                    },
                    Map.of());
            assertTrue(
                    o.why().matches("ABORTED at t\\+\\d+ s \\(.*\\): target unreachable since t\\+\\d+ s: .*503.*"),
                    o.why());
        } finally {
            if (gateway.get() != null) gateway.get().stop(0);
        }
    }

    /** What happens once the simulator is stopped (nothing: the port refuses connections). */
    interface Breaker {
        void breakTarget(Simulator stopped) throws Exception;
    }

    record Outcome(String why, RunSummary summary) {}

    private Outcome runAndBreak(Breaker breaker, Map<String, String> more) throws Exception {
        Simulator sim = new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(Map.of()))));
        sim.start();
        AtomicLong brokenAt = new AtomicLong();
        LiveRun earlier = LiveRun.current().orElse(null);
        Thread killer = new Thread(() -> {
            try {
                // Some seconds of healthy load first, so the results before the fault are kept and judged.
                while (LiveRun.current().orElse(earlier) == earlier
                        || LiveRun.current().get().answeredCount() < 20) Thread.sleep(100);
                sim.close();
                breaker.breakTarget(sim);
                brokenAt.set(System.currentTimeMillis());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            killer.start();
            Map<String, String> props = new HashMap<>(RUN);
            props.putAll(more);
            props.put("invenio.baseUrl", sim.siteUrl());
            GatlingRun.Result r = GatlingRun.run(RecordViewSimulation.class, props, results);
            killer.join();
            RunSummary s = r.run().orElseThrow().summary();
            List<Check> aborts = s.checks().stream()
                    .filter(c -> c.kind() == Check.Kind.ABORT)
                    .toList();
            assertEquals(1, aborts.size(), s.checks().toString());
            String why = aborts.get(0).message();
            assertEquals(RunSummary.Verdict.FAILED, s.verdict(), why + " " + s.invalidReasons());
            assertEquals(Command.GATE_FAILED, RunReport.status(s, true));
            assertTrue(s.failures().contains(why), s.failures().toString());
            // The healthy part is in the results, judged.
            assertTrue(
                    s.global().ok() >= 20,
                    "requests answered before the fault: " + s.global().ok());
            long stopAfterFaultS =
                    (LiveRun.current().orElseThrow().abort().orElseThrow().atEpochMs() - brokenAt.get()) / 1000;
            System.out.println(
                    "rdm-loadtest test: fault at t+" + (brokenAt.get() / 1000 - s.injectStartEpochMs() / 1000)
                            + " s; stopped " + stopAfterFaultS + " s after it; run " + s.durationSeconds()
                            + " s of 121 planned: "
                            + s.verdict() + ": " + why);
            // Generous bound (the condition needs 10 s without an answer): far from the 121 s planned.
            assertTrue(stopAfterFaultS < 60, "stopped " + stopAfterFaultS + " s after the fault");
            return new Outcome(why, s);
        } finally {
            killer.join(1000);
            if (brokenAt.get() == 0) sim.close();
        }
    }
}

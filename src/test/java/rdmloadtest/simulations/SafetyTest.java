package rdmloadtest.simulations;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;
import rdmloadtest.testing.GatlingRun;

/** Production safety: no writes without permission, and no draft left behind by a run that failed midway. */
class SafetyTest {
    @TempDir
    Path results;

    @Test
    void writeJourneyAgainstATargetWithoutAllowWritesSendsNothing() throws Exception {
        // A counting HTTP listener stands in for the operator's instance (on loopback: tests never leave 127.0.0.1).
        HttpServer counter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        counter.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        counter.start();
        try {
            Throwable thrown = assertThrows(
                    Throwable.class,
                    () -> GatlingRun.run(
                            DepositSimulation.class,
                            Map.of(
                                    "profile",
                                    "smoke",
                                    "invenio.baseUrl",
                                    "http://127.0.0.1:" + counter.getAddress().getPort()),
                            results));
            while (thrown != null && !(thrown instanceof ConfigException)) thrown = thrown.getCause();
            assertNotNull(thrown, "the simulation did not stop on a configuration error");
            assertTrue(thrown.getMessage().startsWith("invenio.allowWrites=false"), thrown.getMessage());
            assertEquals(0, requests.get(), "requests reached the target although writes were not allowed");
        } finally {
            counter.stop(0);
        }
    }

    @Test
    void depositRunThatFailsMidwayLeavesNoDraft() throws Exception {
        // A real-target run (separate JVM, token in its environment) against a simulator whose writes fail often.
        SimulatorSettings settings = SimulatorSettings.from(new Settings(ConfigSource.ofMap(
                Map.of("simulator.faults.deposit", "error=0.3", "simulator.serviceTime.deposit", "2ms"))));
        try (Simulator sim = new Simulator(settings)) {
            sim.start();
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dinvenio.baseUrl=" + sim.siteUrl(),
                    "-Dinvenio.allowWrites=true",
                    "-Dprofile=load",
                    "-Drun.duration=4s",
                    "-Drun.rampUp=1s",
                    // Not judged: the default 10 s warm-up would make the 5 s run unjudgeable, refused before load.
                    "-Dslo.warmup=0s",
                    "-Dtraffic.depositors=3",
                    "-Dtraffic.depositors.pause=0s",
                    "-Dtraffic.deposit.maxFileMB=1",
                    "-Dtraffic.deposit.abandonProbability=0",
                    GatlingLauncher.MAIN,
                    "--simulation",
                    DepositSimulation.class.getName(),
                    "--results-folder",
                    results.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(results.resolve("run.log").toFile());
            pb.environment().put("INVENIO_TOKEN", "rdm-loadtest-token-1");
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not finish in 120 s");
            String log = Files.readString(results.resolve("run.log"));
            assertFalse(log.contains("rdm-loadtest-token-1"), "the token appeared in the run's output");
            assertTrue(log.contains("found 500"), "no request failed: the run did not fail midway\n" + tail(log));
            int drafts = sim.repository().read(() -> sim.repository().drafts().size());
            assertEquals(0, drafts, "drafts left on the target after the run\n" + tail(log));
        }
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 3000));
    }
}

package rdmloadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.testing.DoorSimulation;

/**
 * Everything the toolkit takes from Gatling beyond its DSL, checked against the Gatling on the classpath: when an
 * upgrade changes any of it, this fails and says where to look, instead of a gate that silently judges nothing.
 */
class GatlingDoorContractTest {
    private static final String LOOK = " (check rdmloadtest.gatling: launcher, binary log, run end, injection steps)";

    @Test
    void theDoorWasWrittenForTheGatlingInThePomAndOnTheClasspath() throws Exception {
        Matcher m = Pattern.compile("<gatling.version>([^<]+)</gatling.version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "no gatling.version property in pom.xml");
        assertEquals(
                GatlingVersion.WRITTEN_FOR,
                m.group(1),
                "pom.xml asks for Gatling " + m.group(1) + ", the door was written for " + GatlingVersion.WRITTEN_FOR
                        + LOOK + ", then set WRITTEN_FOR");
        assertEquals(
                GatlingVersion.WRITTEN_FOR,
                GatlingVersion.onClasspath(),
                "Gatling " + GatlingVersion.onClasspath() + " on the classpath, the door was written for "
                        + GatlingVersion.WRITTEN_FOR + LOOK);
    }

    @Test
    void anInProcessRunEndsVisiblyAndItsBinaryLogDecodes(@TempDir Path dir) throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            served.incrementAndGet();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        AtomicInteger ended = new AtomicInteger();
        String previous = System.setProperty(
                DoorSimulation.URL, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        int status;
        try {
            RunEnd.onEnd(ended::incrementAndGet);
            status = GatlingLauncher.run(
                    DoorSimulation.class.getName(),
                    dir,
                    "door",
                    false,
                    null,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        } finally {
            if (previous == null) System.clearProperty(DoorSimulation.URL);
            else System.setProperty(DoorSimulation.URL, previous);
            server.stop(0);
        }
        assertEquals(GatlingLauncher.OK, status, "Gatling's status for a run without assertions" + LOOK);
        assertEquals(1, ended.get(), "Gatling no longer stops Logback at the end of a run: RunEnd never fired" + LOOK);
        assertFalse(RunEnd.gatlingOwnsJvm(), "an in-process launch must not count as Gatling's own JVM");

        Path log;
        try (Stream<Path> runs = Files.list(dir)) {
            log = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("simulation.log");
        }
        SimulationLog.Header h = SimulationLog.readHeader(log);
        assertEquals(GatlingVersion.WRITTEN_FOR, h.gatlingVersion(), "the log's header" + LOOK);
        assertEquals(DoorSimulation.class.getName(), h.simulationClass(), "the log's header" + LOOK);
        SimulationLog read = SimulationLog.read(log);
        assertFalse(read.truncated(), "the binary log no longer decodes to its end" + LOOK);
        List<SimulationLog.Request> requests = read.requests();
        assertEquals(DoorSimulation.USERS, requests.size(), "request records" + LOOK);
        assertEquals(DoorSimulation.USERS, served.get());
        for (SimulationLog.Request r : requests) {
            assertEquals(DoorSimulation.REQUEST, r.name(), "request record layout" + LOOK);
            assertTrue(r.ok(), "request status" + LOOK);
            assertTrue(r.end() >= r.start() && r.start() >= h.runStart(), "request times" + LOOK);
        }
        assertEquals(
                DoorSimulation.USERS,
                read.users().stream().filter(SimulationLog.User::start).count(),
                "user records" + LOOK);
    }

    @Test
    void injectionStepsGiveEveryPlannedStart() {
        long[] starts =
                InjectionSteps.startOffsetsMs(List.of(constantUsersPerSec(10).during(Duration.ofSeconds(2))));
        assertEquals(20, starts.length, "Gatling's injection schedule" + LOOK);
        assertTrue(starts[0] >= 0 && starts[19] < 2000, "Gatling's injection schedule" + LOOK);
    }

    @Test
    void aRunThatCannotStartIsThrownNamingWhy() {
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> GatlingLauncher.run(
                        null,
                        Path.of("target"),
                        null,
                        false,
                        "no-such-run-folder",
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                "a reports-only run of a missing folder" + LOOK);
        assertTrue(e.getMessage().contains("no-such-run-folder"), e.getMessage());
    }
}

package rdmloadtest.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rdmloadtest.calibrate.CalibrateMain;
import rdmloadtest.capacity.CapacityMain;
import rdmloadtest.config.Environment;
import rdmloadtest.conformance.DifferentialCheck;
import rdmloadtest.datagen.ChecksumsMain;
import rdmloadtest.datagen.DatagenMain;
import rdmloadtest.datagen.FileTreeMain;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.harvest.HarvestMain;
import rdmloadtest.merge.MergeMain;
import rdmloadtest.run.CleanupMain;
import rdmloadtest.seed.SeedMain;
import rdmloadtest.simulations.DefaultMixSimulation;
import rdmloadtest.simulator.SimulatorMain;
import rdmloadtest.trends.TrendsMain;
import rdmloadtest.volume.VolumeMain;

/**
 * Bad input to every command, each run in-process through its main: exit 1, one line on stderr naming the key, file
 * or target, nothing sent to the target beyond the pre-flight's two GETs, and nothing written.
 */
class BadInputTableTest {
    /** The pre-flight's requests (Preflight): the record search and the token check. Anything else is load. */
    private static final List<String> PREFLIGHT = List.of("/api/records", "/api/user/records");

    static final String GOOD_TOKEN = "good-token-1234";
    static final String BAD_TOKEN = "s3cret-bad-token";

    private static Path root;
    private static HttpServer invenio;
    private static HttpServer html;
    private static HttpServer occupied;
    private static final AtomicInteger load = new AtomicInteger();
    private static int closedPort;

    enum Cmd {
        GATLING(() -> Command.main(
                "gatling:test",
                s -> GatlingLauncher.run(DefaultMixSimulation.class.getName(), root.resolve("gatling")))),
        CAPACITY(() -> CapacityMain.main(new String[0])),
        CALIBRATE(() -> CalibrateMain.main(new String[0])),
        TRENDS(() -> TrendsMain.main(new String[0])),
        HARVEST(() -> HarvestMain.main(new String[0])),
        SEED(() -> SeedMain.main(new String[0])),
        DIFFERENTIAL(() -> DifferentialCheck.main(new String[0])),
        MERGE(() -> MergeMain.main(new String[0])),
        CLEANUP(() -> CleanupMain.main(new String[0])),
        DATAGEN(() -> DatagenMain.main(new String[0])),
        CHECKSUMS(() -> ChecksumsMain.main(new String[0])),
        FILES(() -> FileTreeMain.main(new String[0])),
        SIMULATOR(() -> SimulatorMain.main(new String[0])),
        VOLUME(() -> VolumeMain.main(new String[0]));

        final Runnable main;

        Cmd(Runnable main) {
            this.main = main;
        }
    }

    static Stream<BadInputs.Case> cases() {
        return BadInputs.CASES.stream();
    }

    @BeforeAll
    static void setUp() throws IOException {
        root = Files.createTempDirectory("bad-input");
        invenio = server(BadInputTableTest::fakeInvenio);
        html = server(x -> answer(x, 200, "text/html", "<html><body>Welcome to nginx!</body></html>"));
        occupied = server(x -> answer(x, 200, "text/plain", "busy"));
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        invenio.stop(0);
        html.stop(0);
        occupied.stop(0);
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void isRefusedInOneLineBeforeAnythingIsSentOrWritten(BadInputs.Case c) throws Exception {
        Path dir = Files.createDirectories(root.resolve("case-" + BadInputs.CASES.indexOf(c)));
        Map<String, String> places = places(dir);
        Map<String, String> props = new HashMap<>();
        // Where a command would write by default: under this case's folder, so "nothing written" can be seen.
        props.put("history.record", "false");
        props.put("history.dir", dir.resolve("history").toString());
        props.put("slo.resultsFolder", dir.resolve("gatling").toString());
        props.put("run.ledgerDir", places.get("@EMPTY"));
        props.put("capacity.reportDir", dir.resolve("reports").toString());
        props.put("baseline.runs", "0");
        c.props().forEach((k, v) -> props.put(k, resolve(v, places)));
        Map<String, String> env = new HashMap<>();
        c.env().forEach((k, v) -> env.put(k, resolve(v, places)));
        String expected = resolve(c.expected(), places);

        Map<String, Long> before = tree(dir);
        List<String> cwdBefore = cwd();
        load.set(0);
        String[] err = new String[1];
        int status = withProperties(props, () -> {
            try (AutoCloseable e = Environment.replacedBy(env)) {
                return captured(() -> Command.status(c.cmd().main), err);
            }
        });

        List<String> lines = err[0].lines().filter(l -> !l.isBlank()).toList();
        assertEquals(Command.USAGE, status, "exit status; stderr:\n" + err[0]);
        assertEquals(1, lines.size(), "one line on stderr, got:\n" + err[0]);
        assertTrue(lines.get(0).startsWith("rdm-loadtest: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + lines.get(0));
        assertFalse(lines.get(0).contains(BAD_TOKEN) || lines.get(0).contains(GOOD_TOKEN), "a token was printed");
        assertEquals(0, load.get(), "requests sent to the target beyond the pre-flight");
        assertEquals(before, tree(dir), "files written or changed under the case's folder");
        assertEquals(cwdBefore, cwd(), "files written in the working directory");
    }

    /** The case's fixtures: a data set, an empty folder, a broken feeder, runs to merge, the servers' URLs. */
    private static Map<String, String> places(Path dir) throws IOException {
        Map<String, String> m = new HashMap<>();
        m.put("@ROOT", dir.toString());
        Path dataset = Files.createDirectories(dir.resolve("dataset"));
        Files.writeString(dataset.resolve("records.jsonl"), "{\"id\":\"abc12-34567\"}\n");
        m.put("@DATASET", dataset.toString());
        Path badJsonl = Files.createDirectories(dir.resolve("bad-jsonl"));
        Files.writeString(badJsonl.resolve("records.jsonl"), "{\"id\":\"abc12-34567\"}\n{not json\n");
        m.put("@BAD_JSONL", badJsonl.toString());
        m.put("@EMPTY", Files.createDirectories(dir.resolve("empty")).toString());
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        m.put("@FILE", file.toString());
        Path log = dir.resolve("access.log");
        Files.writeString(
                log, "127.0.0.1 - - [07/Dec/2026:10:00:00 +0000] \"GET /api/records HTTP/1.1\" 200 10 \"-\" \"x\"\n");
        m.put("@LOG", log.toString());
        Path broken = dir.resolve("broken");
        copy(Path.of("data/default/feeders"), Files.createDirectories(broken.resolve("feeders")));
        List<String> files = new ArrayList<>(Files.readAllLines(broken.resolve("feeders/files.csv")));
        files.set(29, "ecw4z-kjd80,paper.pdf,not-a-size,application/pdf");
        Files.write(broken.resolve("feeders/files.csv"), files);
        Files.copy(Path.of("data/default/records.jsonl"), broken.resolve("records.jsonl"));
        m.put("@BROKEN", broken.toString());
        Path loose = Files.createDirectories(dir.resolve("loose/run-1"));
        Files.writeString(loose.resolve("simulation.log"), "x");
        m.put("@LOOSE_LOG", dir.resolve("loose").toString());
        Path runs = Files.createDirectories(dir.resolve("runs/injector-0/run-1"));
        Files.writeString(runs.resolve("simulation.log"), "x");
        m.put("@RUNS", dir.resolve("runs").toString());
        for (String run : List.of("run-1", "run-2")) {
            Path twice = Files.createDirectories(dir.resolve("twice/injector-0").resolve(run));
            Files.writeString(twice.resolve("simulation.log"), "x");
        }
        m.put("@TWO_RUNS", dir.resolve("twice").toString());
        m.put("@INVENIO", "http://127.0.0.1:" + invenio.getAddress().getPort());
        m.put("@HTML", "http://127.0.0.1:" + html.getAddress().getPort());
        m.put("@CLOSED", "http://127.0.0.1:" + closedPort);
        m.put("@OCCUPIED_PORT", String.valueOf(occupied.getAddress().getPort()));
        return m;
    }

    private static String resolve(String v, Map<String, String> places) {
        for (Map.Entry<String, String> p : places.entrySet()) v = v.replace(p.getKey(), p.getValue());
        return v;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    /** Every file and folder under {@code dir} with its size: what a command wrote shows as a difference. */
    private static Map<String, Long> tree(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList())
                out.put(dir.relativize(f).toString(), Files.isDirectory(f) ? -1 : Files.size(f));
        }
        return out;
    }

    /** The working directory's entries, and every file under data/, where commands write by default. */
    private static List<String> cwd() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("."));
                Stream<Path> data = Files.walk(Path.of("data"))) {
            return Stream.concat(files, data).map(Path::toString).sorted().toList();
        }
    }

    interface Body {
        int run() throws Exception;
    }

    private static int withProperties(Map<String, String> props, Body body) throws Exception {
        Properties saved = (Properties) System.getProperties().clone();
        props.forEach(System::setProperty);
        try {
            return body.run();
        } finally {
            System.setProperties(saved);
        }
    }

    private static int captured(Body body, String[] err) throws Exception {
        PrintStream savedErr = System.err;
        PrintStream savedOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return body.run();
        } finally {
            System.setErr(savedErr);
            System.setOut(savedOut);
            err[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpServer server(HttpHandler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", x -> {
            if (!PREFLIGHT.contains(x.getRequestURI().getPath())) load.incrementAndGet();
            handler.handle(x);
        });
        s.start();
        return s;
    }

    /** Just enough of InvenioRDM v13 for the pre-flight: a record search, and the user's records for one token. */
    private static void fakeInvenio(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.equals("/api/records")) {
            answer(
                    x,
                    200,
                    "application/json",
                    "{\"hits\":{\"hits\":[],\"total\":0},\"aggregations\":{\"access_status\":{\"buckets\":[]}}}");
        } else if (path.equals("/api/user/records")) {
            boolean good = ("Bearer " + GOOD_TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"));
            answer(
                    x,
                    good ? 200 : 403,
                    "application/json",
                    good ? "{\"hits\":{\"hits\":[],\"total\":0}}" : "{\"status\":403}");
        } else {
            answer(x, 404, "application/json", "{\"status\":404}");
        }
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }
}

package rdmloadtest.conformance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Environment;
import rdmloadtest.config.Folders;
import rdmloadtest.config.Settings;
import rdmloadtest.feeders.DataKeys;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.invenio.Preflight;
import rdmloadtest.simulator.Simulator;
import rdmloadtest.simulator.SimulatorSettings;

/**
 * Sends the same sequence of requests to a real InvenioRDM and to the embedded simulator and reports every
 * way the simulator answers differently: {@code mvn -q exec:java@differential -Dconformance.real=URL
 * [-Dconformance.version=13]}, tokens of two users from INVENIO_TOKEN and INVENIO_TOKEN_2 (never printed).
 * Exit status ({@link Command}): 0 no difference beyond the accepted ones; 2 differences; 1 a setting is wrong.
 */
public final class DifferentialCheck {
    /** The outcome of one comparison. */
    public record Result(List<Difference> differences, List<Difference> accepted, String report) {}

    private DifferentialCheck() {}

    public static void main(String[] args) {
        Command.main("differential", DifferentialCheck::check);
    }

    private static int check(Settings s) throws Exception {
        URI real = s.find(ConformanceKeys.REAL)
                .orElseThrow(
                        () -> new ConfigException(
                                ConformanceKeys.REAL.name()
                                        + ": no value; expected the real InvenioRDM to compare with, e.g. -Dconformance.real=http://127.0.0.1:5000"));
        String realUrl = real.toString();
        String version = s.get(ConformanceKeys.VERSION);
        Path out = Path.of(s.find(ConformanceKeys.OUT).orElse("target/conformance/differential-v" + version + ".md"));
        String tokenA = Environment.get("INVENIO_TOKEN");
        String tokenB = Environment.get("INVENIO_TOKEN_2");
        if (tokenA == null || tokenA.isBlank())
            throw new ConfigException("INVENIO_TOKEN: not set; expected user A's token");
        if (tokenB == null || tokenB.isBlank())
            throw new ConfigException("INVENIO_TOKEN_2: not set; expected user B's token");
        if (!loopback(realUrl) && !s.get(InvenioKeys.ALLOW_WRITES)) {
            throw new ConfigException(
                    "conformance.real='" + realUrl + "' is not on this machine and the check creates and"
                            + " publishes records: set -Dinvenio.allowWrites=true to allow it");
        }
        Folders.writable(ConformanceKeys.OUT.name(), out.toAbsolutePath().getParent());
        Preflight.of(s, ConformanceKeys.REAL.name(), real, version, "INVENIO_TOKEN", List.of(tokenA));
        Preflight.of(s, ConformanceKeys.REAL.name(), real, version, "INVENIO_TOKEN_2", List.of(tokenB));
        try (Simulator sim = simulator(version, Path.of(s.get(DataKeys.DATA_DIR)), Map.of())) {
            sim.start();
            Side realSide = new Side("real", realUrl, tokenA, tokenB);
            Side simulated = new Side("simulator", sim.siteUrl(), "rdm-loadtest-token-1", "rdm-loadtest-token-2");
            Result r = run(realSide, simulated, version, realUrl);
            System.out.println(r.report());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, r.report());
            System.out.println("Report written to " + out);
            return r.differences().isEmpty() ? Command.OK : Command.GATE_FAILED;
        }
    }

    /** A simulator with the default data set and tokens, as the load tests embed it (plus any overrides). */
    static Simulator simulator(String version, Path dataDir, Map<String, String> overrides) throws IOException {
        Map<String, String> m = new HashMap<>(overrides);
        m.put("simulator.port", "0");
        m.put("invenio.version", version);
        m.put("data.dir", dataDir.toString());
        return new Simulator(SimulatorSettings.from(new Settings(ConfigSource.ofMap(m))));
    }

    /** Runs the sequence on both sides (real first) and compares step by step. */
    static Result run(Side real, Side sim, String version, String realLabel) throws InterruptedException {
        List<Step> steps = Sequence.steps(version);
        long t0 = System.nanoTime();
        real.run(Sequence.steps(version));
        long t1 = System.nanoTime();
        sim.run(Sequence.steps(version));
        long t2 = System.nanoTime();
        List<Difference> all = new Differ(real, sim).compare(steps);
        List<Difference> open = new ArrayList<>();
        List<Difference> accepted = new ArrayList<>();
        for (Difference d : all) (KnownDifferences.find(d, version) == null ? open : accepted).add(d);
        String report = Report.markdown(
                realLabel,
                version,
                steps,
                real,
                sim,
                open,
                accepted,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                Instant.now());
        return new Result(open, accepted, report);
    }

    private static boolean loopback(String url) {
        String host = URI.create(url).getHost();
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
    }
}

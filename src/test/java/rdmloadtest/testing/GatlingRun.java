package rdmloadtest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import rdmloadtest.gatling.GatlingLauncher;
import rdmloadtest.results.RunReport;
import rdmloadtest.results.RunSummary;

/** Test support: runs a simulation in this JVM with the given configuration and finds its report. */
public final class GatlingRun {
    /**
     * @param exitCode Gatling's own status (0 unless its command line or the simulation failed)
     * @param run our judge's result for this run, if it wrote one
     */
    public record Result(int exitCode, Path reportDir, Optional<RunReport.Result> run) {
        /** The request names this run sent. */
        public Set<String> requestNames() {
            return run.map(r -> r.summary().requests().stream()
                            .map(RunSummary.RequestSummary::name)
                            .collect(Collectors.toCollection(TreeSet::new)))
                    .orElseGet(TreeSet::new);
        }

        public RunSummary.Verdict verdict() {
            return run.map(r -> r.summary().verdict()).orElse(null);
        }
    }

    private GatlingRun() {}

    public static synchronized Result run(Class<?> simulation, Map<String, String> properties, Path resultsRoot)
            throws IOException {
        Properties saved = (Properties) System.getProperties().clone();
        Map<String, String> all = new HashMap<>(properties);
        // A test run joins no history and is compared with none.
        all.putIfAbsent("history.record", "false");
        all.putIfAbsent("baseline.runs", "0");
        all.put("slo.resultsFolder", resultsRoot.toAbsolutePath().toString());
        all.forEach(System::setProperty);
        try {
            Files.createDirectories(resultsRoot);
            Optional<RunReport.Result> before = RunReport.last();
            int rc = GatlingLauncher.run(simulation.getName(), resultsRoot);
            Optional<RunReport.Result> after = RunReport.last().filter(r -> before.isEmpty() || r != before.get());
            Path dir;
            try (Stream<Path> dirs = Files.list(resultsRoot)) {
                List<Path> runs = dirs.filter(Files::isDirectory)
                        .filter(d -> d.getFileName()
                                .toString()
                                .startsWith(simulation.getSimpleName().toLowerCase()))
                        .sorted()
                        .toList();
                dir = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            }
            return new Result(rc, dir, after);
        } finally {
            System.setProperties(saved);
        }
    }
}

package rdmloadtest.testing;

import java.io.IOException;
import rdmloadtest.gatling.GatlingLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Test support: runs a simulation in this JVM with the given configuration and finds its report. */
public final class GatlingRun {
  public record Result(int exitCode, Path reportDir, String indexHtml) {}

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
      int rc = GatlingLauncher.run(simulation.getName(), resultsRoot);
      Path dir;
      try (Stream<Path> dirs = Files.list(resultsRoot)) {
        List<Path> runs = dirs.filter(Files::isDirectory)
            .filter(d -> d.getFileName().toString().startsWith(simulation.getSimpleName().toLowerCase()))
            .sorted().toList();
        dir = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      }
      String html = dir != null && Files.exists(dir.resolve("index.html")) ? Files.readString(dir.resolve("index.html")) : "";
      return new Result(rc, dir, html);
    } finally {
      System.setProperties(saved);
    }
  }
}

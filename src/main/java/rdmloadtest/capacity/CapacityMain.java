package rdmloadtest.capacity;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Keys;

/**
 * {@code mvn -q exec:java@capacity [-Dcapacity.startRate=...]}: a capacity search and its report. Gatling needs
 * two --add-opens that Maven's JVM (exec:java) lacks, so the search runs in a JVM of its own with the same
 * classpath and every one of our -D keys. Exit status: 0 done, 2 a configuration error (before any load).
 */
public final class CapacityMain {
  private static final String CHILD = "rdmloadtest.capacity.child";

  private CapacityMain() {}

  public static void main(String[] args) throws Exception {
    if (!Boolean.getBoolean(CHILD)) {
      System.exit(relaunch());
    }
    try {
      CapacitySearch.run(Map.of(), System.out);
    } catch (ConfigException e) {
      System.err.println("rdm-loadtest: " + e.getMessage());
      System.exit(2);
    }
    System.exit(0);
  }

  private static int relaunch() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-Xmx1g", "-Djava.awt.headless=true", "-D" + CHILD + "=true"));
    for (String k : System.getProperties().stringPropertyNames()) {
      if (Keys.isOwned(k) || k.equals("logback.configurationFile")) cmd.add("-D" + k + "=" + System.getProperty(k));
    }
    cmd.addAll(List.of("-cp", classpath(), CapacityMain.class.getName()));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  /** The test classpath: exec:java runs us in a class loader of its own, a test runner on java.class.path. */
  private static String classpath() {
    List<String> parts = new ArrayList<>();
    for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
      if (!(l instanceof URLClassLoader u)) continue;
      for (URL url : u.getURLs()) {
        try {
          parts.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(url + ": not a file on the classpath", e);
        }
      }
    }
    return parts.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, parts);
  }
}

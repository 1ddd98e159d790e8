package rdmloadtest.run;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Makes {@code mvn -q exec:java@simulator} (and @datagen, @checksums, @config-table) work on a fresh
 * clone: exec:java runs no build, so the JDK's source launcher runs this one file, which compiles the test
 * sources when they are missing or stale ({@code mvn -q test-compile}) and then calls the real main class.
 * JDK classes only: nothing else is compiled when it runs.
 */
public final class ExecBoot {
  private ExecBoot() {}

  public static void main(String[] args) throws Exception {
    String mainClass = args[0];
    Path classes = Path.of("target", "test-classes");
    if (stale(classes.resolve(mainClass.replace('.', '/') + ".class"))) {
      String mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString();
      int rc = new ProcessBuilder(mvn, "-q", "-B", "test-compile").inheritIO().start().waitFor();
      if (rc != 0) {
        System.err.println("rdm-loadtest: the build failed (mvn -q test-compile exited " + rc + ")");
        System.exit(rc);
      }
    }
    // Logback is loaded from the dependencies, not from test-classes, so point it at our quiet config.
    System.setProperty("logback.configurationFile", classes.resolve("logback-test.xml").toAbsolutePath().toString());
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
    Thread.currentThread().setContextClassLoader(loader);
    try {
      loader.loadClass(mainClass).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  /** Missing, or older than a source or resource file under src/test. */
  private static boolean stale(Path classFile) throws IOException {
    if (!Files.exists(classFile)) return true;
    long built = Files.getLastModifiedTime(classFile).toMillis();
    try (Stream<Path> files = Files.walk(Path.of("src", "test"))) {
      return files.filter(Files::isRegularFile).anyMatch(f -> f.toFile().lastModified() > built);
    }
  }
}

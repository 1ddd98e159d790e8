package rdmloadtest.simulations;

import java.util.function.Supplier;
import rdmloadtest.config.ConfigException;

/**
 * Turns a configuration or data problem into one line on stderr and exit code 1 (the plugin then reports
 * "Gatling failed"; 2 would read as failed assertions), before any load.
 */
final class Startup {
  /** Set by in-process launches (JUnit), where exiting would kill the test JVM: the error is thrown instead. */
  static final String IN_PROCESS = "rdmloadtest.inProcess";

  private Startup() {}

  static <T> T orExit(Supplier<T> step) {
    try {
      return step.get();
    } catch (ConfigException e) {
      System.err.println("rdm-loadtest: " + e.getMessage());
      if (Boolean.getBoolean(IN_PROCESS)) throw e;
      System.exit(1);
      throw e;
    }
  }
}

package rdmloadtest.simulator;

import java.util.concurrent.CountDownLatch;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;

/** Standalone simulator: {@code mvn -q exec:java@simulator -Dsimulator.port=N}, serves until stopped. */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    SimulatorSettings settings;
    try {
      settings = SimulatorSettings.from(new Settings(ConfigSource.fromProcess()));
    } catch (ConfigException e) {
      System.err.println("rdm-loadtest: " + e.getMessage());
      System.exit(2);
      return;
    }
    Simulator sim;
    try {
      sim = new Simulator(settings);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      System.err.println("rdm-loadtest: " + e.getMessage());
      System.exit(2);
      return;
    }
    int port = sim.start();
    System.out.println("Simulator listening on http://127.0.0.1:" + port);
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        sim.close();
      } catch (Exception ignored) {
        // shutting down anyway
      } finally {
        stopped.countDown();
      }
    }));
    stopped.await();
  }
}

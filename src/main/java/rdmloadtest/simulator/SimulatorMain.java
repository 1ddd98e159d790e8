package rdmloadtest.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;

/** Standalone simulator: {@code mvn -q exec:java@simulator -Dsimulator.port=N}, serves until stopped. */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) {
        Command.main("simulator", SimulatorMain::serve);
    }

    private static int serve(Settings s) throws Exception {
        Simulator sim;
        try {
            sim = new Simulator(SimulatorSettings.from(s));
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("data.dir: " + e.getMessage(), e);
        }
        int port;
        try {
            port = sim.start();
        } catch (IOException e) {
            sim.close();
            throw new ConfigException(SimulatorKeys.PORT.name() + "=" + s.get(SimulatorKeys.PORT)
                    + ": cannot start the simulator (" + e.getMessage() + "); expected a free port (0: any free one)");
        }
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
        return Command.OK;
    }
}

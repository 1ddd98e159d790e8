package rdmloadtest.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.perf.EndpointClass;

/** Standalone simulator: {@code mvn -q exec:java@simulator -Dsimulator.port=N}, serves until stopped. */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) {
        Command.main("simulator", SimulatorMain::serve);
    }

    private static int serve(Settings s) throws Exception {
        Simulator sim;
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.from(s);
            sim = new Simulator(settings);
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
        if (s.find(SimulatorKeys.RECORDS).isPresent()) System.out.println(volume(s, settings));
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

    /** What simulator.records changed: each class's service time as configured and as scaled. */
    private static String volume(Settings s, SimulatorSettings scaled) {
        List<String> changed = new ArrayList<>();
        for (EndpointClass c : EndpointClass.values()) {
            Duration before = s.get(SimulatorKeys.SERVICE_TIME.get(c)),
                    after = scaled.serviceTimes().get(c);
            if (!before.equals(after))
                changed.add(String.format(
                        Locale.ROOT, "%s %.1f -> %.1f ms", c.id(), before.toNanos() / 1e6, after.toNanos() / 1e6));
        }
        return "Simulator models " + s.get(SimulatorKeys.RECORDS) + " records (" + SimulatorKeys.VOLUME_FIT.name() + "="
                + s.get(SimulatorKeys.VOLUME_FIT) + "): service times "
                + (changed.isEmpty() ? "unchanged" : String.join(", ", changed));
    }
}

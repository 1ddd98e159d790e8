package rdmloadtest.capacity;

import java.util.Map;
import rdmloadtest.cli.Command;

/**
 * {@code mvn -q exec:java@capacity [-Dcapacity.startRate=...]}: a capacity search and its report, run in Maven's JVM
 * (Gatling's two --add-opens come from .mvn/jvm.config). Exit status as every command's ({@link Command}).
 */
public final class CapacityMain {
    private CapacityMain() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Command.main("capacity", settings -> {
            CapacityResult r = CapacitySearch.run(Map.of(), System.out).result();
            return r.injectorBoundAtRps() != null && r.maxSustainableRps() == null ? Command.INVALID : Command.OK;
        });
    }
}

package rdmloadtest.simulator.perf;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.config.Parsers;

/**
 * Faults injected into one endpoint class: "error=0.05,spike=0.1@800ms,stall=0.01@30s,reset=0.01" or "none".
 * error: a 500 answer; spike: extra latency; stall: the worker hangs that long; reset: the connection is dropped.
 */
public record FaultSpec(
        double errorRate, double spikeRate, Duration spike, double stallRate, Duration stall, double resetRate) {
    public static final FaultSpec NONE = new FaultSpec(0, 0, Duration.ZERO, 0, Duration.ZERO, 0);

    public enum Fault {
        NONE,
        ERROR,
        SPIKE,
        STALL,
        RESET
    }

    public static FaultSpec parse(String text) {
        String t = text.trim();
        if (t.equals("none")) return NONE;
        double error = 0, spikeRate = 0, stallRate = 0, reset = 0;
        Duration spike = Duration.ZERO, stall = Duration.ZERO;
        for (String part : t.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) throw bad();
            String[] rateAndTime = kv[1].split("@", 2);
            double rate = rate(rateAndTime[0]);
            switch (kv[0].trim()) {
                case "error" -> error = rate;
                case "reset" -> reset = rate;
                case "spike" -> {
                    spikeRate = rate;
                    spike = timed(rateAndTime);
                }
                case "stall" -> {
                    stallRate = rate;
                    stall = timed(rateAndTime);
                }
                default -> throw bad();
            }
        }
        if (error + spikeRate + stallRate + reset > 1.0) {
            throw new IllegalArgumentException("expected fault rates that add up to at most 1");
        }
        return new FaultSpec(error, spikeRate, spike, stallRate, stall, reset);
    }

    /** One draw: at most one fault per request, each with its own probability. */
    public Fault draw() {
        if (this == NONE) return Fault.NONE;
        double u = ThreadLocalRandom.current().nextDouble();
        if ((u -= errorRate) < 0) return Fault.ERROR;
        if ((u -= spikeRate) < 0) return Fault.SPIKE;
        if ((u -= stallRate) < 0) return Fault.STALL;
        if ((u -= resetRate) < 0) return Fault.RESET;
        return Fault.NONE;
    }

    private static double rate(String s) {
        try {
            double r = Double.parseDouble(s.trim());
            if (r < 0 || r > 1) throw bad();
            return r;
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static Duration timed(String[] rateAndTime) {
        if (rateAndTime.length != 2) throw bad();
        try {
            return Parsers.parseDuration(rateAndTime[1]);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static IllegalArgumentException bad() {
        return new IllegalArgumentException(
                "expected none or a list like error=0.05,spike=0.1@800ms,stall=0.01@30s,reset=0.01 (rates 0..1)");
    }
}

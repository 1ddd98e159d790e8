package rdmloadtest.journeys;

import io.gatling.javaapi.core.Session;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Random branches of a journey; in a smoke run every branch is taken, so each request kind runs once. */
public final class Chance {
    private final boolean always;

    public Chance(boolean always) {
        this.always = always;
    }

    public Function<Session, Boolean> of(double p) {
        return s -> always || ThreadLocalRandom.current().nextDouble() < p;
    }

    public boolean always() {
        return always;
    }
}

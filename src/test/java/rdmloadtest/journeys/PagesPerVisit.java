package rdmloadtest.journeys;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** How many pages a web session opens in all: 1 plus a geometric number, with the configured mean. */
public final class PagesPerVisit {
    /** Bounds a session's loop of pages whatever the mean. */
    static final int MAX_PAGES = 100;

    private PagesPerVisit() {}

    public static int draw(double mean) {
        return draw(mean, ThreadLocalRandom.current());
    }

    static int draw(double mean, Random rnd) {
        if (mean <= 1) return 1;
        // 1 + Geometric(p) failures before a success has mean 1 + (1 - p) / p = 1 / p.
        double p = 1 / mean;
        int extra = (int) Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(1 - p));
        return Math.min(MAX_PAGES, 1 + extra);
    }
}

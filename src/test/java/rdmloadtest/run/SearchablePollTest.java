package rdmloadtest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The depositor's polls for a record just published: steady while the SLO is decided, then backing off. */
class SearchablePollTest {
    private static final LoadTestConfig.Searchable DEFAULT = new LoadTestConfig.Searchable(
            Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(2));

    /** When each poll is sent (ms after the publish answer), polls taking no time. */
    private static List<Long> schedule(LoadTestConfig.Searchable poll, long untilMs) {
        List<Long> at = new ArrayList<>();
        long t = 0;
        long wait = poll.firstPoll().toMillis();
        while (t + wait <= untilMs) {
            t += wait;
            at.add(t);
            wait = poll.nextWaitMs(t, wait);
        }
        return at;
    }

    @Test
    void pollsEveryFirstPollWhileSteadyThenDoublesUpToMaxPoll() {
        List<Long> at = schedule(DEFAULT, 12_000);
        // 20 polls, one every 250 ms up to 5 s: a record searchable after 1 s is found at 1.0-1.25 s, not 1.75 s
        assertEquals(250L, at.get(0));
        assertEquals(1000L, at.get(3));
        assertEquals(5000L, at.get(19));
        assertEquals(List.of(5500L, 6500L, 8500L, 10500L), at.subList(20, 24), "doubling from 250 ms, capped at 2 s");
    }

    @Test
    void withoutASteadyPeriodTheWaitsDoubleFromTheFirstPoll() {
        LoadTestConfig.Searchable poll = new LoadTestConfig.Searchable(
                Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ZERO, Duration.ofSeconds(2));
        assertEquals(List.of(250L, 750L, 1750L, 3750L, 5750L, 7750L), schedule(poll, 8000));
    }
}
